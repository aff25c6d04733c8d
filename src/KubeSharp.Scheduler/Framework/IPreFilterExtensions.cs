using k8s.Models;
using KubeSharp.Scheduler.Cache;

namespace KubeSharp.Scheduler.Framework;

/// <summary>
/// Upstream PreFilterExtensions: a PreFilter plugin whose state counts pods cluster-wide updates it when
/// preemption's dry run removes a pod from a node or puts one back, so Filter sees the node as it would be.
/// Called on a clone of the cycle state (<see cref="CycleState.Clone"/>).
/// </summary>
public interface IPreFilterExtensions : IPlugin
{
    Status AddPod(CycleState state, V1Pod podToSchedule, V1Pod podToAdd, NodeInfo node);

    Status RemovePod(CycleState state, V1Pod podToSchedule, V1Pod podToRemove, NodeInfo node);
}

/// <summary>Cycle-state data that preemption's per-node dry runs change, and so must copy first.</summary>
public interface ICloneableState
{
    object Copy();
}
