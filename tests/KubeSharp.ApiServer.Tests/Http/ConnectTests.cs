using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using k8s;
using k8s.Models;
using KubeSharp.ApiServer.Tests.Infrastructure;

namespace KubeSharp.ApiServer.Tests.Http;

/// <summary>
/// pods/log, exec, attach and portforward before the kubelet is reached: the API server's own answers (as
/// upstream words them) for requests it can refuse by itself. The relay to a real kubelet is covered by the
/// node tests.
/// </summary>
public sealed class ConnectTests(ApiServerFixture f) : IClassFixture<ApiServerFixture>
{
    private static V1Pod Pod(string name, string? node, params string[] containers) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Spec = new V1PodSpec
        {
            NodeName = node,
            Containers = containers.Select(c => new V1Container { Name = c, Image = "busybox" }).ToList(),
        },
    };

    private static async Task<(HttpStatusCode Code, string Reason, string Message)> StatusOf(HttpResponseMessage r)
    {
        var doc = JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Status", doc.GetProperty("kind").GetString());
        return (r.StatusCode, doc.GetProperty("reason").GetString()!, doc.GetProperty("message").GetString()!);
    }

    [Fact]
    public async Task Log_of_an_unscheduled_pod_is_a_bad_request()
    {
        var ns = await f.NewNamespaceAsync("connect");
        using var client = f.Client();
        await client.CoreV1.CreateNamespacedPodAsync(Pod("pending", null, "main"), ns);
        using var http = RawHttp.Create(f);
        var (code, reason, message) = await StatusOf(await http.GetAsync($"/api/v1/namespaces/{ns}/pods/pending/log"));
        Assert.Equal(HttpStatusCode.BadRequest, code);
        Assert.Equal("BadRequest", reason);
        Assert.Equal("pod pending does not have a host assigned", message);
    }

    [Fact]
    public async Task Container_must_be_named_when_the_pod_has_several_and_must_exist()
    {
        var ns = await f.NewNamespaceAsync("connect");
        using var client = f.Client();
        await client.CoreV1.CreateNamespacedPodAsync(Pod("two", "node-a", "web", "sidecar"), ns);
        using var http = RawHttp.Create(f);
        var (code, _, message) = await StatusOf(await http.GetAsync($"/api/v1/namespaces/{ns}/pods/two/log"));
        Assert.Equal(HttpStatusCode.BadRequest, code);
        Assert.Equal("a container name must be specified for pod two, choose one of: [web sidecar]", message);

        (code, _, message) = await StatusOf(await http.GetAsync($"/api/v1/namespaces/{ns}/pods/two/log?container=nope"));
        Assert.Equal(HttpStatusCode.BadRequest, code);
        Assert.Equal("container nope is not valid for pod two", message);
    }

    [Fact]
    public async Task Exec_without_an_upgrade_is_refused()
    {
        var ns = await f.NewNamespaceAsync("connect");
        using var client = f.Client();
        await client.CoreV1.CreateNamespacedPodAsync(Pod("p", "node-a", "main"), ns);
        using var http = RawHttp.Create(f);
        var (code, _, message) = await StatusOf(await http.PostAsync($"/api/v1/namespaces/{ns}/pods/p/exec?command=true", null));
        Assert.Equal(HttpStatusCode.BadRequest, code);
        Assert.Equal("Upgrade request required", message);
    }

    [Fact]
    public async Task Log_for_a_node_whose_kubelet_is_down_is_service_unavailable()
    {
        var ns = await f.NewNamespaceAsync("connect");
        using var client = f.Client();
        var node = "down-" + Guid.NewGuid().ToString("N")[..6];
        var created = await client.CoreV1.CreateNodeAsync(new V1Node { Metadata = new V1ObjectMeta { Name = node } });
        created.Status = new V1NodeStatus
        {
            Addresses = [new V1NodeAddress { Type = "InternalIP", Address = "127.0.0.1" }],
            DaemonEndpoints = new V1NodeDaemonEndpoints { KubeletEndpoint = new V1DaemonEndpoint { Port = ClosedPort() } },
        };
        await client.CoreV1.ReplaceNodeStatusAsync(created, node);
        await client.CoreV1.CreateNamespacedPodAsync(Pod("p", node, "main"), ns);

        using var http = RawHttp.Create(f);
        var (code, reason, message) = await StatusOf(await http.GetAsync($"/api/v1/namespaces/{ns}/pods/p/log"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, code);
        Assert.Equal("ServiceUnavailable", reason);
        Assert.StartsWith("error dialing backend:", message);
    }

    /// <summary>A loopback port nobody listens on (bound, then released).</summary>
    private static int ClosedPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
