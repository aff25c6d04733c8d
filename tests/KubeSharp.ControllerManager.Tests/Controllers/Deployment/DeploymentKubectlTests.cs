using k8s.Models;
using KubeSharp.Client.Rest;

namespace KubeSharp.ControllerManager.Tests.Controllers.Deployment;

/// <summary>The rollout workflow through the real kubectl 1.32: status, history, undo, pause/resume, scale, delete.</summary>
[Collection(ClusterCollection.Name)]
public sealed class DeploymentKubectlTests(ClusterFixture cluster)
{
    private ResourceClient<V1Deployment> Deployments => cluster.Client.For<V1Deployment>();

    private async Task<V1Deployment> CreateWithKubectlAsync(string ns, string name, int replicas)
    {
        await cluster.Kubectl.OkAsync("create", "deployment", name, "--image=busybox:1", $"--replicas={replicas}", "-n", ns);
        return await Deployments.GetAsync(ns, name);
    }

    private async Task<List<V1Pod>> LivePodsAsync(string ns) =>
        (await cluster.Client.For<V1Pod>().ListAsync(ns)).Items.Where(p => p.Metadata.DeletionTimestamp == null).ToList();

    [Fact]
    public async Task Rollout_status_waits_for_the_rollout_and_exits_zero()
    {
        var ns = await cluster.NewNamespaceAsync("kc-status");
        // Pods take a second to become ready, so kubectl has to wait through the rollout.
        await using var kubelet = KubeletStandIn.Start(cluster.Client, ns, TimeSpan.FromSeconds(1));
        await CreateWithKubectlAsync(ns, "web", 3);

        var output = await cluster.Kubectl.OkAsync("rollout", "status", "deployment/web", "-n", ns, "--timeout=50s");
        Assert.Contains("deployment \"web\" successfully rolled out", output);
        var d = await Deployments.GetAsync(ns, "web");
        Assert.Equal(3, d.Status.AvailableReplicas);
    }

    [Fact]
    public async Task Rollout_history_lists_revisions_with_change_causes_and_undo_goes_back()
    {
        var ns = await cluster.NewNamespaceAsync("kc-undo");
        await using var kubelet = KubeletStandIn.Start(cluster.Client, ns);
        var d = await CreateWithKubectlAsync(ns, "web", 2);
        await cluster.Kubectl.OkAsync("annotate", "deployment/web", "kubernetes.io/change-cause=first", "-n", ns);
        await cluster.WaitRolledOutAsync(ns, "web");
        await cluster.Kubectl.OkAsync("set", "image", "deployment/web", "busybox=busybox:2", "-n", ns);
        await cluster.Kubectl.OkAsync("annotate", "deployment/web", "kubernetes.io/change-cause=second", "--overwrite", "-n", ns);
        await cluster.Kubectl.OkAsync("rollout", "status", "deployment/web", "-n", ns, "--timeout=50s");

        await Eventually.WaitAsync(async () =>
        {
            var history = await cluster.Kubectl.OkAsync("rollout", "history", "deployment/web", "-n", ns);
            return HistoryRows(history).SequenceEqual(["1 first", "2 second"]);
        }, "history with revisions 1 and 2");
        var revision1 = await cluster.Kubectl.OkAsync("rollout", "history", "deployment/web", "--revision=1", "-n", ns);
        Assert.Contains("busybox:1", revision1);

        var undo = await cluster.Kubectl.OkAsync("rollout", "undo", "deployment/web", "-n", ns);
        Assert.Contains("deployment.apps/web rolled back", undo);
        await cluster.Kubectl.OkAsync("rollout", "status", "deployment/web", "-n", ns, "--timeout=50s");
        d = await cluster.WaitRolledOutAsync(ns, "web");
        Assert.Equal("busybox:1", d.Spec.Template.Spec.Containers[0].Image);
        Assert.Equal("3", d.Metadata.Annotations["deployment.kubernetes.io/revision"]);

        // The first ReplicaSet is new again, under revision 3, remembering that it was revision 1.
        var sets = await cluster.OwnedReplicaSetsAsync(ns, d.Uid());
        Assert.Equal(2, sets.Count);
        var back = sets.Single(rs => rs.Spec.Template.Spec.Containers[0].Image == "busybox:1");
        Assert.Equal(("3", "1", 2), (back.Metadata.Annotations["deployment.kubernetes.io/revision"],
            back.Metadata.Annotations["deployment.kubernetes.io/revision-history"], back.Spec.Replicas));
        Assert.Equal(0, sets.Single(rs => rs.Uid() != back.Uid()).Spec.Replicas);
        var after = await cluster.Kubectl.OkAsync("rollout", "history", "deployment/web", "-n", ns);
        Assert.Equal(["2 second", "3 first"], HistoryRows(after));

        await cluster.Kubectl.OkAsync("rollout", "undo", "deployment/web", "--to-revision=2", "-n", ns);
        d = await cluster.WaitRolledOutAsync(ns, "web");
        Assert.Equal("busybox:2", d.Spec.Template.Spec.Containers[0].Image);
        Assert.Equal("4", d.Metadata.Annotations["deployment.kubernetes.io/revision"]);
    }

