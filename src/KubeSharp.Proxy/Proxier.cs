using System.Diagnostics;
using KubeSharp.Proxy.Iptables;
using KubeSharp.Proxy.Model;
using Microsoft.Extensions.Logging;

namespace KubeSharp.Proxy;

/// <summary>
/// One sync: service model → iptables-restore input → applied; then the jumps from the built-in chains and the
/// conntrack entries that would keep UDP flows on endpoints that are gone. Skips the restore when the model is
/// unchanged since the last successful sync (periodic syncs still re-apply, repairing the top-level chains).
/// Syncs are partial (upstream's MinimizeIPTablesRestore): only per-service chains whose rules changed are written.
/// A full sync (every chain rewritten, leftovers listed with iptables-save and deleted) runs at the first sync,
/// after a failed one, and on the first periodic sync an hour after the last full one (upstream's
/// FullSyncPeriod). A chain someone deleted behind our back makes the restore fail (a rule jumps to it), so the
/// retry is a full sync.
/// </summary>
internal sealed partial class Proxier(ProxyOptions options, IptablesClient iptables, HostCommand host, ILogger logger) : IProxier
{
    /// <summary>Upstream's FullSyncPeriod.</summary>
    public static readonly TimeSpan FullSyncPeriod = TimeSpan.FromHours(1);

    private readonly ChainNames _chains = new(options.ChainPrefix);
    private IReadOnlyList<ServicePort>? _applied;
    private IReadOnlySet<string>? _natChains;
    // The object chains' rules as the kernel has them; null: unknown, the next sync is full.
    private IReadOnlyDictionary<string, string>? _objectChains;
    private long _lastFull;
    private bool _jumpsEnsured;

    public ChainNames Chains => _chains;
    public int SyncCount { get; private set; }
    public TimeSpan LastSyncDuration { get; private set; }
    public int LastRuleCount { get; private set; }

    /// <summary>Whether the last sync rewrote everything, and how many object chains it wrote (tests).</summary>
    public bool LastSyncFull { get; private set; }
    public int LastWrittenChains { get; private set; }

    public async Task SyncAsync(IReadOnlyList<ServicePort> ports, bool periodic, CancellationToken ct)
    {
        if (!periodic && _objectChains != null && ServicePortComparer.SameModel(_applied, ports)) return;
        var watch = Stopwatch.StartNew();
        var full = _objectChains == null || _natChains == null || (periodic && options.Time.GetElapsedTime(_lastFull) >= FullSyncPeriod);
        // iptables-save (a second of a 10,000-service sync) runs only for full syncs, which also clean up chains a
        // previous proxy process left behind; otherwise our chains are known from the last sync.
        var existing = full ? await iptables.ChainsAsync("nat", ct) : _natChains!;
        var rendered = IptablesRenderer.Render(ports, existing, new RenderOptions
        {
            Chains = _chains,
            ClusterCidr = options.ClusterCidr,
            MasqueradeBit = options.MasqueradeBit,
            NodeIP = options.NodeIP,
        }, full ? null : _objectChains);
        try
        {
            await iptables.RestoreAsync(rendered.Input, ct);
        }
        catch (IptablesException)
        {
            // What the kernel holds is not what we think: the retry rewrites everything.
            _objectChains = null;
            throw;
        }
        if (full) _lastFull = options.Time.GetTimestamp();
        // A full sync may follow rules deleted wholesale (iptables -t nat -F): the jumps are checked again too.
        if (periodic || full || !_jumpsEnsured)
        {
            await EnsureJumpsAsync(ct);
            _jumpsEnsured = true;
        }
        await Sync.StaleUdpFlows.FlushAsync(host, _applied ?? [], ports, ct);
        _applied = ports;
        _natChains = rendered.NatChains;
        _objectChains = rendered.ObjectChains;
        SyncCount++;
        LastSyncDuration = watch.Elapsed;
        LastRuleCount = rendered.RuleCount;
        LastSyncFull = full;
        LastWrittenChains = rendered.WrittenChains;
        LogSynced(logger, ports.Count, rendered.RuleCount, full, rendered.WrittenChains, watch.ElapsedMilliseconds);
        // After the rules are in place, so it delays no traffic change.
        if (full) Sync.ProxyMemory.ReleaseAfterFullSync(ports.Count);
    }

