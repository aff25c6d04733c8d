using k8s.Models;
using KubeSharp.Client.Rest;

namespace KubeSharp.ControllerManager.Tests.Controllers.Deployment;

[Collection(ClusterCollection.Name)]
public sealed class DeploymentRolloutTests(ClusterFixture cluster)
{
    private ResourceClient<V1Deployment> Deployments => cluster.Client.For<V1Deployment>();

    private static bool IsReady(V1Pod p) =>
        p.Metadata.DeletionTimestamp == null && p.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true;

    [Fact]
    public async Task Creating_a_deployment_makes_a_hashed_replica_set_with_pods_revision_and_status()
    {
        var ns = await cluster.NewNamespaceAsync("deploy-create");
        await using var kubelet = KubeletStandIn.Start(cluster.Client, ns);
        var spec = DeploymentWorkloads.Deployment(ns, "web", 3);
        spec.Metadata.Annotations = new Dictionary<string, string> { ["kubernetes.io/change-cause"] = "first release" };
        var d = await Deployments.CreateAsync(spec);

        d = await cluster.WaitRolledOutAsync(ns, "web");
        var rs = Assert.Single(await cluster.OwnedReplicaSetsAsync(ns, d.Uid()));
        var hash = rs.Metadata.Labels["pod-template-hash"];
        Assert.Equal("web-" + hash, rs.Name());
        Assert.Equal(hash, rs.Spec.Selector.MatchLabels["pod-template-hash"]);
        Assert.Equal(hash, rs.Spec.Template.Metadata.Labels["pod-template-hash"]);
        Assert.Equal("web", rs.Metadata.Labels["app"]);
        var owner = Assert.Single(rs.Metadata.OwnerReferences);
        Assert.Equal(("apps/v1", "Deployment", "web", true, true), (owner.ApiVersion, owner.Kind, owner.Name, owner.Controller, owner.BlockOwnerDeletion));
        Assert.Equal("1", rs.Metadata.Annotations["deployment.kubernetes.io/revision"]);
        Assert.Equal("3", rs.Metadata.Annotations["deployment.kubernetes.io/desired-replicas"]);
        Assert.Equal("4", rs.Metadata.Annotations["deployment.kubernetes.io/max-replicas"]); // 3 + ceil(25% of 3)
        Assert.Equal("first release", rs.Metadata.Annotations["kubernetes.io/change-cause"]);

        var pods = (await cluster.Client.For<V1Pod>().ListAsync(ns)).Items;
        Assert.Equal(3, pods.Count(p => p.Metadata.OwnerReferences?.Single().Uid == rs.Uid() && p.Metadata.Labels["pod-template-hash"] == hash));

        Assert.Equal("1", d.Metadata.Annotations["deployment.kubernetes.io/revision"]);
        Assert.Equal((3, 3, 3, 3, 0), (d.Status.Replicas, d.Status.UpdatedReplicas, d.Status.ReadyReplicas, d.Status.AvailableReplicas,
            d.Status.UnavailableReplicas ?? 0));
        var available = d.Status.Conditions.Single(c => c.Type == "Available");
        Assert.Equal(("True", "MinimumReplicasAvailable"), (available.Status, available.Reason));
        var progressing = d.Status.Conditions.Single(c => c.Type == "Progressing");
        Assert.Equal(("True", $"ReplicaSet \"web-{hash}\" has successfully progressed."), (progressing.Status, progressing.Message));

        await Eventually.WaitAsync(async () => (await cluster.EventsAsync(ns, d.Uid(), "ScalingReplicaSet"))
            .Any(e => e.Message == $"Scaled up replica set web-{hash} to 3"), "the ScalingReplicaSet event");
    }

