using k8s.Models;

namespace KubeSharp.Scheduler;

/// <summary>Sets the PodScheduled condition through pods/status; a seam so scheduler tests can run without a server.</summary>
internal interface IPodConditionWriter
{
    /// <param name="nominatedNodeName">When not null, also written to status.nominatedNodeName in the same update (upstream's updatePod).</param>
    Task SetPodScheduledAsync(V1Pod pod, string status, string reason, string message, string? nominatedNodeName, CancellationToken ct);
}