    /// <summary>The jumps into our chains, as upstream's kube-proxy installs them.</summary>
    internal IEnumerable<(string Table, string Chain, string[] Rule, bool First)> Jumps()
    {
        var c = _chains;
        yield return ("nat", "PREROUTING", ["-m", "comment", "--comment", "kubernetes service portals", "-j", c.Services], true);
        yield return ("nat", "OUTPUT", ["-m", "comment", "--comment", "kubernetes service portals", "-j", c.Services], true);
        // First in POSTROUTING: our SNAT must win over the CNI bridge plugin's own masquerade (runtime-notes).
        yield return ("nat", "POSTROUTING", ["-m", "comment", "--comment", "kubernetes postrouting rules", "-j", c.Postrouting], true);
        yield return ("filter", "INPUT", ["-m", "conntrack", "--ctstate", "NEW", "-m", "comment", "--comment", "kubernetes externally-visible service portals", "-j", c.ExternalServices], true);
        // Load-balancer traffic from sources outside loadBalancerSourceRanges (not DNATed by the FW chain).
        foreach (var chain in new[] { "INPUT", "FORWARD", "OUTPUT" })
        {
            yield return ("filter", chain, ["-m", "conntrack", "--ctstate", "NEW", "-m", "comment", "--comment", "kubernetes load balancer firewall", "-j", c.ProxyFirewall], true);
        }
        yield return ("filter", "FORWARD", ["-m", "conntrack", "--ctstate", "NEW", "-m", "comment", "--comment", "kubernetes service portals", "-j", c.Services], true);
        yield return ("filter", "FORWARD", ["-m", "conntrack", "--ctstate", "NEW", "-m", "comment", "--comment", "kubernetes externally-visible service portals", "-j", c.ExternalServices], true);
        yield return ("filter", "FORWARD", ["-m", "comment", "--comment", "kubernetes forwarding rules", "-j", c.Forward], true);
        yield return ("filter", "OUTPUT", ["-m", "conntrack", "--ctstate", "NEW", "-m", "comment", "--comment", "kubernetes service portals", "-j", c.Services], true);
    }

    private async Task EnsureJumpsAsync(CancellationToken ct)
    {
        foreach (var (table, chain, rule, first) in Jumps()) await iptables.EnsureRuleAsync(table, chain, rule, first, ct);
    }

    /// <summary>Removes every rule and chain this proxy created (kube-proxy --cleanup).</summary>
    public async Task CleanupAsync(CancellationToken ct)
    {
        foreach (var (table, chain, rule, _) in Jumps()) await iptables.DeleteRuleAsync(table, chain, rule, ct);
        foreach (var table in new[] { "nat", "filter" })
        {
            var ours = (await iptables.ChainsAsync(table, ct)).Where(ch => ch.StartsWith(_chains.Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
            if (ours.Count == 0) continue;
            var input = new System.Text.StringBuilder($"*{table}\n");
            foreach (var chain in ours) input.Append(':').Append(chain).Append(" - [0:0]\n");
            foreach (var chain in ours) input.Append("-X ").Append(chain).Append('\n');
            input.Append("COMMIT\n");
            await iptables.RestoreAsync(input.ToString(), ct);
        }
        _applied = null;
        _natChains = null;
        _objectChains = null;
        _jumpsEnsured = false;
    }

    [LoggerMessage(EventId = 8001, Level = LogLevel.Debug, Message = "Synced {Ports} service ports ({Rules} rules, full {Full}, {Chains} chains written) in {Ms} ms")]
    private static partial void LogSynced(ILogger logger, int ports, int rules, bool full, int chains, long ms);
}