    [Fact]
    public async Task Paused_deployment_scales_but_does_not_roll_out_until_resumed()
    {
        var ns = await cluster.NewNamespaceAsync("kc-pause");
        await using var kubelet = KubeletStandIn.Start(cluster.Client, ns);
        var d = await CreateWithKubectlAsync(ns, "web", 2);
        await cluster.WaitRolledOutAsync(ns, "web");
        var reasons = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await using var watch = await WatchedState<V1Deployment>.StartAsync(cluster.Client, ns, all =>
        {
            foreach (var c in all.SelectMany(x => x.Status?.Conditions ?? []).Where(c => c.Type == "Progressing")) reasons.Enqueue(c.Reason);
            return null;
        });

        await cluster.Kubectl.OkAsync("rollout", "pause", "deployment/web", "-n", ns);
        await cluster.Kubectl.OkAsync("set", "image", "deployment/web", "busybox=busybox:2", "-n", ns);
        await cluster.Kubectl.OkAsync("scale", "deployment/web", "--replicas=4", "-n", ns);
        await Eventually.WaitAsync(async () =>
        {
            var cur = await Deployments.GetAsync(ns, "web");
            return cur.Status is { } s && s.ObservedGeneration == cur.Metadata.Generation && s.Replicas == 4
                && s.Conditions?.Any(c => c.Type == "Progressing" && c.Reason == "DeploymentPaused" && c.Status == "Unknown") == true;
        }, "the paused deployment scaled to 4");
        var whilePaused = Assert.Single(await cluster.OwnedReplicaSetsAsync(ns, d.Uid()));
        Assert.Equal(("busybox:1", 4), (whilePaused.Spec.Template.Spec.Containers[0].Image, whilePaused.Spec.Replicas));

        await cluster.Kubectl.OkAsync("rollout", "resume", "deployment/web", "-n", ns);
        d = await cluster.WaitRolledOutAsync(ns, "web");
        var sets = await cluster.OwnedReplicaSetsAsync(ns, d.Uid());
        Assert.Equal(2, sets.Count);
        Assert.Equal(4, sets.Single(rs => rs.Spec.Template.Spec.Containers[0].Image == "busybox:2").Spec.Replicas);
        Assert.Contains("DeploymentResumed", reasons);
        Assert.Contains("NewReplicaSetCreated", reasons);
    }

    [Fact]
    public async Task Kubectl_scale_changes_the_replica_count_both_ways()
    {
        var ns = await cluster.NewNamespaceAsync("kc-scale");
        await using var kubelet = KubeletStandIn.Start(cluster.Client, ns);
        await CreateWithKubectlAsync(ns, "web", 2);
        await cluster.WaitRolledOutAsync(ns, "web");

        Assert.Contains("deployment.apps/web scaled", await cluster.Kubectl.OkAsync("scale", "deployment", "web", "--replicas=5", "-n", ns));
        await cluster.WaitRolledOutAsync(ns, "web");
        Assert.Equal(5, (await LivePodsAsync(ns)).Count);

        await cluster.Kubectl.OkAsync("scale", "deployment", "web", "--replicas=1", "-n", ns);
        await cluster.WaitRolledOutAsync(ns, "web");
        await Eventually.WaitAsync(async () => (await LivePodsAsync(ns)).Count == 1, "one pod left");
        var d = await Deployments.GetAsync(ns, "web");
        var rs = Assert.Single(await cluster.OwnedReplicaSetsAsync(ns, d.Uid()));
        Assert.Equal("1", rs.Metadata.Annotations["deployment.kubernetes.io/desired-replicas"]);
    }

    [Fact]
    public async Task Kubectl_delete_removes_replica_sets_and_pods_unless_orphaned()
    {
        var ns = await cluster.NewNamespaceAsync("kc-delete");
        await using var kubelet = KubeletStandIn.Start(cluster.Client, ns);
        await CreateWithKubectlAsync(ns, "gone", 2);
        var kept = await CreateWithKubectlAsync(ns, "kept", 2);
        await cluster.WaitRolledOutAsync(ns, "gone");
        await cluster.WaitRolledOutAsync(ns, "kept");
        var keptRs = Assert.Single(await cluster.OwnedReplicaSetsAsync(ns, kept.Uid()));

        await cluster.Kubectl.OkAsync("delete", "deployment", "gone", "-n", ns);
        await Eventually.WaitAsync(async () =>
        {
            var sets = (await cluster.Client.For<V1ReplicaSet>().ListAsync(ns)).Items;
            var pods = await LivePodsAsync(ns);
            return sets.All(rs => !rs.Name().StartsWith("gone-", StringComparison.Ordinal))
                && pods.All(p => !p.Name().StartsWith("gone-", StringComparison.Ordinal));
        }, "ReplicaSet and pods of the deleted deployment collected", TimeSpan.FromSeconds(30));

        await cluster.Kubectl.OkAsync("delete", "deployment", "kept", "--cascade=orphan", "-n", ns);
        await Eventually.WaitAsync(async () =>
            (await Deployments.ListAsync(ns)).Items.Count == 0
            && (await cluster.Client.For<V1ReplicaSet>().GetAsync(ns, keptRs.Name())).Metadata.OwnerReferences is not { Count: > 0 },
            "the deployment gone and its ReplicaSet orphaned", TimeSpan.FromSeconds(30));
        var rs = await cluster.Client.For<V1ReplicaSet>().GetAsync(ns, keptRs.Name());
        Assert.Equal(keptRs.Uid(), rs.Uid());
        Assert.Equal(2, (await LivePodsAsync(ns)).Count(p => p.Metadata.OwnerReferences?.Single().Uid == rs.Uid()));
    }

    /// <summary>"REVISION  CHANGE-CAUSE" rows of kubectl rollout history as "revision cause".</summary>
    private static List<string> HistoryRows(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.Length > 0 && char.IsDigit(l[0]))
            .Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            .ToList();
}
