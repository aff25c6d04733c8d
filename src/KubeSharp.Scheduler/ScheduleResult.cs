using KubeSharp.Scheduler.Cache;
using KubeSharp.Scheduler.Framework;

namespace KubeSharp.Scheduler;

/// <summary>One scheduling attempt's outcome: a node, or why not (a FitError when no node fits, else an error status).</summary>
internal sealed record ScheduleResult(string? NodeName, FitError? FitError, Status? Error, CycleState State)
{
    /// <summary>The snapshot the pod was filtered against, when it fit nowhere (the PostFilter input).</summary>
    public IReadOnlyList<NodeInfo>? Nodes { get; init; }

    /// <summary>Where preemption made room: written to status.nominatedNodeName with the failure.</summary>
    public string? NominatedNodeName { get; init; }

    public bool Succeeded => NodeName != null;
}
