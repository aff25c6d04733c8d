using KubeSharp.Scheduler.Cache;
using KubeSharp.Scheduler.Framework;
using KubeSharp.Scheduler.Plugins.NodeResourcesBalancedAllocation;

namespace KubeSharp.Scheduler.Tests.Plugins;

public class BalancedAllocationPluginTests
{
    public static TheoryData<string, string, string, string?, string?, long> Cases => new()
    {
        // node cpu, node memory, pod cpu, pod memory → (1 - |cpuFraction - memFraction| / 2) * 100
        { "equal shares", "4", "4Gi", "1", "1Gi", 100 },
        { "cpu only, a quarter", "4", "4Gi", "1", null, 87 },
        { "cpu only, a third", "3", "4Gi", "1", null, 83 },
        { "fractions capped at 1", "1", "4Gi", "2", null, 50 },
        { "best-effort pod on an empty node", "4", "4Gi", null, null, 100 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Score(string name, string nodeCpu, string nodeMemory, string? cpu, string? memory, long expected)
    {
        var plugin = new BalancedAllocationPlugin();
        var pod = Make.Pod("p", cpu, memory);
        var node = new NodeInfo(Make.Node("n", nodeCpu, nodeMemory));
        var state = new CycleState();
        plugin.PreScore(state, pod, [node]);
        Assert.True(expected == plugin.Score(state, pod, node).Score, name);
    }
}
