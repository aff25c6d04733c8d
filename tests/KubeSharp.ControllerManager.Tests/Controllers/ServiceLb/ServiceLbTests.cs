using k8s.Models;
using KubeSharp.Client.Rest;
using Eventually = KubeSharp.Testing.Eventually;

namespace KubeSharp.ControllerManager.Tests.Controllers.ServiceLb;

/// <summary>The built-in load balancer against a real API server, on a cluster whose only nodes are the test's own.</summary>
public sealed class ServiceLbTests(LifecycleCluster cluster) : IClassFixture<LifecycleCluster>
{
    [Fact]
    public async Task LoadBalancer_gets_the_ready_nodes_addresses_follows_node_changes_and_kubectl_shows_them()
    {
        var ns = await cluster.NewNamespaceAsync("svclb");
        await using var first = await SimulatedNode.StartAsync(cluster.Client, Unique("lb1"), "10.252.0.11", "lb");
        var services = cluster.Client.For<V1Service>();
        var created = await services.CreateAsync(Service(ns, "web"));

        var svc = await Eventually.ValueAsync(() => services.GetAsync(ns, "web"), s => Ips(s) == "10.252.0.11", "ingress of the first node");
        Assert.Equal("VIP", svc.Status.LoadBalancer.Ingress.Single().IpMode);
        await Eventually.WaitAsync(async () =>
        {
            var reasons = (await cluster.Client.For<Corev1Event>().ListAsync(ns)).Items
                .Where(e => e.InvolvedObject?.Uid == created.Metadata.Uid).Select(e => e.Reason).ToList();
            return reasons.Contains("EnsuringLoadBalancer") && reasons.Contains("EnsuredLoadBalancer");
        }, "EnsuringLoadBalancer and EnsuredLoadBalancer events");

        // A node joins: its address is added.
        await using var second = await SimulatedNode.StartAsync(cluster.Client, Unique("lb2"), "10.252.0.12", "lb");
        await Eventually.ValueAsync(() => services.GetAsync(ns, "web"), s => Ips(s) == "10.252.0.11,10.252.0.12", "ingress of both nodes");
        var table = await cluster.Kubectl.OkAsync("get", "svc", "web", "-n", ns);
        var row = table.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["web", "LoadBalancer"], row[..2]);
        Assert.Equal("10.252.0.11,10.252.0.12", row[3]);

        // Not ready (or cordoned): no longer a target.
        await first.PostStatusAsync("False");
        await Eventually.ValueAsync(() => services.GetAsync(ns, "web"), s => Ips(s) == "10.252.0.12", "the not-ready node dropped");
        await cluster.Client.For<V1Node>().PatchAsync(null, second.Name, PatchType.Merge, """{"spec":{"unschedulable":true}}""");
        await Eventually.ValueAsync(() => services.GetAsync(ns, "web"), s => Ips(s) == "", "the cordoned node dropped");
        await first.PostStatusAsync("True");
        await Eventually.ValueAsync(() => services.GetAsync(ns, "web"), s => Ips(s) == "10.252.0.11", "the node back");

        // No longer a LoadBalancer: no ingress.
        await services.PatchAsync(ns, "web", PatchType.Merge, """{"spec":{"type":"ClusterIP"}}""");
        await Eventually.ValueAsync(() => services.GetAsync(ns, "web"), s => Ips(s) == "", "ingress cleared");
    }

    [Fact]
    public async Task Services_with_a_load_balancer_class_are_left_to_their_implementation()
    {
        var ns = await cluster.NewNamespaceAsync("svclb-class");
        await using var node = await SimulatedNode.StartAsync(cluster.Client, Unique("lbc"), "10.252.1.11", "lb");
        var services = cluster.Client.For<V1Service>();
        var other = Service(ns, "other");
        other.Spec.LoadBalancerClass = "example.com/other-lb";
        await services.CreateAsync(other);
        // Created after it, so once this one has its ingress the controller has seen (and skipped) the other.
        await services.CreateAsync(Service(ns, "ours"));
        await Eventually.ValueAsync(() => services.GetAsync(ns, "ours"), s => Ips(s) == "10.252.1.11", "ingress of the unclassed service");
        Assert.Equal("", Ips(await services.GetAsync(ns, "other")));
    }

    private static V1Service Service(string ns, string name) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
        Spec = new V1ServiceSpec
        {
            Type = "LoadBalancer",
            Selector = new Dictionary<string, string> { ["app"] = name },
            Ports = [new V1ServicePort { Port = 80, TargetPort = 8080 }],
        },
    };

    private static string Ips(V1Service s) => string.Join(",", s.Status?.LoadBalancer?.Ingress?.Select(i => i.Ip) ?? []);

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";
}
