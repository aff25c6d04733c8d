using System.Diagnostics;
using KubeSharp.Proxy.Iptables;
using KubeSharp.Proxy.Model;
using KubeSharp.Proxy.Sync;
using Microsoft.Extensions.Logging;

namespace KubeSharp.Proxy.Nftables;

/// <summary>
/// nftables mode: one sync renders the whole table in memory, then writes the difference from the last successful
/// sync in one <c>nft -f</c> transaction. Everything is rewritten (a full sync) at the first sync, after a failed
/// one and on the first periodic sync an hour after the last full one (upstream's FullSyncPeriod): rewriting
/// 10,000 services costs seconds of CPU, too much for every 30 s. Only the first and post-failure full syncs read
/// the table back (to delete an earlier process's leftovers); later ones know the objects from the last sync.
/// Other periodic syncs rewrite the fixed chains, which repairs those and fails, so turns into a full sync, when
/// the table or its maps were deleted behind our back.
/// </summary>
internal sealed partial class NftablesProxier(ProxyOptions options, NftablesClient nft, HostCommand host, ILogger logger) : IProxier
{
    private readonly NftablesNames _names = new(options.ChainPrefix);
    private IReadOnlyList<ServicePort>? _appliedPorts;
    private readonly NftablesRenderOptions _renderOptions = new() { ClusterCidr = options.ClusterCidr, MasqueradeBit = options.MasqueradeBit, NodeIP = options.NodeIP };
    private readonly NftablesRenderCache _cache = new();
    private NftRuleset? _applied;
    private long _lastFull;

    /// <summary>Upstream's FullSyncPeriod.</summary>
    public static readonly TimeSpan FullSyncPeriod = TimeSpan.FromHours(1);

    public string Table => _names.Table;
    public int SyncCount { get; private set; }
    public TimeSpan LastSyncDuration { get; private set; }

    /// <summary>The size of the last transaction, for tests and the benchmark.</summary>
    public int LastScriptLength { get; private set; }

    public async Task SyncAsync(IReadOnlyList<ServicePort> ports, bool periodic, CancellationToken ct)
    {
        // After a failure (_applied null) the same model must still be written.
        if (!periodic && _applied != null && ServicePortComparer.SameModel(_appliedPorts, ports)) return;
        var watch = Stopwatch.StartNew();
        var desired = NftablesRenderer.Render(ports, _renderOptions, _cache);
        var full = _applied == null || (periodic && options.Time.GetElapsedTime(_lastFull) >= FullSyncPeriod);
        var existing = !full ? null
            : _applied == null ? await nft.ObjectsAsync(_names.Table, ct)
            : new NftObjects(_applied.Chains.Keys.ToHashSet(), _applied.Sets.ToDictionary(s => s.Key, s => s.Value.Kind));
        var script = NftablesScript.Build(_names.Table, full ? null : _applied, desired, existing, refreshStatic: periodic);
        try
        {
            await nft.ApplyAsync(script, ct);
        }
        catch (NftablesException)
        {
            // The kernel's table is not what we think: read it back and rewrite everything next time.
            _applied = null;
            throw;
        }
        if (full) _lastFull = options.Time.GetTimestamp();
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
