using k8s.Models;
using KubeSharp.Client.Rest;

namespace KubeSharp.ControllerManager.Tests.Controllers.ReplicaSet;

[Collection(ClusterCollection.Name)]
public sealed class ReplicationControllerTests(ClusterFixture cluster)
{
    private ResourceClient<V1Pod> Pods => cluster.Client.For<V1Pod>();

    private ResourceClient<V1ReplicationController> Rcs => cluster.Client.For<V1ReplicationController>();

    private async Task<List<V1Pod>> OwnedPodsAsync(string ns, string uid) =>
        (await Pods.ListAsync(ns)).Items
            .Where(p => p.Metadata.DeletionTimestamp == null && p.Metadata.OwnerReferences?.Any(r => r.Uid == uid && r.Controller == true) == true)
            .ToList();

    private async Task WaitForPodsAsync(string ns, string uid, int count) =>
        await Eventually.WaitAsync(async () => (await OwnedPodsAsync(ns, uid)).Count == count, $"{count} owned pods");

    [Fact]
    public async Task Creates_replicas_owned_by_the_rc_with_status_and_events()
    {
        var ns = await cluster.NewNamespaceAsync("rc-create");
        var rc = await Rcs.CreateAsync(Workloads.Rc(ns, "web", 3));
        await WaitForPodsAsync(ns, rc.Uid(), 3);

        var pods = await OwnedPodsAsync(ns, rc.Uid());
        Assert.All(pods, p =>
        {
            var owner = Assert.Single(p.Metadata.OwnerReferences);
            Assert.Equal(("v1", "ReplicationController", "web", true, true),
                (owner.ApiVersion, owner.Kind, owner.Name, owner.Controller, owner.BlockOwnerDeletion));
            Assert.StartsWith("web-", p.Metadata.Name);
            Assert.Equal("web", p.Metadata.Labels["app"]);
        });
        await Eventually.WaitAsync(async () =>
        {
            var cur = await Rcs.GetAsync(ns, "web");
            return cur.Status?.Replicas == 3 && cur.Status.FullyLabeledReplicas == 3 && cur.Status.ObservedGeneration == cur.Metadata.Generation;
        }, "status.replicas 3 at the current generation");
        await Eventually.WaitAsync(async () =>
        {
            var events = (await cluster.Client.For<Corev1Event>().ListAsync(ns)).Items;
            return events.Count(e => e.Reason == "SuccessfulCreate" && e.InvolvedObject.Uid == rc.Uid() && e.Message.StartsWith("Created pod: web-")) == 3;
        }, "three SuccessfulCreate events");
    }

    [Fact]
    public async Task Scales_up_and_down_through_the_scale_subresource_and_spec()
    {
        var ns = await cluster.NewNamespaceAsync("rc-scale");
        var rc = await Rcs.CreateAsync(Workloads.Rc(ns, "web", 3));
        await WaitForPodsAsync(ns, rc.Uid(), 3);

        await Rcs.PatchAsync(ns, "web", PatchType.Merge, """{"spec":{"replicas":5}}""", "scale");
        await WaitForPodsAsync(ns, rc.Uid(), 5);

        await Rcs.PatchAsync(ns, "web", PatchType.Merge, """{"spec":{"replicas":1}}""");
        await WaitForPodsAsync(ns, rc.Uid(), 1);
        await Eventually.WaitAsync(async () =>
        {
            var cur = await Rcs.GetAsync(ns, "web");
            return cur.Status?.Replicas == 1 && cur.Status.ObservedGeneration == cur.Metadata.Generation;
        }, "status after scale-down");
        var events = (await cluster.Client.For<Corev1Event>().ListAsync(ns)).Items;
        Assert.Contains(events, e => e.Reason == "SuccessfulDelete" && e.Message.StartsWith("Deleted pod: web-"));
    }

    [Fact]
    public async Task Replaces_a_deleted_pod()
    {
        var ns = await cluster.NewNamespaceAsync("rc-replace");
        var rc = await Rcs.CreateAsync(Workloads.Rc(ns, "web", 2));
        await WaitForPodsAsync(ns, rc.Uid(), 2);
        var victim = (await OwnedPodsAsync(ns, rc.Uid()))[0].Name();

        await Pods.DeleteAsync(ns, victim);

        await Eventually.WaitAsync(async () =>
        {
            var pods = await OwnedPodsAsync(ns, rc.Uid());
            return pods.Count == 2 && pods.All(p => p.Name() != victim);
        }, "a replacement pod");
    }

    [Fact]
    public async Task Adopts_a_matching_orphan_instead_of_creating()
    {
        var ns = await cluster.NewNamespaceAsync("rc-adopt");
        await Pods.CreateAsync(Workloads.Pod(ns, "orphan", "web"));
        // The controller can only adopt what its pod informer has seen; without this barrier an RC synced first
        // would (correctly, from what it knows) create two pods, and the test would measure watch latency.
        await Eventually.WaitAsync(() => Task.FromResult(cluster.Controllers.Informers?.ListerFor<V1Pod>().Get(ns, "orphan") != null),
            "the controller manager's pod informer sees the orphan");

        var rc = await Rcs.CreateAsync(Workloads.Rc(ns, "web", 2));

        await WaitForPodsAsync(ns, rc.Uid(), 2);
        var owned = await OwnedPodsAsync(ns, rc.Uid());
        Assert.Contains(owned, p => p.Name() == "orphan");
        Assert.Equal(2, (await Pods.ListAsync(ns)).Items.Count);
    }

    [Fact]
    public async Task Releases_a_relabelled_pod_and_replaces_it()
    {
        var ns = await cluster.NewNamespaceAsync("rc-release");
        var rc = await Rcs.CreateAsync(Workloads.Rc(ns, "web", 2));
        await WaitForPodsAsync(ns, rc.Uid(), 2);
        var moved = (await OwnedPodsAsync(ns, rc.Uid()))[0].Name();

        await Pods.PatchAsync(ns, moved, PatchType.Merge, """{"metadata":{"labels":{"app":"elsewhere"}}}""");

        await Eventually.WaitAsync(async () =>
        {
            var pod = await Pods.GetAsync(ns, moved);
            return pod.Metadata.OwnerReferences == null || pod.Metadata.OwnerReferences.Count == 0;
        }, "the ownerReference removed from the relabelled pod");
        await Eventually.WaitAsync(async () =>
        {
            var pods = await OwnedPodsAsync(ns, rc.Uid());
            return pods.Count == 2 && pods.All(p => p.Name() != moved);
        }, "a replacement for the released pod");
    }

    [Fact]
    public async Task A_terminating_pod_no_longer_counts_and_is_replaced()
    {
        var ns = await cluster.NewNamespaceAsync("rc-terminating");
        // Bound to a node: with no kubelet to confirm, a delete only marks it (graceful deletion).
        var bound = Workloads.Pod(ns, "bound", "web");
        bound.Spec.NodeName = "node-without-kubelet";
        await Pods.CreateAsync(bound);
        var rc = await Rcs.CreateAsync(Workloads.Rc(ns, "web", 1));
        await WaitForPodsAsync(ns, rc.Uid(), 1);
        Assert.Equal("bound", (await OwnedPodsAsync(ns, rc.Uid()))[0].Name());

        await Pods.DeleteAsync(ns, "bound");

        await Eventually.WaitAsync(async () =>
        {
            var pods = await OwnedPodsAsync(ns, rc.Uid());
            return pods.Count == 1 && pods[0].Name() != "bound";
        }, "a replacement beside the terminating pod");
        Assert.NotNull((await Pods.GetAsync(ns, "bound")).Metadata.DeletionTimestamp);
    }
}
