using k8s.Models;
using KubeSharp.Client.Rest;
using Eventually = KubeSharp.Testing.Eventually;

namespace KubeSharp.ControllerManager.Tests.Controllers.NodeLifecycle;

/// <summary>
/// The node lifecycle and taint eviction controllers against a real API server. Every test brings a healthy node
/// along in its zone (a zone of only dead nodes is "fully disrupted", where upstream stops tainting) and removes
/// its nodes at the end, so tests see only their own nodes.
/// </summary>
public sealed class NodeLifecycleTests(LifecycleCluster cluster) : IClassFixture<LifecycleCluster>
{
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task Node_whose_lease_stops_goes_unknown_its_pods_are_evicted_after_their_toleration_and_ready_again_removes_taints()
    {
        var ns = await cluster.NewNamespaceAsync("nlc-unreach");
        var zone = Unique("zone");
        await using var healthy = await SimulatedNode.StartAsync(cluster.Client, Unique("healthy"), "10.251.0.1", zone);
        await using var lost = await SimulatedNode.StartAsync(cluster.Client, Unique("lost"), "10.251.0.2", zone);

        // An RC whose pods tolerate unreachable for only 2 s (the API server would default 300 s), bound to the node.
        var rc = Workloads.Rc(ns, "web", 2);
        rc.Spec.Template.Spec.Tolerations =
        [
            new V1Toleration { Key = "node.kubernetes.io/unreachable", OperatorProperty = "Exists", Effect = "NoExecute", TolerationSeconds = 2 },
            new V1Toleration { Key = "node.kubernetes.io/not-ready", OperatorProperty = "Exists", Effect = "NoExecute", TolerationSeconds = 2 },
        ];
        await cluster.Client.For<V1ReplicationController>().CreateAsync(rc);
        var original = await Eventually.ValueAsync(() => PodsAsync(ns, "web"), p => p.Count == 2, "the RC's two pods");
        foreach (var pod in original) await lost.BindAsync(pod);

        // A pod that tolerates the node being unreachable forever.
        var stayer = Workloads.Pod(ns, "stayer", "stayer");
        stayer.Spec.NodeName = lost.Name;
        stayer.Spec.Tolerations = [new V1Toleration { Key = "node.kubernetes.io/unreachable", OperatorProperty = "Exists", Effect = "NoExecute" }];
        await cluster.Client.For<V1Pod>().CreateAsync(stayer);
        await new FakeKubelet(cluster.Client).SetStatusAsync(ns, "stayer", "10.244.9.9", ready: true);

        await lost.StopHeartbeatsAsync();

        var unknown = await Eventually.ValueAsync(() => NodeAsync(lost.Name),
            n => Condition(n, "Ready")?.Status == "Unknown", "the silent node's Ready condition to become Unknown", Slow);
        foreach (var type in new[] { "Ready", "MemoryPressure", "DiskPressure", "PIDPressure" })
        {
            var c = Condition(unknown, type)!;
            Assert.Equal("Unknown", c.Status);
            Assert.Equal("NodeStatusUnknown", c.Reason);
            Assert.Equal("Kubelet stopped posting node status.", c.Message);
        }
        var tainted = await Eventually.ValueAsync(() => NodeAsync(lost.Name),
            n => HasTaint(n, "node.kubernetes.io/unreachable", "NoExecute") && HasTaint(n, "node.kubernetes.io/unreachable", "NoSchedule"),
            "the unreachable NoExecute and NoSchedule taints");
        Assert.NotNull(tainted.Spec.Taints.Single(t => t.Effect == "NoExecute").TimeAdded);
        Assert.False(HasTaint(await NodeAsync(healthy.Name), "node.kubernetes.io/unreachable", "NoExecute"));
        // Its pods stop counting as ready at once, so Services stop routing to them.
        await Eventually.ValueAsync(() => cluster.Client.For<V1Pod>().GetAsync(ns, "stayer"),
            p => p.Status.Conditions.Single(c => c.Type == "Ready").Status == "False", "the stayer pod marked not ready");

        // After their 2 s the RC's pods are deleted (marked: no kubelet confirms), and the RC replaces them.
        var originalNames = original.Select(p => p.Metadata.Name).ToHashSet();
        var pods = await Eventually.ValueAsync(() => PodsAsync(ns, "web"),
            p => p.Count(x => originalNames.Contains(x.Metadata.Name) && x.Metadata.DeletionTimestamp != null) == 2
                && p.Count(x => !originalNames.Contains(x.Metadata.Name) && x.Metadata.DeletionTimestamp == null) == 2,
            "the RC's pods evicted and replaced", Slow);
        foreach (var evicted in pods.Where(p => originalNames.Contains(p.Metadata.Name)))
        {
            var target = evicted.Status.Conditions.Single(c => c.Type == "DisruptionTarget");
            Assert.Equal(("True", "DeletionByTaintManager"), (target.Status, target.Reason));
        }
        // Events are written asynchronously: they may trail the deletions a little.
        await Eventually.WaitAsync(async () =>
        {
            var events = (await cluster.Client.For<Corev1Event>().ListAsync(ns)).Items;
            return originalNames.All(name => events.Any(e => e.Reason == "TaintManagerEviction" && e.Message == $"Marking for deletion Pod {ns}/{name}"))
                && events.Any(e => e.Reason == "NodeNotReady" && e.Type == "Warning" && e.InvolvedObject.Name == "stayer");
        }, "TaintManagerEviction events for the evicted pods and NodeNotReady for the stayer");
        Assert.Null((await cluster.Client.For<V1Pod>().GetAsync(ns, "stayer")).Metadata.DeletionTimestamp);

        // The kubelet comes back: taints go.
        await lost.PostStatusAsync("True");
        await lost.ResumeHeartbeatsAsync();
        var back = await Eventually.ValueAsync(() => NodeAsync(lost.Name),
            n => !HasTaint(n, "node.kubernetes.io/unreachable", "NoExecute") && !HasTaint(n, "node.kubernetes.io/unreachable", "NoSchedule"),
            "the taints removed once Ready again", Slow);
        Assert.Equal("True", Condition(back, "Ready")!.Status);
        Assert.Null((await cluster.Client.For<V1Pod>().GetAsync(ns, "stayer")).Metadata.DeletionTimestamp);
    }

