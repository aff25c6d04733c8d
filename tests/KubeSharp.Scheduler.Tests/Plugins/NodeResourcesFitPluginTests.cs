using KubeSharp.Scheduler.Cache;
using KubeSharp.Scheduler.Framework;
using KubeSharp.Scheduler.Plugins.NodeResourcesFit;

namespace KubeSharp.Scheduler.Tests.Plugins;

public class NodeResourcesFitPluginTests
{
    // Node: 2 cpu, 4Gi, 3 pods, 2 example.com/gpu; already running one pod of 1 cpu / 1Gi.
    public static TheoryData<string, string?, string?, string?, string[]> FilterCases => new()
    {
        { "fits", "500m", "1Gi", null, [] },
        { "exactly fits", "1", "3Gi", null, [] },
        { "cpu", "1500m", null, null, ["Insufficient cpu"] },
        { "memory", null, "4Gi", null, ["Insufficient memory"] },
        { "cpu and memory, upstream order", "2", "4Gi", null, ["Insufficient cpu", "Insufficient memory"] },
        { "extended resource fits", null, null, "2", [] },
        { "extended resource", null, null, "3", ["Insufficient example.com/gpu"] },
        { "no requests fit anywhere pods fit", null, null, null, [] },
    };

    [Theory]
    [MemberData(nameof(FilterCases))]
    public void Filter(string name, string? cpu, string? memory, string? gpu, string[] reasons)
    {
        var node = NodeWithOnePod("3");
        var pod = Make.Pod("p", cpu, memory, extra: gpu == null ? null : Make.Labels("example.com/gpu", gpu));
        var plugin = new NodeResourcesFitPlugin();
        var state = new CycleState();
        plugin.PreFilter(state, pod);
        var status = plugin.Filter(state, pod, node);
        Assert.True(reasons.SequenceEqual(status.Reasons), $"{name}: {status.Message}");
        Assert.Equal(reasons.Length == 0 ? StatusCode.Success : StatusCode.Unschedulable, status.Code);
    }

    [Fact]
    public void TooManyPods()
    {
        var plugin = new NodeResourcesFitPlugin();
        var pod = Make.Pod("p");
        var state = new CycleState();
        plugin.PreFilter(state, pod);
        Assert.Equal(["Too many pods"], plugin.Filter(state, pod, NodeWithOnePod("1")).Reasons);
    }

    [Fact]
    public void EphemeralStorage()
    {
        var node = new NodeInfo(Make.Node("n", extra: Make.Labels("ephemeral-storage", "10Gi")));
        var pod = Make.Pod("p", extra: Make.Labels("ephemeral-storage", "11Gi"));
        var plugin = new NodeResourcesFitPlugin();
        var state = new CycleState();
        plugin.PreFilter(state, pod);
        Assert.Equal(["Insufficient ephemeral-storage"], plugin.Filter(state, pod, node).Reasons);
    }

    public static TheoryData<string, string, string, long> LeastAllocatedCases => new()
    {
        // ((alloc - requested) * 100 / alloc) per resource, averaged over cpu and memory.
        { "empty 4 cpu/8Gi, pod 1 cpu/2Gi", "4", "8Gi", 75 },
        { "empty 2 cpu/8Gi, pod 1 cpu/2Gi", "2", "8Gi", 62 },
        { "empty 1 cpu/2Gi: full", "1", "2Gi", 0 },
    };

    [Theory]
    [MemberData(nameof(LeastAllocatedCases))]
    public void LeastAllocated(string name, string cpu, string memory, long expected)
    {
        var plugin = new NodeResourcesFitPlugin();
        var pod = Make.Pod("p", "1", "2Gi");
        var state = new CycleState();
        plugin.PreFilter(state, pod);
        Assert.True(expected == plugin.Score(state, pod, new NodeInfo(Make.Node("n", cpu, memory))).Score, name);
    }

    [Fact]
    public void LeastAllocatedCountsRequestlessPodsWithUpstreamDefaults()
    {
        var plugin = new NodeResourcesFitPlugin();
        var pod = Make.Pod("p");
        var state = new CycleState();
        plugin.PreFilter(state, pod);
        // 100m of 1000m cpu and 200Mi of 1000Mi memory: (90 + 80) / 2.
        Assert.Equal(85, plugin.Score(state, pod, new NodeInfo(Make.Node("n", "1", "1000Mi"))).Score);
    }

    private static NodeInfo NodeWithOnePod(string pods)
    {
        var node = new NodeInfo(Make.Node("n", "2", "4Gi", pods, extra: Make.Labels("example.com/gpu", "2")));
        node.AddPod(Make.Pod("running", "1", "1Gi"));
        return node;
    }
}
