using k8s.Models;

namespace KubeSharp.Scheduler.Tests.Integration;

/// <summary>
/// DefaultPreemption end to end. There is no kubelet: a victim bound to a node is only marked for deletion, so
/// the test plays the kubelet by deleting it with gracePeriodSeconds=0.
/// </summary>
public class PreemptionScenarioTests
{
    [Fact]
    public async Task AHighPriorityPodEvictsTheLowestPriorityPodAndTakesItsPlace()
    {
        await using var c = await TestCluster.StartAsync();
        foreach (var (name, value) in new[] { ("lowest", 5), ("low", 10), ("high", 1000) })
        {
            await c.Client.For<V1PriorityClass>().CreateAsync(new V1PriorityClass { Metadata = new V1ObjectMeta { Name = name }, Value = value });
        }
        await c.AddNodeAsync(Make.Node("n1", cpu: "3"));
        foreach (var (name, cls) in new[] { ("victim", "lowest"), ("keep-a", "low"), ("keep-b", "low") })
        {
            var p = Make.Pod(name, "1");
            p.Spec.PriorityClassName = cls;
            await c.AddPodAsync(p);
            Assert.Equal("n1", await c.WaitForNodeAsync(name));
        }
        var high = Make.Pod("preemptor", "1");
        high.Spec.PriorityClassName = "high";
        var created = await c.AddPodAsync(high);
        Assert.Equal(1000, created.Spec.Priority);

        await Eventually.WaitAsync(async () => (await c.GetPodAsync("preemptor")).Status?.NominatedNodeName == "n1", "nominatedNodeName n1");
        await Eventually.WaitAsync(async () => (await c.GetPodAsync("victim")).Metadata.DeletionTimestamp != null, "victim marked for deletion");
        Assert.Null((await c.GetPodAsync("keep-a")).Metadata.DeletionTimestamp);
        Assert.Null((await c.GetPodAsync("keep-b")).Metadata.DeletionTimestamp);
        var preempted = await c.WaitForEventAsync("victim", "Preempted");
        Assert.Equal("Normal", preempted.Type);
        Assert.Equal($"Preempted by pod {created.Metadata.Uid} on node n1", preempted.Message);
        Assert.Null((await c.GetPodAsync("preemptor")).Spec.NodeName);

        // Acting as the kubelet: the victim's containers have stopped.
        await c.Pods.DeleteAsync(TestCluster.Namespace, "victim", new V1DeleteOptions { GracePeriodSeconds = 0 });
        Assert.Equal("n1", await c.WaitForNodeAsync("preemptor"));
        Assert.Null((await c.GetPodAsync("keep-a")).Metadata.DeletionTimestamp);
    }

    [Fact]
    public async Task AntiAffinityPreemptsOnlyThePodItObjectsTo()
    {
        await using var c = await TestCluster.StartAsync();
        foreach (var (name, value) in new[] { ("low", 10), ("high", 1000) })
        {
            await c.Client.For<V1PriorityClass>().CreateAsync(new V1PriorityClass { Metadata = new V1ObjectMeta { Name = name }, Value = value });
        }
        await c.AddNodeAsync(Make.Node("n1", labels: Make.Labels("kubernetes.io/hostname", "n1")));
        foreach (var (name, app) in new[] { ("web-low", "web"), ("db-low", "db") })
        {
            var p = Make.Pod(name, "100m", labels: Make.Labels("app", app));
            p.Spec.PriorityClassName = "low";
            await c.AddPodAsync(p);
            Assert.Equal("n1", await c.WaitForNodeAsync(name));
        }
        var high = Make.Pod("loner", "100m", affinity: Make.RequiredAntiAffinity(Make.Term("kubernetes.io/hostname", "app", "web")));
        high.Spec.PriorityClassName = "high";
        await c.AddPodAsync(high);

        await Eventually.WaitAsync(async () => (await c.GetPodAsync("loner")).Status?.NominatedNodeName == "n1", "nominatedNodeName n1");
        await Eventually.WaitAsync(async () => (await c.GetPodAsync("web-low")).Metadata.DeletionTimestamp != null, "web-low marked for deletion");
        Assert.Null((await c.GetPodAsync("db-low")).Metadata.DeletionTimestamp);
        await c.Pods.DeleteAsync(TestCluster.Namespace, "web-low", new V1DeleteOptions { GracePeriodSeconds = 0 });
        Assert.Equal("n1", await c.WaitForNodeAsync("loner"));
        Assert.Null((await c.GetPodAsync("db-low")).Metadata.DeletionTimestamp);
    }

    [Fact]
    public async Task APodDisruptionBudgetSteersPreemptionToTheUnprotectedPod()
    {
        await using var c = await TestCluster.StartAsync();
        foreach (var (name, value) in new[] { ("lowest", 5), ("low", 10), ("high", 1000) })
        {
            await c.Client.For<V1PriorityClass>().CreateAsync(new V1PriorityClass { Metadata = new V1ObjectMeta { Name = name }, Value = value });
        }
        // The guarded pod is the less important one, so without its budget it would be the victim.
        var budgets = c.Client.For<V1PodDisruptionBudget>();
        var pdb = await budgets.CreateAsync(new V1PodDisruptionBudget
        {
            Metadata = new V1ObjectMeta { Name = "guard", NamespaceProperty = TestCluster.Namespace },
            Spec = new V1PodDisruptionBudgetSpec
            {
                MinAvailable = (IntOrString)"1",
                Selector = new V1LabelSelector { MatchLabels = Make.Labels("app", "guarded") },
            },
        });
        // What the disruption controller (not running here) would write for one healthy pod out of one required.
        pdb.Status = new V1PodDisruptionBudgetStatus { CurrentHealthy = 1, DesiredHealthy = 1, ExpectedPods = 1, DisruptionsAllowed = 0, ObservedGeneration = 1 };
        await budgets.UpdateStatusAsync(pdb);

        await c.AddNodeAsync(Make.Node("n1", cpu: "2"));
        foreach (var (name, cls, app) in new[] { ("guarded", "lowest", "guarded"), ("unguarded", "low", "batch") })
        {
            var p = Make.Pod(name, "1", labels: Make.Labels("app", app));
            p.Spec.PriorityClassName = cls;
            await c.AddPodAsync(p);
            Assert.Equal("n1", await c.WaitForNodeAsync(name));
        }
        var high = Make.Pod("preemptor", "1");
        high.Spec.PriorityClassName = "high";
        await c.AddPodAsync(high);

        await Eventually.WaitAsync(async () => (await c.GetPodAsync("unguarded")).Metadata.DeletionTimestamp != null, "unguarded marked for deletion");
        Assert.Null((await c.GetPodAsync("guarded")).Metadata.DeletionTimestamp);
        await Eventually.WaitAsync(async () => (await c.GetPodAsync("preemptor")).Status?.NominatedNodeName == "n1", "nominatedNodeName n1");
        await c.Pods.DeleteAsync(TestCluster.Namespace, "unguarded", new V1DeleteOptions { GracePeriodSeconds = 0 });
        Assert.Equal("n1", await c.WaitForNodeAsync("preemptor"));
        Assert.Null((await c.GetPodAsync("guarded")).Metadata.DeletionTimestamp);
    }
}
