using System.Diagnostics;
using KubeSharp.Proxy.Iptables;
using KubeSharp.Proxy.Model;
using KubeSharp.Proxy.Sync;
using Microsoft.Extensions.Logging;

namespace KubeSharp.Proxy.Nftables;

/// <summary>
/// nftables mode: one sync renders the whole table in memory, then writes the difference from the last successful
/// sync (or everything, on the first and periodic syncs, which also read the table back to drop leftovers) in one
/// <c>nft -f</c> transaction. A failed transaction forgets the last state, so the retry is a full sync.
/// </summary>
internal sealed partial class NftablesProxier(ProxyOptions options, NftablesClient nft, HostCommand host, ILogger logger) : IProxier
{
    private readonly NftablesNames _names = new(options.ChainPrefix);
    private IReadOnlyList<ServicePort>? _appliedPorts;
    private NftRuleset? _applied;

    public string Table => _names.Table;
    public int SyncCount { get; private set; }
    public TimeSpan LastSyncDuration { get; private set; }

    /// <summary>The size of the last transaction, for tests and the benchmark.</summary>
    public int LastScriptLength { get; private set; }

    public async Task SyncAsync(IReadOnlyList<ServicePort> ports, bool periodic, CancellationToken ct)
    {
        if (!periodic && ServicePortComparer.SameModel(_appliedPorts, ports)) return;
        var watch = Stopwatch.StartNew();
        var desired = NftablesRenderer.Render(ports, new NftablesRenderOptions { ClusterCidr = options.ClusterCidr, MasqueradeBit = options.MasqueradeBit });
        var full = periodic || _applied == null;
        var existing = full ? await nft.ObjectsAsync(_names.Table, ct) : null;
        var script = NftablesScript.Build(_names.Table, full ? null : _applied, desired, existing);
        try
        {
            await nft.ApplyAsync(script, ct);
        }
        catch (NftablesException)
        {
            _applied = null;
            throw;
        }
        await StaleUdpFlows.FlushAsync(host, _appliedPorts ?? [], ports, ct);
        _applied = desired;
        _appliedPorts = ports;
        SyncCount++;
        LastSyncDuration = watch.Elapsed;
        LastScriptLength = script.Length;
        LogSynced(logger, ports.Count, desired.RuleCount, full, script.Length, watch.ElapsedMilliseconds);
    }

    public async Task CleanupAsync(CancellationToken ct)
    {
        await nft.DeleteTableAsync(_names.Table, ct);
        _applied = null;
        _appliedPorts = null;
    }

    [LoggerMessage(EventId = 8010, Level = LogLevel.Debug, Message = "Synced {Ports} service ports ({Rules} nftables rules, full {Full}, {Bytes} bytes) in {Ms} ms")]
    private static partial void LogSynced(ILogger logger, int ports, int rules, bool full, int bytes, long ms);
}
