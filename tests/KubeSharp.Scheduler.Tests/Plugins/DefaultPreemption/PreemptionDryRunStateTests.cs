using k8s.Models;
using KubeSharp.Scheduler.Cache;
using KubeSharp.Scheduler.Framework;
using KubeSharp.Scheduler.Plugins;
using KubeSharp.Scheduler.Plugins.DefaultPreemption;

namespace KubeSharp.Scheduler.Tests.Plugins.DefaultPreemption;

/// <summary>
/// Victim selection with the default profile when the obstacle is another pod's presence (anti-affinity, spread):
/// the dry run must update the PreFilter counts as it removes and re-adds pods.
/// </summary>
public class PreemptionDryRunStateTests
{
    private const string Host = "kubernetes.io/hostname";
    private const string Zone = "topology.kubernetes.io/zone";

    private static SchedulingFramework Framework() => new(DefaultPlugins.Profile("default-scheduler"), DefaultPlugins.Registry(),
        new PluginHandle(new FakeBinder(), TimeProvider.System, new FakePreemptor()) { Cluster = new FakeClusterObjects() });

    private static (IReadOnlyList<V1Pod> Victims, Status Status) DryRun(SchedulingFramework framework, NodeInfo[] nodes, V1Pod pod, NodeInfo node)
    {
        var state = new CycleState { Nodes = nodes };
        Assert.True(framework.RunPreFilter(state, pod).IsSuccess);
        Assert.False(framework.RunFilter(state, pod, node).IsSuccess);
        var result = VictimSelector.Select(state, pod, node, framework.RunFilter, framework.RunPreFilterAddPod, framework.RunPreFilterRemovePod);
        // The cycle's own state is untouched: the node still does not fit without preemption.
        Assert.False(framework.RunFilter(state, pod, node).IsSuccess);
        return result;
    }

    [Fact]
    public void AntiAffinityEvictsOnlyTheMatchingLowerPriorityPod()
    {
        var node = new NodeInfo(Make.Node("n1", labels: Make.Labels(Host, "n1")));
        node.AddPod(Make.Pod("web", nodeName: "n1", labels: Make.Labels("app", "web")));
        node.AddPod(Make.Pod("db", nodeName: "n1", labels: Make.Labels("app", "db")));
        var pod = Make.Pod("important", priority: 10, affinity: Make.RequiredAntiAffinity(Make.Term(Host, "app", "web")));
        var (victims, status) = DryRun(Framework(), [node], pod, node);
        Assert.True(status.IsSuccess, status.Message);
        Assert.Equal(["web"], victims.Select(v => v.Metadata.Name));
    }

    [Fact]
    public void AnExistingPodsAntiAffinityIsLiftedByEvictingIt()
    {
        var node = new NodeInfo(Make.Node("n1", labels: Make.Labels(Host, "n1")));
        node.AddPod(Make.Pod("loner", nodeName: "n1", affinity: Make.RequiredAntiAffinity(Make.Term(Host, "app", "web"))));
        node.AddPod(Make.Pod("bystander", nodeName: "n1"));
        var pod = Make.Pod("web", priority: 10, labels: Make.Labels("app", "web"));
        var (victims, status) = DryRun(Framework(), [node], pod, node);
        Assert.True(status.IsSuccess, status.Message);
        Assert.Equal(["loner"], victims.Select(v => v.Metadata.Name));
    }

    [Fact]
    public void SpreadEvictsJustEnoughMatchingPods()
    {
        var a = new NodeInfo(Make.Node("a", labels: Make.Labels(Host, "a", Zone, "a")));
        var b = new NodeInfo(Make.Node("b", cpu: "1", labels: Make.Labels(Host, "b", Zone, "b")));
        foreach (var i in new[] { 1, 2 }) a.AddPod(Make.Pod($"web-{i}", nodeName: "a", labels: Make.Labels("app", "web")));
        b.AddPod(Make.Pod("big", "1", nodeName: "b", priority: 100));
        var pod = Make.Pod("web-new", "100m", priority: 10, labels: Make.Labels("app", "web"));
        pod.Spec.TopologySpreadConstraints =
        [
            new V1TopologySpreadConstraint
            {
                MaxSkew = 2, TopologyKey = Zone, WhenUnsatisfiable = "DoNotSchedule",
                LabelSelector = new V1LabelSelector { MatchLabels = Make.Labels("app", "web") },
            },
        ];
        // Zone a: 2 + 1 − 0 = 3 > 2; removing one web pod makes it 2.
        var (victims, status) = DryRun(Framework(), [a, b], pod, a);
        Assert.True(status.IsSuccess, status.Message);
        Assert.Single(victims);
    }
}
