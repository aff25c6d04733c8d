using k8s.Models;
using KubeSharp.Client.Rest;

namespace KubeSharp.ControllerManager.Tests.Controllers.Disruption;

/// <summary>The disruption controller against the shared API server, with the workload controllers making the pods.</summary>
[Collection(ClusterCollection.Name)]
public sealed class DisruptionControllerTests(ClusterFixture cluster)
{
    private static V1PodDisruptionBudget Budget(string ns, string app, string? minAvailable = null, string? maxUnavailable = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = app + "-pdb", NamespaceProperty = ns },
        Spec = new V1PodDisruptionBudgetSpec
        {
            MinAvailable = minAvailable == null ? null : (IntOrString)minAvailable,
            MaxUnavailable = maxUnavailable == null ? null : (IntOrString)maxUnavailable,
            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = app } },
        },
    };

    private async Task<V1PodDisruptionBudget> WaitForStatusAsync(string ns, string name, Func<V1PodDisruptionBudgetStatus, bool> done, string what)
    {
        V1PodDisruptionBudget? pdb = null;
        await Eventually.WaitAsync(async () =>
        {
            pdb = await cluster.Client.For<V1PodDisruptionBudget>().GetAsync(ns, name);
            return pdb.Status != null && pdb.Status.ObservedGeneration == pdb.Metadata.Generation && done(pdb.Status);
        }, what, TimeSpan.FromSeconds(30));
        return pdb!;
    }

    [Fact]
    public async Task Percentage_budget_of_a_deployment_follows_its_scale_and_ready_pods()
    {
        var ns = await cluster.NewNamespaceAsync("pdb");
        await using var kubelet = KubeletStandIn.Start(cluster.Client, ns);
        await cluster.Client.For<V1Deployment>().CreateAsync(DeploymentWorkloads.Deployment(ns, "web", 4));
        await cluster.Client.For<V1PodDisruptionBudget>().CreateAsync(Budget(ns, "web", maxUnavailable: "25%"));

        // 25% of 4 may be unavailable: 3 desired, and with all 4 Ready one disruption is allowed.
        var pdb = await WaitForStatusAsync(ns, "web-pdb", s => s.CurrentHealthy == 4, "4 healthy pods");
        Assert.Equal((4, 3, 4, 1), (pdb.Status.ExpectedPods, pdb.Status.DesiredHealthy, pdb.Status.CurrentHealthy, pdb.Status.DisruptionsAllowed));
        var condition = Assert.Single(pdb.Status.Conditions);
        Assert.Equal(("DisruptionAllowed", "True", "SufficientPods"), (condition.Type, condition.Status, condition.Reason));
        Assert.Equal(pdb.Metadata.Generation, condition.ObservedGeneration);

        // One pod turns unready: no disruption left.
        kubelet.Paused = true;
        var pods = (await cluster.Client.For<V1Pod>().ListAsync(ns)).Items;
        var unready = pods[0];
        unready.Status.Conditions = [new V1PodCondition { Type = "Ready", Status = "False" }];
        await cluster.Client.For<V1Pod>().UpdateStatusAsync(unready);
        pdb = await WaitForStatusAsync(ns, "web-pdb", s => s.CurrentHealthy == 3, "3 healthy pods");
        Assert.Equal(0, pdb.Status.DisruptionsAllowed);
        Assert.Equal(("False", "InsufficientPods"), (pdb.Status.Conditions[0].Status, pdb.Status.Conditions[0].Reason));

        // Scaling the Deployment to 8 changes the expected count (and 25% of 8 = 2 unavailable: 6 desired).
        await cluster.Client.For<V1Deployment>().PatchAsync(ns, "web", PatchType.Merge, """{"spec":{"replicas":8}}""");
        kubelet.Paused = false;
        // The stand-in marks every pod Ready again, the unready one included.
        pdb = await WaitForStatusAsync(ns, "web-pdb", s => s.ExpectedPods == 8 && s.CurrentHealthy == 8, "8 expected, 8 healthy");
        Assert.Equal((6, 2), (pdb.Status.DesiredHealthy, pdb.Status.DisruptionsAllowed));
    }

    [Fact]
    public async Task Pods_admitted_for_eviction_are_not_counted_until_their_deadline()
    {
        var ns = await cluster.NewNamespaceAsync("pdb");
        await using var kubelet = KubeletStandIn.Start(cluster.Client, ns);
        await cluster.Client.For<V1ReplicaSet>().CreateAsync(Workloads.Rs(ns, "api", 3));
        var budgets = cluster.Client.For<V1PodDisruptionBudget>();
        await budgets.CreateAsync(Budget(ns, "api", minAvailable: "1"));
        var pdb = await WaitForStatusAsync(ns, "api-pdb", s => s.CurrentHealthy == 3, "3 healthy pods");
        Assert.Equal((3, 1, 2), (pdb.Status.ExpectedPods, pdb.Status.DesiredHealthy, pdb.Status.DisruptionsAllowed));

        // What the eviction API records: one disruption used, the pod named with the time.
        var victim = (await cluster.Client.For<V1Pod>().ListAsync(ns)).Items[0].Metadata.Name;
        for (var attempt = 0; ; attempt++)
        {
            pdb.Status.DisruptionsAllowed = 1;
            pdb.Status.DisruptedPods = new Dictionary<string, DateTime?> { [victim] = DateTime.UtcNow };
            try
            {
                await budgets.UpdateStatusAsync(pdb);
                break;
            }
            catch (KubeApiException e) when (ApiErrors.IsConflict(e) && attempt < 5)
            {
                pdb = await budgets.GetAsync(ns, "api-pdb");
            }
        }
        pdb = await WaitForStatusAsync(ns, "api-pdb", s => s.CurrentHealthy == 2 && s.DisruptionsAllowed == 1, "the admitted pod not counted");
        Assert.Equal([victim], pdb.Status.DisruptedPods.Keys);

        // The pod goes (as the eviction would delete it): the entry is dropped and the replacement counts once Ready.
        await cluster.Client.For<V1Pod>().DeleteAsync(ns, victim, new V1DeleteOptions { GracePeriodSeconds = 0 });
        pdb = await WaitForStatusAsync(ns, "api-pdb", s => (s.DisruptedPods?.Count ?? 0) == 0 && s.CurrentHealthy == 3, "entry dropped, 3 healthy");
        Assert.Equal(2, pdb.Status.DisruptionsAllowed);
    }

    [Fact]
    public async Task A_budget_over_pods_of_an_unknown_controller_kind_fails_safe()
    {
        var ns = await cluster.NewNamespaceAsync("pdb");
        // A controller of a kind no finder knows; a ConfigMap stands in, since it exists (the garbage collector
        // would delete a pod whose owner is missing) and no controller in this cluster acts on it.
        var owner = await cluster.Client.For<V1ConfigMap>().CreateAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "owner", NamespaceProperty = ns } });
        var pod = Workloads.Pod(ns, "orphan", "batch");
        pod.Metadata.OwnerReferences = [new V1OwnerReference { ApiVersion = "v1", Kind = "ConfigMap", Name = "owner", Uid = owner.Metadata.Uid, Controller = true }];
        await cluster.Client.For<V1Pod>().CreateAsync(pod);
        await cluster.Client.For<V1PodDisruptionBudget>().CreateAsync(Budget(ns, "batch", maxUnavailable: "50%"));
        V1PodDisruptionBudget? pdb = null;
        await Eventually.WaitAsync(async () =>
        {
            pdb = await cluster.Client.For<V1PodDisruptionBudget>().GetAsync(ns, "batch-pdb");
            return pdb.Status?.Conditions?.Any(c => c.Reason == "SyncFailed") == true;
        }, "SyncFailed condition", TimeSpan.FromSeconds(30));
        var condition = pdb!.Status.Conditions.Single();
        Assert.Equal(("False", "found no controllers for pod \"orphan\""), (condition.Status, condition.Message));
        Assert.Equal(0, pdb.Status.DisruptionsAllowed);
    }
}
