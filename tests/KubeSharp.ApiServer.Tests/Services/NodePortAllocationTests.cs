using k8s;
using k8s.Models;
using KubeSharp.ApiServer.Tests.Infrastructure;
using static KubeSharp.ApiServer.Tests.Services.ServiceSpecs;

namespace KubeSharp.ApiServer.Tests.Services;

/// <summary>Node port allocation from 30000-32767. Explicit ports come from the static band (30000-30127), which
/// dynamic allocation leaves alone while it can, each test its own.</summary>
public sealed class NodePortAllocationTests(ApiServerFixture f) : IClassFixture<ApiServerFixture>
{
    [Fact]
    public async Task EveryPortGetsADistinctNodePortInTheRange()
    {
        using var client = f.Client();
        var ns = await f.NewNamespaceAsync("npauto");
        var svc = await client.CoreV1.CreateNamespacedServiceAsync(NodePort("a", null, null, null), ns);
        var ports = svc.Spec.Ports.Select(p => p.NodePort!.Value).ToList();
        Assert.All(ports, p => Assert.InRange(p, 30000, 32767));
        Assert.Equal(3, ports.Distinct().Count());
        Assert.Equal("Cluster", svc.Spec.ExternalTrafficPolicy);
        Assert.NotNull(svc.Spec.ClusterIP);

        var many = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => client.CoreV1.CreateNamespacedServiceAsync(NodePort($"m{i}", [null]), ns)));
        var all = many.Select(s => s.Spec.Ports[0].NodePort!.Value).Concat(ports).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
    }

    [Fact]
    public async Task ExplicitNodePortIsHonouredAndDuplicatesAreRefused()
    {
        using var client = f.Client();
        var ns = await f.NewNamespaceAsync("npexp");
        var a = await client.CoreV1.CreateNamespacedServiceAsync(NodePort("a", 30021), ns);
        Assert.Equal(30021, a.Spec.Ports[0].NodePort);

        var dup = await InvalidAsync(() => client.CoreV1.CreateNamespacedServiceAsync(NodePort("b", 30021), ns));
        Assert.Equal("Service \"b\" is invalid: spec.ports[0].nodePort: Invalid value: 30021: provided port is already allocated", dup);
        var outside = await InvalidAsync(() => client.CoreV1.CreateNamespacedServiceAsync(NodePort("c", 8080), ns));
        Assert.Equal("Service \"c\" is invalid: spec.ports[0].nodePort: Invalid value: 8080: provided port is not in the valid range. The range of valid ports is 30000-32767", outside);

        await client.CoreV1.DeleteNamespacedServiceAsync("a", ns);
        var b = await client.CoreV1.CreateNamespacedServiceAsync(NodePort("b", 30021), ns);
        Assert.Equal(30021, b.Spec.Ports[0].NodePort);
    }

    [Fact]
    public async Task AnUpdateThatFailsValidationGivesBackWhatItTook()
    {
        using var client = f.Client();
        var ns = await f.NewNamespaceAsync("nprevert");
        var svc = await client.CoreV1.CreateNamespacedServiceAsync(NodePort("a", 30041), ns);
        // A second port with a free node port, but an invalid protocol: 422 after the node port was taken.
        svc.Spec.Ports.Add(new V1ServicePort { Name = "bad", Port = 81, Protocol = "ICMP", NodePort = 30042 });
        await InvalidAsync(() => client.CoreV1.ReplaceNamespacedServiceAsync(svc, "a", ns));
        var b = await client.CoreV1.CreateNamespacedServiceAsync(NodePort("b", 30042), ns);
        Assert.Equal(30042, b.Spec.Ports[0].NodePort);
        await InvalidAsync(() => client.CoreV1.CreateNamespacedServiceAsync(NodePort("c", 30041), ns));
    }

    [Fact]
    public async Task SamePortNumberOverTcpAndUdpSharesOneNodePort()
    {
        using var client = f.Client();
        var ns = await f.NewNamespaceAsync("npdns");
        var svc = NodePort("dns", null, null);
        svc.Spec.Ports[0].Port = 53;
        svc.Spec.Ports[1].Port = 53;
        svc.Spec.Ports[1].Protocol = "UDP";
        var created = await client.CoreV1.CreateNamespacedServiceAsync(svc, ns);
        Assert.Equal(created.Spec.Ports[0].NodePort, created.Spec.Ports[1].NodePort);
    }

    [Fact]
    public async Task PortRemovalAndTypeChangeReleaseNodePorts()
    {
        using var client = f.Client();
        var ns = await f.NewNamespaceAsync("nprel");
        var svc = await client.CoreV1.CreateNamespacedServiceAsync(NodePort("a", 30031, 30032), ns);

        // Drop the second port: 30032 is free again, 30031 still held.
        svc.Spec.Ports.RemoveAt(1);
        await client.CoreV1.ReplaceNamespacedServiceAsync(svc, "a", ns);
        await client.CoreV1.CreateNamespacedServiceAsync(NodePort("b", 30032), ns);
        await InvalidAsync(() => client.CoreV1.CreateNamespacedServiceAsync(NodePort("c", 30031), ns));

        // NodePort -> ClusterIP drops the node ports (the client left them as they were) and frees them.
        var patch = new V1Patch("{\"spec\":{\"type\":\"ClusterIP\"}}", V1Patch.PatchType.MergePatch);
        var toClusterIp = await client.CoreV1.PatchNamespacedServiceAsync(patch, "a", ns);
        Assert.Null(toClusterIp.Spec.Ports[0].NodePort);
        Assert.Null(toClusterIp.Spec.ExternalTrafficPolicy);
        var c = await client.CoreV1.CreateNamespacedServiceAsync(NodePort("c", 30031), ns);
        Assert.Equal(30031, c.Spec.Ports[0].NodePort);

        // A replace that omits the node ports keeps them.
        var fresh = NodePort("c", [null]);
        var replaced = await client.CoreV1.ReplaceNamespacedServiceAsync(fresh, "c", ns);
        Assert.Equal(30031, replaced.Spec.Ports[0].NodePort);

        // ClusterIP -> NodePort allocates.
        var back = new V1Patch("{\"spec\":{\"type\":\"NodePort\"}}", V1Patch.PatchType.MergePatch);
        var toNodePort = await client.CoreV1.PatchNamespacedServiceAsync(back, "a", ns);
        Assert.InRange(toNodePort.Spec.Ports[0].NodePort!.Value, 30000, 32767);
    }

    [Fact]
    public async Task LoadBalancerGetsHealthCheckPortForLocalTrafficAndMaySkipNodePorts()
    {
        using var client = f.Client();
        var ns = await f.NewNamespaceAsync("lb");
        var lb = NodePort("lb", [null]);
        lb.Spec.Type = "LoadBalancer";
        lb.Spec.ExternalTrafficPolicy = "Local";
        var created = await client.CoreV1.CreateNamespacedServiceAsync(lb, ns);
        Assert.True(created.Spec.AllocateLoadBalancerNodePorts);
        Assert.InRange(created.Spec.Ports[0].NodePort!.Value, 30000, 32767);
        Assert.InRange(created.Spec.HealthCheckNodePort!.Value, 30000, 32767);
        Assert.NotEqual(created.Spec.Ports[0].NodePort, created.Spec.HealthCheckNodePort);
        var hc = created.Spec.HealthCheckNodePort!.Value;

        // Back to Cluster: the health check port goes and is free again.
        var patch = new V1Patch("{\"spec\":{\"externalTrafficPolicy\":\"Cluster\"}}", V1Patch.PatchType.MergePatch);
        var cluster = await client.CoreV1.PatchNamespacedServiceAsync(patch, "lb", ns);
        Assert.Null(cluster.Spec.HealthCheckNodePort);
        var reuse = await client.CoreV1.CreateNamespacedServiceAsync(NodePort("reuse", hc), ns);
        Assert.Equal(hc, reuse.Spec.Ports[0].NodePort);

        var noPorts = NodePort("lb2", [null]);
        noPorts.Spec.Type = "LoadBalancer";
        noPorts.Spec.AllocateLoadBalancerNodePorts = false;
        var without = await client.CoreV1.CreateNamespacedServiceAsync(noPorts, ns);
        Assert.Null(without.Spec.Ports[0].NodePort);
    }
}
