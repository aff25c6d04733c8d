using k8s.Models;

namespace KubeSharp.Kubelet.Eviction;

/// <summary>What a signal measures now: the amount left and the total it is a part of (bytes, inodes or pids).</summary>
public sealed record SignalObservation(long Available, long Capacity);

/// <summary>One container's usage (null: not measurable).</summary>
public sealed record ContainerUsage(string Name, long? MemoryWorkingSetBytes, long? DiskBytes);

/// <summary>One pod's usage: memory working set, local disk (logs and pod volumes), processes.</summary>
public sealed record PodUsage(long? MemoryWorkingSetBytes, long? DiskBytes, long? Processes, IReadOnlyList<ContainerUsage> Containers);

/// <summary>One reading of the node's signals and its pods' usage (keyed by pod uid).</summary>
public sealed record EvictionStats(IReadOnlyDictionary<string, SignalObservation> Signals, IReadOnlyDictionary<string, PodUsage> Pods);

/// <summary>Reads the node's eviction signals and the usage of the given pods (upstream: the summary API over cAdvisor/CRI).</summary>
public interface IEvictionStatsProvider
{
    Task<EvictionStats> ReadAsync(IReadOnlyList<V1Pod> pods, CancellationToken ct);
}
