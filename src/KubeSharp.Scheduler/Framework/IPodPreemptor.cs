using k8s.Models;

namespace KubeSharp.Scheduler.Framework;

/// <summary>Evicts a preemption victim through the API server; a seam so plugin tests need no server.</summary>
public interface IPodPreemptor
{
    /// <summary>
    /// Deletes the victim with its own grace period (a bound pod is then only marked for deletion until its kubelet
    /// stops it) and records the victim's Preempted event. Success when the pod is gone or already going.
    /// </summary>
    Task<Status> EvictAsync(V1Pod victim, V1Pod preemptor, string nodeName, CancellationToken ct);
}