    [Fact]
    public async Task Not_ready_node_gets_not_ready_taints_and_pods_not_tolerating_a_NoExecute_taint_go_at_once()
    {
        var ns = await cluster.NewNamespaceAsync("nlc-notready");
        var zone = Unique("zone");
        await using var healthy = await SimulatedNode.StartAsync(cluster.Client, Unique("healthy"), "10.251.1.1", zone);
        await using var sick = await SimulatedNode.StartAsync(cluster.Client, Unique("sick"), "10.251.1.2", zone);
        var plain = Workloads.Pod(ns, "plain", "plain");
        plain.Spec.NodeName = sick.Name;
        await cluster.Client.For<V1Pod>().CreateAsync(plain);
        var tolerant = Workloads.Pod(ns, "tolerant", "tolerant");
        tolerant.Spec.NodeName = sick.Name;
        tolerant.Spec.Tolerations = [new V1Toleration { Key = "example.com/maintenance", OperatorProperty = "Exists", Effect = "NoExecute" }];
        await cluster.Client.For<V1Pod>().CreateAsync(tolerant);

        // The kubelet is alive (Lease renewed) but reports Ready=False.
        await sick.PostStatusAsync("False");
        var notReady = await Eventually.ValueAsync(() => NodeAsync(sick.Name),
            n => HasTaint(n, "node.kubernetes.io/not-ready", "NoExecute") && HasTaint(n, "node.kubernetes.io/not-ready", "NoSchedule"),
            "the not-ready taints", Slow);
        Assert.Equal("False", Condition(notReady, "Ready")!.Status);
        Assert.False(HasTaint(notReady, "node.kubernetes.io/unreachable", "NoExecute"));

        // Both pods tolerate not-ready for the default 300 s; a NoExecute taint only one tolerates evicts the other now.
        var pods = cluster.Client.For<V1Pod>();
        Assert.Null((await pods.GetAsync(ns, "plain")).Metadata.DeletionTimestamp);
        await cluster.Client.For<V1Node>().PatchAsync(null, sick.Name, PatchType.Json,
            """[{"op":"add","path":"/spec/taints/-","value":{"key":"example.com/maintenance","effect":"NoExecute"}}]""");
        await Eventually.ValueAsync(() => pods.GetAsync(ns, "plain"), p => p.Metadata.DeletionTimestamp != null, "the pod without the toleration evicted");
        Assert.Null((await pods.GetAsync(ns, "tolerant")).Metadata.DeletionTimestamp);

        // Ready again: the controller's taints go, the user's stays.
        await sick.PostStatusAsync("True");
        var recovered = await Eventually.ValueAsync(() => NodeAsync(sick.Name),
            n => !HasTaint(n, "node.kubernetes.io/not-ready", "NoExecute") && !HasTaint(n, "node.kubernetes.io/not-ready", "NoSchedule"),
            "the not-ready taints removed", Slow);
        Assert.True(HasTaint(recovered, "example.com/maintenance", "NoExecute"));
        Assert.Null((await pods.GetAsync(ns, "tolerant")).Metadata.DeletionTimestamp);
    }

