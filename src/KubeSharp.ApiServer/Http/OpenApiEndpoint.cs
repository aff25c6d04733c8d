namespace KubeSharp.ApiServer.Http;

// Placeholder until the printing/openapi branch lands.
public static class OpenApiEndpoint
{
    public static byte[]? Get(string path) => null;
}
