using KubeSharp.Scheduler.Cache;
using KubeSharp.Scheduler.Framework;
using KubeSharp.Scheduler.Plugins.NodeResourcesFit;

namespace KubeSharp.Scheduler.Tests.Plugins;

/// <summary>NodeResourcesFit's scoring strategies on a 4-cpu / 8 GiB node with 1 cpu / 2 GiB already requested.</summary>
public class NodeResourcesFitScoringTests
{
    public static TheoryData<string, ScoringStrategy, long> Cases => new()
    {
        // The pod asks 1 cpu, 2 GiB: after placing it cpu and memory are both 50% used.
        { "LeastAllocated", new ScoringStrategy(), 50 },
        { "MostAllocated", new ScoringStrategy { Type = ScoringStrategy.MostAllocated }, 50 },
        { "MostAllocated weighted to cpu", new ScoringStrategy { Type = ScoringStrategy.MostAllocated, Resources = [new("cpu", 3), new("memory", 1)] }, 50 },
        // Linear 0→0, 100→10: 50% → 50.
        { "RequestedToCapacityRatio linear", new ScoringStrategy { Type = ScoringStrategy.RequestedToCapacityRatio, Shape = [new(0, 0), new(100, 10)] }, 50 },
        // Favouring empty nodes: 0% → 10, 100% → 0: 50% → 50; a shape 0→0, 40→10, 100→10 saturates at 100.
        { "RequestedToCapacityRatio saturating", new ScoringStrategy { Type = ScoringStrategy.RequestedToCapacityRatio, Shape = [new(0, 0), new(40, 10), new(100, 10)] }, 100 },
        { "RequestedToCapacityRatio below the first point", new ScoringStrategy { Type = ScoringStrategy.RequestedToCapacityRatio, Shape = [new(60, 2), new(100, 10)] }, 20 },
        { "a resource the node lacks is left out", new ScoringStrategy { Type = ScoringStrategy.MostAllocated, Resources = [new("cpu", 1), new("example.com/fpga", 5)] }, 50 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Score(string name, ScoringStrategy strategy, long expected)
    {
        var node = new NodeInfo(Make.Node("n1", cpu: "4", memory: "8Gi"));
        node.AddPod(Make.Pod("existing", "1", "2Gi", nodeName: "n1"));
        var plugin = new NodeResourcesFitPlugin(new NodeResourcesFitArgs { ScoringStrategy = strategy });
        var pod = Make.Pod("p", "1", "2Gi");
        var state = new CycleState();
        plugin.PreFilter(state, pod);
        Assert.True(expected == plugin.Score(state, pod, node).Score, $"{name}: {plugin.Score(state, pod, node).Score}");
    }

    [Fact]
    public void MostAllocatedPrefersTheFullerNode()
    {
        var plugin = new NodeResourcesFitPlugin(new NodeResourcesFitArgs { ScoringStrategy = new ScoringStrategy { Type = ScoringStrategy.MostAllocated } });
        var empty = new NodeInfo(Make.Node("empty", cpu: "4", memory: "8Gi"));
        var busy = new NodeInfo(Make.Node("busy", cpu: "4", memory: "8Gi"));
        busy.AddPod(Make.Pod("existing", "2", "4Gi", nodeName: "busy"));
        var pod = Make.Pod("p", "1", "2Gi");
        var state = new CycleState();
        plugin.PreFilter(state, pod);
        Assert.Equal(25, plugin.Score(state, pod, empty).Score);
        Assert.Equal(75, plugin.Score(state, pod, busy).Score);
    }

    [Fact]
    public void IgnoredExtendedResourcesAreNotFiltered()
    {
        var node = new NodeInfo(Make.Node("n1"));
        var pod = Make.Pod("p", extra: new Dictionary<string, string> { ["example.com/fpga"] = "1", ["vendor.io/widget"] = "2" });
        Assert.Equal(["Insufficient example.com/fpga", "Insufficient vendor.io/widget"], new NodeResourcesFitPlugin().Filter(new CycleState(), pod, node).Reasons);
        var args = new NodeResourcesFitArgs { IgnoredResources = ["example.com/fpga"], IgnoredResourceGroups = ["vendor.io"] };
        Assert.True(new NodeResourcesFitPlugin(args).Filter(new CycleState(), pod, node).IsSuccess);
    }
}
