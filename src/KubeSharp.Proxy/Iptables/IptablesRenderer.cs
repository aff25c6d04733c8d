using System.Globalization;
using System.Text;
using KubeSharp.Proxy.Model;

namespace KubeSharp.Proxy.Iptables;

/// <summary>The nat and filter rulesets, as iptables-restore input, for one sync.</summary>
public sealed record RenderedRules(string Input, IReadOnlySet<string> NatChains, int RuleCount);

/// <summary>
/// Renders the whole ruleset for iptables-restore --noflush (upstream's iptables proxier layout, written from its
/// documented behaviour). Every chain the proxy owns is declared, which flushes it, and rewritten; chains left
/// over from services that are gone are flushed and deleted. Built-in chains are never touched here: the jumps
/// into our chains are ensured separately.
///
/// nat: SERVICES matches a service's virtual IP and port and jumps to its SVC chain, which picks an endpoint
/// chain (SEP) with `statistic random` probabilities 1/n, 1/(n-1), ... 1 so each endpoint gets an equal share;
/// SEP DNATs. Traffic that must be SNATed (from outside the cluster CIDR, hairpin from an endpoint to itself,
/// anything arriving on a NodePort/external IP with policy Cluster) is marked in MARK-MASQ and masqueraded in
/// POSTROUTING. filter: services without usable endpoints REJECT at once instead of timing out.
/// </summary>
public static class IptablesRenderer
{
    public static RenderedRules Render(IReadOnlyList<ServicePort> ports, IReadOnlySet<string> existingNatChains, RenderOptions options)
    {
        var c = options.Chains;
        var mark = options.MasqueradeMark;
        var nat = new StringBuilder();
        var natRules = new StringBuilder();
        var filterRules = new StringBuilder();
        var natChains = new HashSet<string> { c.Services, c.NodePorts, c.Postrouting, c.MarkMasq };
        var rules = 0;

        void Nat(string rule)
        {
            natRules.Append(rule).Append('\n');
            rules++;
        }

        void Filter(string rule)
        {
            filterRules.Append(rule).Append('\n');
            rules++;
        }

        Nat($"-A {c.Postrouting} -m mark ! --mark {mark}/{mark} -j RETURN");
        Nat($"-A {c.Postrouting} -j MARK --xor-mark {mark}");
        Nat($"-A {c.Postrouting} -m comment --comment \"kubernetes service traffic requiring SNAT\" -j MASQUERADE --random-fully");
        Nat($"-A {c.MarkMasq} -j MARK --or-mark {mark}");

        foreach (var port in ports)
        {
            var proto = port.Protocol.ToLowerInvariant();
            var comment = Quote(port.Id);
            var clusterEndpoints = ServiceModelBuilder.Usable(port.Endpoints, localOnly: false);
            var internalEndpoints = port.InternalPolicyLocal ? ServiceModelBuilder.Usable(port.Endpoints, localOnly: true) : clusterEndpoints;
            var externalEndpoints = port.ExternalPolicyLocal ? ServiceModelBuilder.Usable(port.Endpoints, localOnly: true) : clusterEndpoints;
            var svcChain = c.Service(port);
            var svlChain = c.ServiceLocal(port);
            var extChain = c.External(port);
            var match = $"-p {proto} -m {proto} --dport {port.Port}";

            // ClusterIP.
            if (internalEndpoints.Count > 0)
            {
                var target = port.InternalPolicyLocal ? svlChain : svcChain;
                Nat($"-A {c.Services} -m comment --comment \"{comment} cluster IP\" -d {port.ClusterIP}/32 {match} -j {target}");
            }
            else
            {
                Filter($"-A {c.Services} -m comment --comment \"{comment} has no endpoints\" -d {port.ClusterIP}/32 {match} -j REJECT --reject-with icmp-port-unreachable");
            }

            // NodePort, external IPs, load-balancer IPs.
            if (port.HasExternal)
            {
                var externalTargets = new List<string>();
                foreach (var ip in port.ExternalIPs) externalTargets.Add($"-m comment --comment \"{comment} external IP\" -d {ip}/32 {match}");
                foreach (var ip in port.LoadBalancerIPs) externalTargets.Add($"-m comment --comment \"{comment} loadbalancer IP\" -d {ip}/32 {match}");
                if (externalEndpoints.Count > 0)
                {
                    foreach (var t in externalTargets) Nat($"-A {c.Services} {t} -j {extChain}");
                    if (port.NodePort > 0) Nat($"-A {c.NodePorts} -m comment --comment \"{comment}\" -p {proto} -m {proto} --dport {port.NodePort} -j {extChain}");
                }
                else
                {
                    foreach (var t in externalTargets) Filter($"-A {c.ExternalServices} {t} -j REJECT --reject-with icmp-port-unreachable");
                    if (port.NodePort > 0)
                    {
                        Filter($"-A {c.ExternalServices} -m comment --comment \"{comment} has no local endpoints\" -m addrtype --dst-type LOCAL -p {proto} -m {proto} --dport {port.NodePort} -j REJECT --reject-with icmp-port-unreachable");
                    }
                }
            }

            // Service chains: only for ports that can send somewhere.
            var needSvc = clusterEndpoints.Count > 0 && (!port.InternalPolicyLocal || (port.HasExternal && !port.ExternalPolicyLocal));
            var needSvl = (port.InternalPolicyLocal || port.ExternalPolicyLocal) && ServiceModelBuilder.Usable(port.Endpoints, true).Count > 0;
            if (needSvc)
            {
                natChains.Add(svcChain);
                if (options.ClusterCidr != null)
                {
                    Nat($"-A {svcChain} -m comment --comment \"{comment} cluster IP\" -d {port.ClusterIP}/32 {match} ! -s {options.ClusterCidr} -j {c.MarkMasq}");
                }
                Balance(svcChain, port, clusterEndpoints);
            }
            if (needSvl)
            {
                natChains.Add(svlChain);
                Balance(svlChain, port, ServiceModelBuilder.Usable(port.Endpoints, true));
            }
            if (port.HasExternal && externalEndpoints.Count > 0)
            {
                natChains.Add(extChain);
                if (port.ExternalPolicyLocal)
                {
                    // Pods reaching the node port keep cluster-wide balancing; traffic from this host is SNATed so
                    // the answer comes back here; everything else only reaches local endpoints (source IP preserved).
                    if (options.ClusterCidr != null) Nat($"-A {extChain} -m comment --comment \"pod traffic for {comment} external destinations\" -s {options.ClusterCidr} -j {(needSvc ? svcChain : svlChain)}");
                    Nat($"-A {extChain} -m comment --comment \"masquerade LOCAL traffic for {comment} external destinations\" -m addrtype --src-type LOCAL -j {c.MarkMasq}");
                    Nat($"-A {extChain} -m comment --comment \"route LOCAL traffic for {comment} external destinations\" -m addrtype --src-type LOCAL -j {(needSvc ? svcChain : svlChain)}");
                    Nat($"-A {extChain} -j {svlChain}");
                }
                else
                {
                    Nat($"-A {extChain} -m comment --comment \"masquerade traffic for {comment} external destinations\" -j {c.MarkMasq}");
                    Nat($"-A {extChain} -j {svcChain}");
                }
            }

            void Balance(string chain, ServicePort p, IReadOnlyList<Endpoint> endpoints)
            {
                if (p.AffinitySeconds > 0)
                {
                    foreach (var ep in endpoints)
                    {
                        var sep = c.EndpointChain(p, ep);
                        Nat($"-A {chain} -m comment --comment \"{comment} -> {ep.HostPort}\" -m recent --name {sep} --rcheck --seconds {p.AffinitySeconds} --reap -j {sep}");
                    }
                }
                for (var i = 0; i < endpoints.Count; i++)
                {
                    var ep = endpoints[i];
                    var sep = c.EndpointChain(p, ep);
                    var remaining = endpoints.Count - i;
                    var statistic = remaining > 1
                        ? $" -m statistic --mode random --probability {(1.0 / remaining).ToString("0.0000000000", CultureInfo.InvariantCulture)}"
                        : "";
                    Nat($"-A {chain} -m comment --comment \"{comment} -> {ep.HostPort}\"{statistic} -j {sep}");
                    if (natChains.Add(sep))
                    {
                        Nat($"-A {sep} -m comment --comment \"{comment}\" -s {ep.Ip}/32 -j {c.MarkMasq}");
                        var affinity = p.AffinitySeconds > 0 ? $" -m recent --name {sep} --set" : "";
                        Nat($"-A {sep} -m comment --comment \"{comment}\"{affinity} -p {proto} -m {proto} -j DNAT --to-destination {ep.HostPort}");
                    }
                }
            }
        }
        // Node ports are matched last, for any local destination address (including 127.0.0.1 with route_localnet).
        Nat($"-A {c.Services} -m comment --comment \"kubernetes service nodeports\" -m addrtype --dst-type LOCAL -j {c.NodePorts}");

        Filter($"-A {c.Forward} -m comment --comment \"kubernetes forwarding rules\" -m mark --mark {mark}/{mark} -j ACCEPT");
        Filter($"-A {c.Forward} -m comment --comment \"kubernetes forwarding conntrack rule\" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT");

        var stale = existingNatChains.Where(ch => c.IsObjectChain(ch) && !natChains.Contains(ch)).Order(StringComparer.Ordinal).ToList();
        nat.Append("*nat\n");
        foreach (var chain in natChains.Concat(stale).Order(StringComparer.Ordinal)) nat.Append(':').Append(chain).Append(" - [0:0]\n");
        nat.Append(natRules);
        foreach (var chain in stale) nat.Append("-X ").Append(chain).Append('\n');
        nat.Append("COMMIT\n");
        nat.Append("*filter\n");
        foreach (var chain in new[] { c.Services, c.ExternalServices, c.Forward }) nat.Append(':').Append(chain).Append(" - [0:0]\n");
        nat.Append(filterRules);
        nat.Append("COMMIT\n");
        return new RenderedRules(nat.ToString(), natChains, rules);
    }

    /// <summary>Comments are quoted by iptables-restore's own rules: no double quotes inside.</summary>
    private static string Quote(string text) => text.Replace("\"", "", StringComparison.Ordinal);
}
