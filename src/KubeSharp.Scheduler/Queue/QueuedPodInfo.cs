using k8s.Models;

namespace KubeSharp.Scheduler.Queue;

/// <summary>A pending pod with its queue bookkeeping (upstream framework.QueuedPodInfo).</summary>
public sealed class QueuedPodInfo(V1Pod pod, DateTimeOffset now)
{
    public V1Pod Pod { get; internal set; } = pod;

    public string Key => Pod.Metadata.NamespaceProperty + "/" + Pod.Metadata.Name;

    /// <summary>When the pod last entered a queue; back-off counts from here.</summary>
    public DateTimeOffset Timestamp { get; internal set; } = now;

    public DateTimeOffset InitialAttemptTimestamp { get; } = now;

    /// <summary>Scheduling attempts so far; the back-off doubles with each.</summary>
    public int Attempts { get; internal set; }

    /// <summary>Plugins that rejected the pod in its last attempt; empty after an error.</summary>
    public HashSet<string> UnschedulablePlugins { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The PreEnqueue plugin that keeps this pod out of scheduling (upstream GatingPlugin); null when the pod may be
    /// scheduled. A gated pod waits in the unschedulable set until an update of the pod lets it pass.
    /// </summary>
    public string? GatingPlugin { get; internal set; }

    public bool Gated => GatingPlugin != null;

    /// <summary>Insertion sequence: the last tie-breaker of the active heap, so equal pods keep FIFO order.</summary>
    internal long Sequence { get; set; }
}
