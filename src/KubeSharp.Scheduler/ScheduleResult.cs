using KubeSharp.Scheduler.Framework;

namespace KubeSharp.Scheduler;

/// <summary>One scheduling attempt's outcome: a node, or why not (a FitError when no node fits, else an error status).</summary>
internal sealed record ScheduleResult(string? NodeName, FitError? FitError, Status? Error, CycleState State)
{
    public bool Succeeded => NodeName != null;
}
