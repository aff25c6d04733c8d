using k8s.Models;
using KubeSharp.Client.Rest;

namespace KubeSharp.ControllerManager.Tests.Controllers.ReplicaSet;

[Collection(ClusterCollection.Name)]
public sealed class ReplicaSetTests(ClusterFixture cluster)
{
    [Fact]
    public async Task Replica_set_keeps_its_replicas_and_reports_status()
    {
        var ns = await cluster.NewNamespaceAsync("rs");
        var sets = cluster.Client.For<V1ReplicaSet>();
        var rs = await sets.CreateAsync(Workloads.Rs(ns, "api", 3));

        await Eventually.WaitAsync(async () =>
        {
            var pods = (await cluster.Client.For<V1Pod>().ListAsync(ns)).Items;
            return pods.Count(p => p.Metadata.OwnerReferences?.Any(r => r.Uid == rs.Uid() && r.Kind == "ReplicaSet" && r.ApiVersion == "apps/v1") == true) == 3;
        }, "three pods owned by the ReplicaSet");

        // No kubelet here: mark the pods Ready through pods/status, as a kubelet would, and watch the counts follow.
        foreach (var pod in (await cluster.Client.For<V1Pod>().ListAsync(ns)).Items)
        {
            await cluster.Client.For<V1Pod>().PatchAsync(ns, pod.Metadata.Name, PatchType.Merge,
                """{"status":{"phase":"Running","conditions":[{"type":"Ready","status":"True"}]}}""", "status");
        }
        await Eventually.WaitAsync(async () =>
        {
            var cur = await sets.GetAsync(ns, "api");
            return cur.Status?.ReadyReplicas == 3 && cur.Status.AvailableReplicas == 3 && cur.Status.FullyLabeledReplicas == 3;
        }, "ready and available replicas");

        await sets.PatchAsync(ns, "api", PatchType.Merge, """{"spec":{"replicas":1}}""");
        await Eventually.WaitAsync(async () =>
        {
            var cur = await sets.GetAsync(ns, "api");
            var pods = (await cluster.Client.For<V1Pod>().ListAsync(ns)).Items.Where(p => p.Metadata.DeletionTimestamp == null);
            return pods.Count() == 1 && cur.Status?.Replicas == 1 && cur.Status.ObservedGeneration == cur.Metadata.Generation;
        }, "scaled to one with status");
    }

    [Fact]
    public async Task Pods_become_available_after_min_ready_seconds_without_further_events()
    {
        var ns = await cluster.NewNamespaceAsync("rs-minready");
        var sets = cluster.Client.For<V1ReplicaSet>();
        var spec = Workloads.Rs(ns, "slow", 2);
        spec.Spec.MinReadySeconds = 3;
        await sets.CreateAsync(spec);
        await Eventually.WaitAsync(async () => (await cluster.Client.For<V1Pod>().ListAsync(ns)).Items.Count == 2, "two pods");

        var now = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var pod in (await cluster.Client.For<V1Pod>().ListAsync(ns)).Items)
        {
            await cluster.Client.For<V1Pod>().PatchAsync(ns, pod.Metadata.Name, PatchType.Merge,
                $$$"""{"status":{"phase":"Running","conditions":[{"type":"Ready","status":"True","lastTransitionTime":"{{{now}}}"}]}}""", "status");
        }

        await Eventually.WaitAsync(async () => (await sets.GetAsync(ns, "slow")).Status?.ReadyReplicas == 2, "ready replicas");
        Assert.NotEqual(2, (await sets.GetAsync(ns, "slow")).Status.AvailableReplicas);
        // Nothing changes after the pods are ready: only the controller's own requeue can make them available.
        await Eventually.WaitAsync(async () => (await sets.GetAsync(ns, "slow")).Status?.AvailableReplicas == 2, "available replicas");
    }
}
