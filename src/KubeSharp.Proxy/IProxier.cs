using KubeSharp.Proxy.Model;

namespace KubeSharp.Proxy;

/// <summary>One backend that programs the node from the service model (iptables or nftables).</summary>
internal interface IProxier
{
    int SyncCount { get; }
    TimeSpan LastSyncDuration { get; }

    /// <summary>
    /// Brings the node's rules in line with <paramref name="ports"/>, writing only what changed since the last
    /// successful sync; periodic syncs also rewrite the fixed chains, and rewrite everything once an hour.
    /// </summary>
    Task SyncAsync(IReadOnlyList<ServicePort> ports, bool periodic, CancellationToken ct);

    /// <summary>Removes every rule, chain or table this backend created (kube-proxy --cleanup).</summary>
    Task CleanupAsync(CancellationToken ct);
}

/// <summary>A rule update the host refused; the sync is retried.</summary>
public class ProxyRulesException(string message) : Exception(message);
