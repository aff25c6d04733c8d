namespace KubeSharp.Scheduler.Framework;

/// <summary>Outcome of a plugin call (upstream framework.Code, the subset this scheduler uses).</summary>
public enum StatusCode
{
    Success,

    /// <summary>Does not fit now; preemption or a cluster change might help.</summary>
    Unschedulable,

    /// <summary>Does not fit and preemption cannot help (e.g. a label or taint mismatch).</summary>
    UnschedulableAndUnresolvable,

    /// <summary>An internal or API failure: the pod is retried with back-off.</summary>
    Error,

    /// <summary>A PreFilter/PreScore plugin has nothing to do for this pod; its Filter/Score is then skipped.</summary>
    Skip,
}
