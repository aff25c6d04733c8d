using System.Diagnostics;
using System.Text;
using KubeSharp.Proxy.Iptables;
using KubeSharp.Proxy.Model;
using KubeSharp.Proxy.Sync;
using Microsoft.Extensions.Logging;

namespace KubeSharp.Proxy.Nftables;

/// <summary>
/// nftables mode. An incremental sync renders only the service ports that differ from the last successful sync
/// (the render cache holds, per port, the objects the kernel has) and writes their difference in one
/// <c>nft -f</c> transaction; the other 10,000 services are neither rendered nor diffed. Everything is rewritten (a
/// full sync) at the first sync, after a failed one and on the first periodic sync an hour after the last full one
/// (upstream's FullSyncPeriod): rewriting 10,000 services costs seconds of CPU, too much for every 30 s. Only the
/// first and post-failure full syncs read the table back (to delete an earlier process's leftovers); later ones
/// know the objects from the cache. Other periodic syncs rewrite the fixed chains, which repairs those and fails,
/// so turns into a full sync, when the table or its maps were deleted behind our back. No whole rendered ruleset
/// is kept between syncs: a full sync builds one and drops it.
/// </summary>
internal sealed partial class NftablesProxier(ProxyOptions options, NftablesClient nft, HostCommand host, ILogger logger) : IProxier
{
    private readonly NftablesNames _names = new(options.ChainPrefix);
    private IReadOnlyList<ServicePort>? _appliedPorts;
    private readonly NftablesRenderOptions _renderOptions = new() { ClusterCidr = options.ClusterCidr, MasqueradeBit = options.MasqueradeBit, NodeIP = options.NodeIP };
    private readonly NftablesRenderCache _cache = new();
    // True while the cache describes the kernel's table (after a successful sync).
    private bool _synced;
    private long _lastFull;

    /// <summary>Upstream's FullSyncPeriod.</summary>
    public static readonly TimeSpan FullSyncPeriod = TimeSpan.FromHours(1);

    public string Table => _names.Table;
    public int SyncCount { get; private set; }
    public TimeSpan LastSyncDuration { get; private set; }

    /// <summary>The size of the last transaction, for tests and the benchmark.</summary>
    public long LastScriptLength { get; private set; }
    public bool LastSyncFull { get; private set; }

    public async Task SyncAsync(IReadOnlyList<ServicePort> ports, bool periodic, CancellationToken ct)
    {
        // After a failure the same model must still be written.
        if (!periodic && _synced && ServicePortComparer.SameModel(_appliedPorts, ports)) return;
        var watch = Stopwatch.StartNew();
        var full = !_synced || (periodic && options.Time.GetElapsedTime(_lastFull) >= FullSyncPeriod);
        int rules;
        long length = 0;
        NftDelta? delta = null;
        try
        {
            if (full)
            {
                var existing = _synced ? KnownObjects() : await nft.ObjectsAsync(_names.Table, ct);
                // The cache now holds what this transaction writes; if it fails, _synced stays false and the next
                // sync is full again, so the cache is never trusted for a table it does not describe.
                _synced = false;
                var desired = NftablesRenderer.Render(ports, _renderOptions, _cache);
                rules = desired.RuleCount;
                // Written to nft as it is produced: the megabytes of a full script are never one string.
                await nft.ApplyAsync(stdin =>
                {
                    void Drain(StringBuilder sb)
                    {
                        length += sb.Length;
                        foreach (var chunk in sb.GetChunks()) stdin.Write(chunk.Span);
                    }
                    var rest = NftablesScript.Write(new StringBuilder(), _names.Table, null, desired, existing, drain: Drain);
                    Drain(rest);
                }, ct);
            }
            else
            {
                delta = NftablesRenderer.RenderDelta(ports, _renderOptions, _cache);
                var script = NftablesScript.BuildDelta(_names.Table, delta, refreshStatic: periodic);
                rules = delta.RuleCount;
                length = script.Length;
                await nft.ApplyAsync(script, ct);
            }
        }
        catch (NftablesException)
        {
            // The kernel's table is not what we think: read it back and rewrite everything next time.
            _synced = false;
            throw;
        }
        delta?.CommitTo(_cache);
        _synced = true;
        if (full) _lastFull = options.Time.GetTimestamp();
        await StaleUdpFlows.FlushAsync(host, _appliedPorts ?? [], ports, ct);
        _appliedPorts = ports;
        SyncCount++;
        LastSyncDuration = watch.Elapsed;
        LastScriptLength = length;
        LastSyncFull = full;
        LogSynced(logger, ports.Count, rules, full, length, watch.ElapsedMilliseconds);
        // After the rules are in place, so it delays no traffic change.
        if (full) Sync.ProxyMemory.ReleaseAfterFullSync(ports.Count);
    }

    /// <summary>The objects the last successful sync left in the kernel (for the hourly full sync's deletions).</summary>
    private NftObjects KnownObjects()
    {
        var fixedPart = NftablesRenderer.RenderStatic(_renderOptions);
        var chains = new HashSet<string>(fixedPart.Chains.Keys, StringComparer.Ordinal);
        var sets = fixedPart.Sets.ToDictionary(s => s.Key, s => s.Value.Kind, StringComparer.Ordinal);
        foreach (var (name, kind) in _cache.Objects())
        {
            if (kind == null) chains.Add(name);
            else sets[name] = kind;
        }
        return new NftObjects(chains, sets);
    }

    public async Task CleanupAsync(CancellationToken ct)
    {
        await nft.DeleteTableAsync(_names.Table, ct);
        _synced = false;
        _cache.Clear();
        _appliedPorts = null;
    }

    [LoggerMessage(EventId = 8010, Level = LogLevel.Debug, Message = "Synced {Ports} service ports ({Rules} nftables rules, full {Full}, {Bytes} bytes) in {Ms} ms")]
    private static partial void LogSynced(ILogger logger, int ports, int rules, bool full, long bytes, long ms);
}