    [Fact]
    public async Task Unschedulable_taint_follows_spec_unschedulable()
    {
        await using var node = await SimulatedNode.StartAsync(cluster.Client, Unique("cordon"), "10.251.2.1", Unique("zone"));
        var nodes = cluster.Client.For<V1Node>();
        await nodes.PatchAsync(null, node.Name, PatchType.Merge, """{"spec":{"unschedulable":true}}""");
        await Eventually.ValueAsync(() => NodeAsync(node.Name), n => HasTaint(n, "node.kubernetes.io/unschedulable", "NoSchedule"), "the unschedulable taint");
        await nodes.PatchAsync(null, node.Name, PatchType.Merge, """{"spec":{"unschedulable":false}}""");
        await Eventually.ValueAsync(() => NodeAsync(node.Name), n => !HasTaint(n, "node.kubernetes.io/unschedulable", "NoSchedule"), "the unschedulable taint removed");
    }

    [Fact]
    public async Task When_every_node_is_down_nodes_are_marked_unknown_but_not_tainted_for_eviction()
    {
        // The only node of the cluster (other tests' nodes are gone when this runs: tests of a class run one by one).
        await using var only = await SimulatedNode.StartAsync(cluster.Client, Unique("only"), "10.251.3.1", Unique("zone"));
        await only.StopHeartbeatsAsync();
        await Eventually.ValueAsync(() => NodeAsync(only.Name), n => HasTaint(n, "node.kubernetes.io/unreachable", "NoSchedule"),
            "the node marked unreachable", Slow);
        // Full disruption: no NoExecute taint, however long it stays down. Watched for 20 monitor periods.
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(4);
        while (DateTime.UtcNow < until)
        {
            Assert.False(HasTaint(await NodeAsync(only.Name), "node.kubernetes.io/unreachable", "NoExecute"));
            await Task.Delay(200);
        }
    }

    private async Task<V1Node> NodeAsync(string name) => await cluster.Client.For<V1Node>().GetAsync(null, name);

    private async Task<List<V1Pod>> PodsAsync(string ns, string app) =>
        (await cluster.Client.For<V1Pod>().ListAsync(ns)).Items.Where(p => p.Metadata.Labels != null && p.Metadata.Labels.TryGetValue("app", out var a) && a == app).ToList();

    private static V1NodeCondition? Condition(V1Node node, string type) => node.Status?.Conditions?.FirstOrDefault(c => c.Type == type);

    private static bool HasTaint(V1Node node, string key, string effect) => node.Spec?.Taints?.Any(t => t.Key == key && t.Effect == effect) == true;

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";
}
