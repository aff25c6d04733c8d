using k8s.Models;
using KubeSharp.Scheduler.Cache;

namespace KubeSharp.Scheduler.Framework;

/// <summary>
/// What a PostFilter plugin sees: the cycle's snapshot, each node's Filter status, and the profile's Filter
/// plugins as a function (upstream's handle.RunFilterPlugins), to re-check a node with pods removed.
/// </summary>
public sealed record PostFilterInput(
    IReadOnlyList<NodeInfo> Nodes,
    IReadOnlyDictionary<string, Status> Statuses,
    Func<CycleState, V1Pod, NodeInfo, Status> Filter)
{
    /// <summary>Upstream RunPreFilterExtensionAddPod: (state, pod to schedule, pod added back, node).</summary>
    public Func<CycleState, V1Pod, V1Pod, NodeInfo, Status> AddPod { get; init; } = (_, _, _, _) => Status.Success;

    /// <summary>Upstream RunPreFilterExtensionRemovePod: (state, pod to schedule, pod removed, node).</summary>
    public Func<CycleState, V1Pod, V1Pod, NodeInfo, Status> RemovePod { get; init; } = (_, _, _, _) => Status.Success;
}
