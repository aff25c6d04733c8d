using System.Text;
using KubeSharp.Proxy.Model;

namespace KubeSharp.Proxy.Iptables;

/// <summary>
/// One sync's iptables-restore input. <paramref name="ObjectChains"/> (per-service and per-endpoint nat chain →
/// its rules) is what the next partial sync compares against; <paramref name="WrittenChains"/> counts the object
/// chains this input rewrites.
/// </summary>
public sealed record RenderedRules(string Input, IReadOnlySet<string> NatChains, int RuleCount,
    IReadOnlyDictionary<string, string> ObjectChains, int WrittenChains);

/// <summary>
/// Renders the ruleset for iptables-restore --noflush (upstream's iptables proxier layout, written from its
/// documented behaviour). A declared chain is flushed and rewritten; an undeclared one is left as it is.
///
/// Full render (no previous chains): every chain the proxy owns is declared and rewritten; chains under the prefix
/// that no longer belong to a service are flushed and deleted. Partial render (upstream's MinimizeIPTablesRestore):
/// the top-level chains (SERVICES, NODEPORTS, …) and the whole filter table are still rewritten, since every
/// service has rules there, but a per-service or per-endpoint chain only when its rules differ from the previous
/// sync's; chains that are gone are deleted. The kernel keeps the rest, so a one-service change costs a few lines
/// of input however many services there are.
///
/// nat: SERVICES matches a service's virtual IP and port and jumps to its SVC chain, which picks an endpoint
/// chain (SEP) with `statistic random` probabilities 1/n, 1/(n-1), ... 1 so each endpoint gets an equal share;
/// SEP DNATs. Traffic that must be SNATed (from outside the cluster CIDR, hairpin from an endpoint to itself,
/// anything arriving on a NodePort/external IP with policy Cluster) is marked in MARK-MASQ and masqueraded in
/// POSTROUTING. Load-balancer IPs with source ranges go through a FW chain that sends allowed sources on to EXT;
/// the rest is not DNATed and dropped by filter PROXY-FIREWALL. filter: services without usable endpoints REJECT
/// at once instead of timing out.
/// </summary>
public static partial class IptablesRenderer
{
    /// <param name="existingNatChains">Chains in the nat table now (from iptables-save, or the last sync's): object
    /// chains among them that are not desired any more are deleted.</param>
    /// <param name="previousObjectChains">The last successful sync's <see cref="RenderedRules.ObjectChains"/> for a
    /// partial render; null for a full one.</param>
    public static RenderedRules Render(IReadOnlyList<ServicePort> ports, IReadOnlySet<string> existingNatChains, RenderOptions options,
        IReadOnlyDictionary<string, string>? previousObjectChains = null)
    {
        var c = options.Chains;
        var mark = options.MasqueradeMark;
        var w = new RuleWriter(options);

        w.Nat(c.Postrouting, $"-m mark ! --mark {mark}/{mark} -j RETURN");
        w.Nat(c.Postrouting, $"-j MARK --xor-mark {mark}");
        w.Nat(c.Postrouting, "-m comment --comment \"kubernetes service traffic requiring SNAT\" -j MASQUERADE --random-fully");
        w.Nat(c.MarkMasq, $"-j MARK --or-mark {mark}");

        foreach (var port in ports) RenderPort(w, port);

        // Node ports are matched last, for any local destination address (including 127.0.0.1 with route_localnet).
        w.Nat(c.Services, $"-m comment --comment \"kubernetes service nodeports\" -m addrtype --dst-type LOCAL -j {c.NodePorts}");
        w.Filter(c.Forward, "-m comment --comment \"kubernetes forwarding rules\" -m mark --mark " + mark + "/" + mark + " -j ACCEPT");
        w.Filter(c.Forward, "-m comment --comment \"kubernetes forwarding conntrack rule\" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT");

        return Assemble(w, existingNatChains, c, previousObjectChains);
    }

    private static RenderedRules Assemble(RuleWriter w, IReadOnlySet<string> existingNatChains, ChainNames c,
        IReadOnlyDictionary<string, string>? previous)
    {
        string[] topNat = [c.Services, c.NodePorts, c.Postrouting, c.MarkMasq];
        var natChains = new HashSet<string>(topNat, StringComparer.Ordinal);
        var objectChains = w.ObjectChains();
        natChains.UnionWith(objectChains.Keys);
        var stale = existingNatChains.Where(ch => c.IsObjectChain(ch) && !natChains.Contains(ch)).Order(StringComparer.Ordinal).ToList();
        var write = objectChains
            .Where(ch => previous == null || !previous.TryGetValue(ch.Key, out var old) || old != ch.Value)
            .OrderBy(ch => ch.Key, StringComparer.Ordinal)
            .ToList();

        var sb = new StringBuilder("*nat\n");
        foreach (var chain in topNat.Concat(write.Select(ch => ch.Key)).Concat(stale).Order(StringComparer.Ordinal))
        {
            sb.Append(':').Append(chain).Append(" - [0:0]\n");
        }
        foreach (var chain in topNat) sb.Append(w.TopNat.GetValueOrDefault(chain));
        foreach (var (_, body) in write) sb.Append(body);
        foreach (var chain in stale) sb.Append("-X ").Append(chain).Append('\n');
        sb.Append("COMMIT\n*filter\n");
        string[] filterChains = [c.Services, c.ExternalServices, c.Forward, c.ProxyFirewall];
        foreach (var chain in filterChains) sb.Append(':').Append(chain).Append(" - [0:0]\n");
        foreach (var chain in filterChains) sb.Append(w.Filters.GetValueOrDefault(chain));
        sb.Append("COMMIT\n");
        return new RenderedRules(sb.ToString(), natChains, w.RuleCount, objectChains, write.Count);
    }

    /// <summary>Comments are quoted by iptables-restore's own rules: no double quotes inside.</summary>
    private static string Quote(string text) => text.Replace("\"", "", StringComparison.Ordinal);
}
