using k8s.Models;
using KubeSharp.Kubelet.Nodes;

namespace KubeSharp.Kubelet.Eviction;

/// <summary>
/// Node signals from an injected <see cref="INodeResourceProbe"/> (tests, hollow nodes on the fake runtime): memory
/// and one filesystem serving as nodefs and imagefs; no inode figures and no pod usage.
/// </summary>
public sealed class ProbeEvictionStats(INodeResourceProbe probe) : IEvictionStatsProvider
{
    public Task<EvictionStats> ReadAsync(IReadOnlyList<V1Pod> pods, CancellationToken ct)
    {
        var f = probe.Read();
        var signals = new Dictionary<string, SignalObservation>(StringComparer.Ordinal)
        {
            [EvictionSignals.MemoryAvailable] = new(f.MemoryAvailableBytes, f.MemoryTotalBytes),
            [EvictionSignals.NodeFsAvailable] = new(f.FsAvailableBytes, f.FsTotalBytes),
            [EvictionSignals.ImageFsAvailable] = new(f.FsAvailableBytes, f.FsTotalBytes),
            [EvictionSignals.PidAvailable] = new(f.PidMax - f.PidsInUse, f.PidMax),
        };
        return Task.FromResult(new EvictionStats(signals, new Dictionary<string, PodUsage>()));
    }
}