    [Theory]
    [InlineData(4, "1", "0", 5, 4)]
    [InlineData(4, "0", "50%", 4, 2)]
    [InlineData(5, "40%", "20%", 7, 4)]
    public async Task Rolling_update_stays_within_max_surge_and_max_unavailable_at_every_step(
        int replicas, string surge, string unavailable, int maxTotal, int minReady)
    {
        var ns = await cluster.NewNamespaceAsync("deploy-rolling");
        await using var kubelet = KubeletStandIn.Start(cluster.Client, ns);
        var d = await Deployments.CreateAsync(DeploymentWorkloads.Deployment(ns, "web", replicas)
            .RollingUpdate(IntOrStringOf(surge), IntOrStringOf(unavailable)));
        await cluster.WaitRolledOutAsync(ns, "web");
        var firstRs = Assert.Single(await cluster.OwnedReplicaSetsAsync(ns, d.Uid()));

        // Every state of the store during the rollout: ReplicaSet sizes within replicas + maxSurge, ready pods at
        // least replicas - maxUnavailable.
        await using (var sets = await WatchedState<V1ReplicaSet>.StartAsync(cluster.Client, ns, all =>
            all.Sum(rs => rs.Spec.Replicas ?? 0) is var total && total > maxTotal ? $"ReplicaSets sum to {total} > {maxTotal}" : null))
        await using (var pods = await WatchedState<V1Pod>.StartAsync(cluster.Client, ns, all =>
            all.Count(IsReady) is var ready && ready < minReady ? $"{ready} ready pods < {minReady}" : null))
        {
            await cluster.PatchAsync(ns, "web", """{"spec":{"template":{"spec":{"containers":[{"name":"c","image":"busybox:2"}]}}}}""");
            d = await cluster.WaitRolledOutAsync(ns, "web");
            Assert.True(sets.Events > 0 && pods.Events > 0);
            Assert.Empty(sets.Violations);
            Assert.Empty(pods.Violations);
        }

        var all = await cluster.OwnedReplicaSetsAsync(ns, d.Uid());
        Assert.Equal(2, all.Count);
        var old = all.Single(rs => rs.Uid() == firstRs.Uid());
        var fresh = all.Single(rs => rs.Uid() != firstRs.Uid());
        Assert.Equal((0, "1"), (old.Spec.Replicas, old.Metadata.Annotations["deployment.kubernetes.io/revision"]));
        Assert.Equal((replicas, "2"), (fresh.Spec.Replicas, fresh.Metadata.Annotations["deployment.kubernetes.io/revision"]));
        Assert.Equal("busybox:2", fresh.Spec.Template.Spec.Containers[0].Image);
        Assert.Equal("2", d.Metadata.Annotations["deployment.kubernetes.io/revision"]);
        var pods2 = (await cluster.Client.For<V1Pod>().ListAsync(ns)).Items.Where(p => p.Metadata.DeletionTimestamp == null).ToList();
        Assert.Equal(replicas, pods2.Count);
        Assert.All(pods2, p => Assert.Equal(fresh.Uid(), p.Metadata.OwnerReferences.Single().Uid));
        await Eventually.WaitAsync(async () => (await cluster.EventsAsync(ns, d.Uid(), "ScalingReplicaSet"))
            .Any(e => e.Message == $"Scaled down replica set {old.Name()} to 0 from 1" || e.Message.StartsWith($"Scaled down replica set {old.Name()} to 0 from ", StringComparison.Ordinal)),
            "the scale-down event of the old ReplicaSet");
    }

    [Fact]
    public async Task Recreate_deletes_every_old_pod_before_creating_new_ones()
    {
        var ns = await cluster.NewNamespaceAsync("deploy-recreate");
        await using var kubelet = KubeletStandIn.Start(cluster.Client, ns);
        var spec = DeploymentWorkloads.Deployment(ns, "db", 3);
        spec.Spec.Strategy = new V1DeploymentStrategy { Type = "Recreate" };
        var d = await Deployments.CreateAsync(spec);
        await cluster.WaitRolledOutAsync(ns, "db");
        var oldRs = Assert.Single(await cluster.OwnedReplicaSetsAsync(ns, d.Uid()));

        await using (var pods = await WatchedState<V1Pod>.StartAsync(cluster.Client, ns, all =>
        {
            var oldPods = all.Count(p => p.Metadata.OwnerReferences?.Single().Uid == oldRs.Uid());
            var newPods = all.Count(p => p.Metadata.OwnerReferences?.Single().Uid != oldRs.Uid());
            return oldPods > 0 && newPods > 0 ? $"{oldPods} old and {newPods} new pods at once" : null;
        }))
        {
            await cluster.PatchAsync(ns, "db", """{"spec":{"template":{"spec":{"containers":[{"name":"c","image":"busybox:2"}]}}}}""");
            d = await cluster.WaitRolledOutAsync(ns, "db");
            Assert.True(pods.Events >= 6, $"saw {pods.Events} pod events");
            Assert.Empty(pods.Violations);
        }
        var sets = await cluster.OwnedReplicaSetsAsync(ns, d.Uid());
        Assert.Equal(0, sets.Single(rs => rs.Uid() == oldRs.Uid()).Spec.Replicas);
        Assert.Equal(3, sets.Single(rs => rs.Uid() != oldRs.Uid()).Spec.Replicas);
    }

