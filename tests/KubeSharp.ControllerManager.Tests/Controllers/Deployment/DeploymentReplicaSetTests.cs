using k8s.Models;
using KubeSharp.Client.Rest;
using KubeSharp.ControllerManager.Controllers.Deployment;

namespace KubeSharp.ControllerManager.Tests.Controllers.Deployment;

/// <summary>How the controller names and configures ReplicaSets: hash collisions and minReadySeconds.</summary>
[Collection(ClusterCollection.Name)]
public sealed class DeploymentReplicaSetTests(ClusterFixture cluster)
{
    private ResourceClient<V1Deployment> Deployments => cluster.Client.For<V1Deployment>();

    [Fact]
    public async Task A_name_taken_by_a_foreign_replica_set_bumps_the_collision_count_and_rehashes()
    {
        var ns = await cluster.NewNamespaceAsync("deploy-collision");
        // Created paused, the Deployment makes no ReplicaSet yet, and its defaulted template can be read back.
        var spec = DeploymentWorkloads.Deployment(ns, "web", 1);
        spec.Spec.Paused = true;
        var d = await Deployments.CreateAsync(spec);
        var hash = PodTemplateHash.Compute(d.Spec.Template, null);
        var squatter = Workloads.Rs(ns, "web-" + hash, 0); // selects app=web-<hash>: never adopted by the Deployment
        await cluster.Client.For<V1ReplicaSet>().CreateAsync(squatter);

        await cluster.PatchAsync(ns, "web", """{"spec":{"paused":false}}""");
        await Eventually.WaitAsync(async () => (await cluster.OwnedReplicaSetsAsync(ns, d.Uid())).Count == 1, "the Deployment's own ReplicaSet");
        var own = Assert.Single(await cluster.OwnedReplicaSetsAsync(ns, d.Uid()));
        Assert.Equal("web-" + PodTemplateHash.Compute(d.Spec.Template, 1), own.Name());
        Assert.Equal(1, (await Deployments.GetAsync(ns, "web")).Status.CollisionCount);
        var untouched = await cluster.Client.For<V1ReplicaSet>().GetAsync(ns, "web-" + hash);
        Assert.Empty(untouched.Metadata.OwnerReferences ?? []);
    }

    [Fact]
    public async Task Min_ready_seconds_reaches_the_replica_sets_and_delays_availability()
    {
        var ns = await cluster.NewNamespaceAsync("deploy-minready");
        await using var kubelet = KubeletStandIn.Start(cluster.Client, ns);
        var spec = DeploymentWorkloads.Deployment(ns, "web", 2);
        spec.Spec.MinReadySeconds = 5;
        var d = await Deployments.CreateAsync(spec);

        await Eventually.WaitAsync(async () => (await Deployments.GetAsync(ns, "web")).Status?.ReadyReplicas == 2, "two ready replicas");
        var early = await Deployments.GetAsync(ns, "web");
        Assert.NotEqual(2, early.Status.AvailableReplicas ?? 0);
        Assert.Contains(early.Status.Conditions, c => c.Type == "Available" && c.Status == "False");
        await cluster.WaitRolledOutAsync(ns, "web");
        var rs = Assert.Single(await cluster.OwnedReplicaSetsAsync(ns, d.Uid()));
        Assert.Equal(5, rs.Spec.MinReadySeconds);

        // Changing only minReadySeconds updates the ReplicaSet in place: no new revision.
        await cluster.PatchAsync(ns, "web", """{"spec":{"minReadySeconds":1}}""");
        await Eventually.WaitAsync(async () => (await cluster.OwnedReplicaSetsAsync(ns, d.Uid())).Single().Spec.MinReadySeconds == 1,
            "minReadySeconds 1 on the same ReplicaSet");
        Assert.Equal(rs.Uid(), Assert.Single(await cluster.OwnedReplicaSetsAsync(ns, d.Uid())).Uid());
    }
}
