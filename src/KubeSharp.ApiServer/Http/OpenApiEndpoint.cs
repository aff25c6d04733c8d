using KubeSharp.ApiMachinery.OpenApi;

namespace KubeSharp.ApiServer.Http;

/// <summary>/openapi/v3 and /openapi/v3/{api/v1|apis/g/v}. /openapi/v2 is not served: kubectl only accepts it as
/// protobuf, and with v3 present (and fieldValidation on every write) it never asks for v2 (kubectl-wire §3).</summary>
public static class OpenApiEndpoint
{
    public static byte[]? Get(string path)
    {
        var trimmed = path.TrimEnd('/');
        if (trimmed == "/openapi/v3") return OpenApiDocuments.Root();
        const string prefix = "/openapi/v3/";
        return trimmed.StartsWith(prefix, StringComparison.Ordinal) ? OpenApiDocuments.ForGroupVersion(trimmed[prefix.Length..]) : null;
    }
}