    [Fact]
    public async Task Scaling_in_the_middle_of_a_rollout_is_proportional()
    {
        var ns = await cluster.NewNamespaceAsync("deploy-proportional");
        await using var kubelet = KubeletStandIn.Start(cluster.Client, ns);
        var d = await Deployments.CreateAsync(DeploymentWorkloads.Deployment(ns, "web", 10).RollingUpdate(3, 0));
        await cluster.WaitRolledOutAsync(ns, "web");
        var oldRs = Assert.Single(await cluster.OwnedReplicaSetsAsync(ns, d.Uid()));

        // New pods never become ready: the rollout stops with 10 old and 3 new (surge 3, unavailable 0).
        kubelet.Paused = true;
        await cluster.PatchAsync(ns, "web", """{"spec":{"template":{"spec":{"containers":[{"name":"c","image":"busybox:2"}]}}}}""");
        await Eventually.WaitAsync(async () => (await cluster.OwnedReplicaSetsAsync(ns, d.Uid()))
            .Any(rs => rs.Uid() != oldRs.Uid() && rs.Spec.Replicas == 3 && rs.Status?.Replicas == 3), "new ReplicaSet at 3");

        await cluster.Client.For<V1Deployment>().PatchAsync(ns, "web", PatchType.Merge, """{"spec":{"replicas":20}}""", "scale");
        // 23 allowed: old 10 * 23/13 = 17.7 -> 18, new 3 * 23/13 = 5.3 -> 5.
        await Eventually.WaitAsync(async () =>
        {
            var sets = await cluster.OwnedReplicaSetsAsync(ns, d.Uid());
            return sets.Single(rs => rs.Uid() == oldRs.Uid()).Spec.Replicas == 18 && sets.Single(rs => rs.Uid() != oldRs.Uid()).Spec.Replicas == 5;
        }, "old ReplicaSet at 18 and new at 5");
        var after = await cluster.OwnedReplicaSetsAsync(ns, d.Uid());
        Assert.All(after, rs => Assert.Equal(("20", "23"),
            (rs.Metadata.Annotations["deployment.kubernetes.io/desired-replicas"], rs.Metadata.Annotations["deployment.kubernetes.io/max-replicas"])));

        kubelet.Paused = false;
        await cluster.WaitRolledOutAsync(ns, "web");
    }

    [Fact]
    public async Task Progress_deadline_exceeded_is_reported_when_pods_never_become_ready()
    {
        var ns = await cluster.NewNamespaceAsync("deploy-deadline");
        var spec = DeploymentWorkloads.Deployment(ns, "stuck", 2);
        spec.Spec.ProgressDeadlineSeconds = 2;
        await Deployments.CreateAsync(spec);

        await Eventually.WaitAsync(async () =>
        {
            var d = await Deployments.GetAsync(ns, "stuck");
            return d.Status?.Conditions?.Any(c => c.Type == "Progressing" && c.Status == "False" && c.Reason == "ProgressDeadlineExceeded"
                && c.Message.EndsWith("has timed out progressing.", StringComparison.Ordinal)) == true;
        }, "ProgressDeadlineExceeded", TimeSpan.FromSeconds(30));
        var cur = await Deployments.GetAsync(ns, "stuck");
        var available = cur.Status.Conditions.Single(c => c.Type == "Available");
        Assert.Equal(("False", "MinimumReplicasUnavailable"), (available.Status, available.Reason));

        var (code, _, stderr) = await cluster.Kubectl.RunAsync("rollout", "status", "deployment/stuck", "-n", ns, "--timeout=20s");
        Assert.NotEqual(0, code);
        Assert.Contains("exceeded its progress deadline", stderr);
    }

    [Fact]
    public async Task Revision_history_limit_deletes_the_oldest_empty_replica_sets()
    {
        var ns = await cluster.NewNamespaceAsync("deploy-history");
        await using var kubelet = KubeletStandIn.Start(cluster.Client, ns);
        var spec = DeploymentWorkloads.Deployment(ns, "web", 1);
        spec.Spec.RevisionHistoryLimit = 1;
        var d = await Deployments.CreateAsync(spec);
        await cluster.WaitRolledOutAsync(ns, "web");
        foreach (var image in new[] { "busybox:2", "busybox:3", "busybox:4" })
        {
            await cluster.PatchAsync(ns, "web", """{"spec":{"template":{"spec":{"containers":[{"name":"c","image":""" + "\"" + image + "\"" + """}]}}}}""");
            await cluster.WaitRolledOutAsync(ns, "web");
        }
        await Eventually.WaitAsync(async () => (await cluster.OwnedReplicaSetsAsync(ns, d.Uid())).Count == 2, "current + one old ReplicaSet");
        var revisions = (await cluster.OwnedReplicaSetsAsync(ns, d.Uid()))
            .Select(rs => rs.Metadata.Annotations["deployment.kubernetes.io/revision"]).Order().ToList();
        Assert.Equal(["3", "4"], revisions);
    }

    private static IntOrString IntOrStringOf(string v)
    {
        if (int.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, out var n)) return n;
        return v;
    }
}
