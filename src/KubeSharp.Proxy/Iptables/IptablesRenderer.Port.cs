using System.Globalization;
using KubeSharp.Proxy.Model;

namespace KubeSharp.Proxy.Iptables;

public static partial class IptablesRenderer
{
    /// <summary>One service port's rules: its lines in the top-level chains and its own chains.</summary>
    private static void RenderPort(RuleWriter w, ServicePort port)
    {
        var c = w.Chains;
        var options = w.Options;
        var proto = port.Protocol.ToLowerInvariant();
        var comment = Quote(port.Id);
        var clusterEndpoints = ServiceModelBuilder.Usable(port.Endpoints, localOnly: false);
        var localEndpoints = ServiceModelBuilder.Usable(port.Endpoints, localOnly: true);
        var internalEndpoints = port.InternalPolicyLocal ? localEndpoints : clusterEndpoints;
        var externalEndpoints = port.ExternalPolicyLocal ? localEndpoints : clusterEndpoints;
        var svcChain = c.Service(port);
        var svlChain = c.ServiceLocal(port);
        var extChain = c.External(port);
        var fwChain = c.Firewall(port);
        var match = $"-p {proto} -m {proto} --dport {port.Port}";
        // Upstream's usesFWChain: load-balancer IPs restricted by source, and somewhere to send the allowed traffic.
        var usesFw = port.HasSourceRanges && externalEndpoints.Count > 0;

        // ClusterIP.
        if (internalEndpoints.Count > 0)
        {
            w.Nat(c.Services, $"-m comment --comment \"{comment} cluster IP\" -d {port.ClusterIP}/32 {match} -j {(port.InternalPolicyLocal ? svlChain : svcChain)}");
        }
        else
        {
            w.Filter(c.Services, $"-m comment --comment \"{comment} has no endpoints\" -d {port.ClusterIP}/32 {match} -j REJECT --reject-with icmp-port-unreachable");
        }

        // NodePort, external IPs, load-balancer IPs.
        if (port.HasExternal)
        {
            if (externalEndpoints.Count > 0)
            {
                foreach (var ip in port.ExternalIPs) w.Nat(c.Services, $"-m comment --comment \"{comment} external IP\" -d {ip}/32 {match} -j {extChain}");
                foreach (var ip in port.LoadBalancerIPs)
                {
                    w.Nat(c.Services, $"-m comment --comment \"{comment} loadbalancer IP\" -d {ip}/32 {match} -j {(usesFw ? fwChain : extChain)}");
                    // Traffic the FW chain let through is DNATed by now and no longer matches; the rest is dropped.
                    if (usesFw) w.Filter(c.ProxyFirewall, $"-m comment --comment \"{comment} traffic not accepted by {fwChain}\" -d {ip}/32 {match} -j DROP");
                }
                if (port.NodePort > 0) w.Nat(c.NodePorts, $"-m comment --comment \"{comment}\" -p {proto} -m {proto} --dport {port.NodePort} -j {extChain}");
            }
            else
            {
                foreach (var ip in port.ExternalIPs) w.Filter(c.ExternalServices, $"-m comment --comment \"{comment} external IP\" -d {ip}/32 {match} -j REJECT --reject-with icmp-port-unreachable");
                foreach (var ip in port.LoadBalancerIPs) w.Filter(c.ExternalServices, $"-m comment --comment \"{comment} loadbalancer IP\" -d {ip}/32 {match} -j REJECT --reject-with icmp-port-unreachable");
                if (port.NodePort > 0)
                {
                    w.Filter(c.ExternalServices, $"-m comment --comment \"{comment} has no local endpoints\" -m addrtype --dst-type LOCAL -p {proto} -m {proto} --dport {port.NodePort} -j REJECT --reject-with icmp-port-unreachable");
                }
            }
        }

        // Service chains: only for ports that can send somewhere.
        var needSvc = clusterEndpoints.Count > 0 && (!port.InternalPolicyLocal || (port.HasExternal && !port.ExternalPolicyLocal));
        var needSvl = (port.InternalPolicyLocal || port.ExternalPolicyLocal) && localEndpoints.Count > 0;
        if (needSvc)
        {
            w.Open(svcChain);
            if (options.ClusterCidr != null)
            {
                w.Nat(svcChain, $"-m comment --comment \"{comment} cluster IP\" -d {port.ClusterIP}/32 {match} ! -s {options.ClusterCidr} -j {c.MarkMasq}");
            }
            Balance(w, svcChain, port, comment, proto, clusterEndpoints);
        }
        if (needSvl)
        {
            w.Open(svlChain);
            Balance(w, svlChain, port, comment, proto, localEndpoints);
        }
        if (port.HasExternal && externalEndpoints.Count > 0)
        {
            w.Open(extChain);
            if (port.ExternalPolicyLocal)
            {
                // Pods reaching the node port keep cluster-wide balancing; traffic from this host is SNATed so
                // the answer comes back here; everything else only reaches local endpoints (source IP preserved).
                var wide = needSvc ? svcChain : svlChain;
                if (options.ClusterCidr != null) w.Nat(extChain, $"-m comment --comment \"pod traffic for {comment} external destinations\" -s {options.ClusterCidr} -j {wide}");
                w.Nat(extChain, $"-m comment --comment \"masquerade LOCAL traffic for {comment} external destinations\" -m addrtype --src-type LOCAL -j {c.MarkMasq}");
                w.Nat(extChain, $"-m comment --comment \"route LOCAL traffic for {comment} external destinations\" -m addrtype --src-type LOCAL -j {wide}");
                w.Nat(extChain, $"-j {svlChain}");
            }
            else
            {
                w.Nat(extChain, $"-m comment --comment \"masquerade traffic for {comment} external destinations\" -j {c.MarkMasq}");
                w.Nat(extChain, $"-j {svcChain}");
            }
        }
        if (usesFw)
        {
            w.Open(fwChain);
            var allowFromNode = false;
            foreach (var cidr in port.LoadBalancerSourceRanges)
            {
                w.Nat(fwChain, $"-m comment --comment \"{comment} loadbalancer IP\" -s {cidr} -j {extChain}");
                allowFromNode |= options.NodeIP != null && Ipv4Cidr.Contains(cidr, options.NodeIP);
            }
            // A node holding the VIP as a local address reaches it with the VIP as source; upstream lets that through
            // when the node itself is an allowed source.
            if (allowFromNode)
            {
                foreach (var ip in port.LoadBalancerIPs) w.Nat(fwChain, $"-m comment --comment \"{comment} loadbalancer IP\" -s {ip}/32 -j {extChain}");
            }
        }
    }

    private static void Balance(RuleWriter w, string chain, ServicePort p, string comment, string proto, IReadOnlyList<Endpoint> endpoints)
    {
        var c = w.Chains;
        if (p.AffinitySeconds > 0)
        {
            foreach (var ep in endpoints)
            {
                var sep = c.EndpointChain(p, ep);
                w.Nat(chain, $"-m comment --comment \"{comment} -> {ep.HostPort}\" -m recent --name {sep} --rcheck --seconds {p.AffinitySeconds} --reap -j {sep}");
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
            w.Nat(chain, $"-m comment --comment \"{comment} -> {ep.HostPort}\"{statistic} -j {sep}");
            if (w.Open(sep))
            {
                w.Nat(sep, $"-m comment --comment \"{comment}\" -s {ep.Ip}/32 -j {c.MarkMasq}");
                var affinity = p.AffinitySeconds > 0 ? $" -m recent --name {sep} --set" : "";
                w.Nat(sep, $"-m comment --comment \"{comment}\"{affinity} -p {proto} -m {proto} -j DNAT --to-destination {ep.HostPort}");
            }
        }
    }
}
