using k8s.Models;

namespace KubeSharp.Kubelet.Eviction;

/// <summary>Kills an evicted pod and marks it Failed/Evicted (the kubelet's pod workers; a recorder in unit tests).</summary>
public interface IPodEvictor
{
    /// <summary>
    /// Stops the pod's containers with <paramref name="gracePeriodSeconds"/> and writes phase Failed, reason Evicted,
    /// <paramref name="message"/> and <paramref name="condition"/>; returns once that is done or <paramref name="timeout"/> passed.
    /// </summary>
    Task EvictAsync(V1Pod pod, long gracePeriodSeconds, string message, V1PodCondition condition, TimeSpan timeout, CancellationToken ct);
}

/// <summary>Frees node-level resources before pods are evicted for disk pressure (unused images, dead containers).</summary>
public interface INodeReclaimer
{
    Task ReclaimAsync(string signal, CancellationToken ct);
}
