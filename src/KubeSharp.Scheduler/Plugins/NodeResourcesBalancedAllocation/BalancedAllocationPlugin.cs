using k8s.Models;
using KubeSharp.Scheduler.Cache;
using KubeSharp.Scheduler.Framework;

namespace KubeSharp.Scheduler.Plugins.NodeResourcesBalancedAllocation;

/// <summary>
/// Prefers nodes whose cpu and memory would be used in equal shares after placing the pod (upstream
/// NodeResourcesBalancedAllocation): score = (1 − std of the two fractions) × 100, on actual requests (no
/// non-zero defaults), each fraction capped at 1; a resource the node does not report is left out.
/// </summary>
public sealed class BalancedAllocationPlugin : IPreScorePlugin, IScorePlugin
{
    private const string StateKey = "PreScore" + PluginNames.NodeResourcesBalancedAllocation;

    public string Name => PluginNames.NodeResourcesBalancedAllocation;

    public Status PreScore(CycleState state, V1Pod pod, IReadOnlyList<NodeInfo> nodes)
    {
        state.Write(StateKey, PodResources.Requests(pod));
        return Status.Success;
    }

    public (long Score, Status Status) Score(CycleState state, V1Pod pod, NodeInfo node)
    {
        var request = state.Read<Resource>(StateKey) ?? PodResources.Requests(pod);
        Span<double> fractions = stackalloc double[2];
        var n = 0;
        if (node.Allocatable.MilliCpu > 0)
        {
            fractions[n++] = Math.Min(1.0, (double)(node.Requested.MilliCpu + request.MilliCpu) / node.Allocatable.MilliCpu);
        }
        if (node.Allocatable.Memory > 0)
        {
            fractions[n++] = Math.Min(1.0, (double)(node.Requested.Memory + request.Memory) / node.Allocatable.Memory);
        }
        // With two resources upstream uses |a − b| / 2, which is their standard deviation.
        var std = n == 2 ? Math.Abs((fractions[0] - fractions[1]) / 2) : 0;
        return ((long)((1 - std) * NodeScore.MaxScore), Status.Success);
    }
}
