using System.Text;

namespace KubeSharp.ApiServer.Http;

/// <summary>/version. minor "32" matters beyond display: the kubectl dispatcher on these machines picks the
/// kubectl binary matching the server's minor version.</summary>
public static class VersionInfo
{
    public const string GitVersion = KubeSharp.ApiMachinery.OpenApi.OpenApiDocuments.GitVersion;

    public static byte[] Json { get; } = Encoding.UTF8.GetBytes(
        "{\"major\":\"1\",\"minor\":\"32\",\"gitVersion\":\"" + GitVersion + "\",\"gitCommit\":\"0000000000000000000000000000000000000000\"," +
        "\"gitTreeState\":\"clean\",\"buildDate\":\"2026-11-27T00:00:00Z\",\"goVersion\":\"go1.23.4\",\"compiler\":\"gc\"," +
        "\"platform\":\"linux/amd64\"}");
}
