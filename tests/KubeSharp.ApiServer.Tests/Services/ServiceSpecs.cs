using System.Net;
using k8s.Autorest;
using k8s.Models;

namespace KubeSharp.ApiServer.Tests.Services;

/// <summary>Service builders and error helpers shared by the service tests.</summary>
internal static class ServiceSpecs
{
    public static V1Service ClusterIp(string name, string? clusterIp = null, int port = 80) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Spec = new V1ServiceSpec
        {
            Selector = new Dictionary<string, string> { ["app"] = name },
            ClusterIP = clusterIp,
            Ports = [new V1ServicePort { Port = port }],
        },
    };

    public static V1Service NodePort(string name, params int?[] nodePorts) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Spec = new V1ServiceSpec
        {
            Type = "NodePort",
            Selector = new Dictionary<string, string> { ["app"] = name },
            Ports = nodePorts.Select((np, i) => new V1ServicePort { Name = $"p{i}", Port = 80 + i, NodePort = np }).ToList(),
        },
    };

    /// <summary>The Status message of a call rejected with 422 Invalid.</summary>
    public static Task<string> InvalidAsync(Func<Task> call) => FailsAsync(call, HttpStatusCode.UnprocessableEntity);

    public static async Task<string> FailsAsync(Func<Task> call, HttpStatusCode code)
    {
        var e = await Assert.ThrowsAsync<HttpOperationException>(call);
        Assert.True(e.Response.StatusCode == code, $"expected {(int)code}, got {(int)e.Response.StatusCode}: {e.Response.Content}");
        return System.Text.Json.JsonDocument.Parse(e.Response.Content).RootElement.GetProperty("message").GetString()!;
    }

    public static bool InRange(string ip, string cidrBase, int prefix)
    {
        var a = BitConverter.ToUInt32(IPAddress.Parse(ip).GetAddressBytes().Reverse().ToArray());
        var b = BitConverter.ToUInt32(IPAddress.Parse(cidrBase).GetAddressBytes().Reverse().ToArray());
        var mask = prefix == 0 ? 0u : uint.MaxValue << (32 - prefix);
        return (a & mask) == (b & mask);
    }
}
