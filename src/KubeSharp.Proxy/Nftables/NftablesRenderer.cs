using KubeSharp.Proxy.Model;

namespace KubeSharp.Proxy.Nftables;

/// <summary>What the nftables rules depend on besides the services.</summary>
public sealed record NftablesRenderOptions
{
    /// <summary>Traffic to a service from outside this CIDR is masqueraded (upstream's --cluster-cidr); null: none.</summary>
    public string? ClusterCidr { get; init; }
    /// <summary>This node's IPv4 address, for the load-balancer source-range exception (see ProxyOptions.NodeIP).</summary>
    public string? NodeIP { get; init; }
    /// <summary>The fwmark bit that flags packets for SNAT (default 14, as in iptables mode).</summary>
    public int MasqueradeBit { get; init; } = 14;
}

/// <summary>
/// The proxy's nftables table, laid out as upstream's nftables proxier (written from its documented behaviour):
/// one verdict map from "destination IP . protocol . port" to the service's chain replaces iptables' linear list of
/// service rules, so a packet costs one lookup whatever the number of services. A service chain picks an endpoint
/// chain with <c>numgen random</c> rules; the endpoint chain DNATs. Ports without usable endpoints are looked up in
/// no-endpoint maps from filter hooks that run before DNAT and jump to a chain that rejects. Traffic that needs
/// SNAT is marked in mark-for-masquerade and masqueraded in the postrouting hook. ClientIP session affinity uses a
/// dynamic set per endpoint: the endpoint chain records the client, the service chain sends recorded clients back.
/// </summary>
public static class NftablesRenderer
{
    public const string ServiceIps = "service-ips";
    public const string ServiceNodePorts = "service-nodeports";
    public const string NoEndpointServices = "no-endpoint-services";
    public const string NoEndpointNodePorts = "no-endpoint-nodeports";
    public const string MarkForMasquerade = "mark-for-masquerade";
    public const string RejectChain = "reject-chain";
    public const string FirewallIps = "firewall-ips";
    public const string FirewallCheck = "firewall-check";

    /// <param name="cache">Fragments of the previous render: a port that did not change reuses its chains (the
    /// same strings, so the diff against the last sync is a reference comparison). Null: render everything.</param>
    public static NftRuleset Render(IReadOnlyList<ServicePort> ports, NftablesRenderOptions options, NftablesRenderCache? cache = null)
    {
        var r = RenderStatic(options);
        var fragments = new Dictionary<PortKey, (ServicePort, NftRuleset)>(ports.Count);
        foreach (var port in ports)
        {
            var key = PortKey.Of(port);
            NftRuleset fragment;
            if (cache != null && cache.Options == options && cache.Fragments.TryGetValue(key, out var hit) && ServicePortComparer.Instance.Equals(hit.Port, port))
            {
                fragment = hit.Fragment;
            }
            else
            {
                fragment = RenderFragment(port, options);
            }
            fragments[key] = (port, fragment);
            r.Merge(fragment);
        }
        cache?.Replace(options, fragments);
        return r;
    }

    /// <summary>
    /// What changed since the fragments in <paramref name="cache"/> (the last successful sync's): only added, changed
    /// and removed ports are rendered, and nothing is merged, so a one-service change costs one lookup and one
    /// value comparison per port. The cache is not touched; <see cref="NftDelta.CommitTo"/> records the delta once
    /// the kernel has it.
    /// </summary>
    public static NftDelta RenderDelta(IReadOnlyList<ServicePort> ports, NftablesRenderOptions options, NftablesRenderCache cache)
    {
        var sameOptions = cache.Options == options;
        var changes = new List<NftChange>();
        var rules = 0;
        var found = 0;
        HashSet<PortKey>? seen = null;
        foreach (var port in ports)
        {
            var key = PortKey.Of(port);
            if (cache.Fragments.TryGetValue(key, out var hit))
            {
                found++;
                if (sameOptions && ServicePortComparer.Instance.Equals(hit.Port, port))
                {
                    rules += hit.Fragment.RuleCount;
                    continue;
                }
            }
            var fragment = RenderFragment(port, options);
            rules += fragment.RuleCount;
            changes.Add(new NftChange(key, hit.Fragment, port, fragment));
        }
        if (found < cache.Fragments.Count)
        {
            // Some ports are gone: find them (a full pass only when the model shrank).
            seen = new HashSet<PortKey>(ports.Count);
            foreach (var port in ports) seen.Add(PortKey.Of(port));
            foreach (var (key, (_, fragment)) in cache.Fragments)
            {
                if (!seen.Contains(key)) changes.Add(new NftChange(key, fragment, null, null));
            }
        }
        var fixedPart = RenderStatic(options);
        return new NftDelta(fixedPart, changes, options, rules + fixedPart.RuleCount);
    }

    /// <summary>The fixed chains and maps of the layout, the same for every model.</summary>
    public static NftRuleset RenderStatic(NftablesRenderOptions options)
    {
        var r = new NftRuleset();
        var mark = "0x" + (1 << options.MasqueradeBit).ToString("x");

        // Hooks. DNAT at dstnat in prerouting (traffic from pods and outside) and output (from the node itself).
        // The filter hooks run just before DNAT (-110 < -100), while the destination is still the service's.
        // SNAT runs a little before srcnat so that our masquerade wins over a CNI plugin's own (as in iptables mode).
        r.AddChain("nat-prerouting", ["type nat hook prerouting priority dstnat; policy accept;", "jump services"]);
        r.AddChain("nat-output", ["type nat hook output priority -100; policy accept;", "jump services"]);
        r.AddChain("nat-postrouting", ["type nat hook postrouting priority srcnat - 10; policy accept;", "jump masquerading"]);
        r.AddChain("filter-input", ["type filter hook input priority -110; policy accept;",
            "ct state new jump nodeport-endpoints-check", "ct state new jump service-endpoints-check"]);
        r.AddChain("filter-forward", ["type filter hook forward priority -110; policy accept;", "ct state new jump service-endpoints-check"]);
        r.AddChain("filter-output", ["type filter hook output priority -110; policy accept;", "ct state new jump service-endpoints-check", $"ct state new jump {FirewallCheck}"]);
        // loadBalancerSourceRanges are checked before DNAT (dstnat - 10), as upstream: a dropped packet never
        // reaches the nat chains; an allowed one goes on to the service-ips map like any other.
        r.AddChain("filter-prerouting", ["type filter hook prerouting priority dstnat - 10; policy accept;", $"ct state new jump {FirewallCheck}"]);

        r.AddChain(MarkForMasquerade, [$"meta mark set meta mark | {mark}"]);
        r.AddChain("masquerading", [$"meta mark & {mark} == 0 return", $"meta mark set meta mark ^ {mark}", "masquerade fully-random"]);
        // Node ports answer on every local address, 127.0.0.1 included (route_localnet is set, as in iptables mode;
        // upstream's nftables mode leaves localhost out).
        r.AddChain("services", [$"ip daddr . meta l4proto . th dport vmap @{ServiceIps}", $"fib daddr type local meta l4proto . th dport vmap @{ServiceNodePorts}"]);
        r.AddChain("service-endpoints-check", [$"ip daddr . meta l4proto . th dport vmap @{NoEndpointServices}"]);
        r.AddChain("nodeport-endpoints-check", [$"fib daddr type local meta l4proto . th dport vmap @{NoEndpointNodePorts}"]);
        r.AddChain(RejectChain, ["reject"]);
        r.AddChain(FirewallCheck, [$"ip daddr . meta l4proto . th dport vmap @{FirewallIps}"]);
        r.AddMap(ServiceIps, "type ipv4_addr . inet_proto . inet_service : verdict;");
        r.AddMap(ServiceNodePorts, "type inet_proto . inet_service : verdict;");
        r.AddMap(NoEndpointServices, "type ipv4_addr . inet_proto . inet_service : verdict;");
        r.AddMap(NoEndpointNodePorts, "type inet_proto . inet_service : verdict;");
        r.AddMap(FirewallIps, "type ipv4_addr . inet_proto . inet_service : verdict;");
        return r;
    }

    private static NftRuleset RenderFragment(ServicePort port, NftablesRenderOptions options)
    {
        var fragment = new NftRuleset();
        RenderPort(fragment, port, options);
        return fragment;
    }

    private static void RenderPort(NftRuleset r, ServicePort port, NftablesRenderOptions options)
    {
        var proto = port.Protocol.ToLowerInvariant();
        var clusterEndpoints = ServiceModelBuilder.Usable(port.Endpoints, localOnly: false);
        var localEndpoints = ServiceModelBuilder.Usable(port.Endpoints, localOnly: true);
        var internalEndpoints = port.InternalPolicyLocal ? localEndpoints : clusterEndpoints;
        var externalEndpoints = port.ExternalPolicyLocal ? localEndpoints : clusterEndpoints;
        var svc = NftablesNames.Service(port);
        var local = NftablesNames.ServiceLocal(port);
        var ext = NftablesNames.External(port);
        var reject = "goto " + RejectChain;

        var clusterKey = $"{port.ClusterIP} . {proto} . {port.Port}";
        if (internalEndpoints.Count > 0) r.AddElement(ServiceIps, clusterKey, "goto " + (port.InternalPolicyLocal ? local : svc));
        else r.AddElement(NoEndpointServices, clusterKey, reject);

        if (port.HasExternal)
        {
            var hasExternal = externalEndpoints.Count > 0;
            foreach (var ip in port.ExternalIPs.Concat(port.LoadBalancerIPs))
            {
                if (hasExternal) r.AddElement(ServiceIps, $"{ip} . {proto} . {port.Port}", "goto " + ext);
                else r.AddElement(NoEndpointServices, $"{ip} . {proto} . {port.Port}", reject);
            }
            // Upstream's usesFWChain: source ranges, load-balancer IPs, and somewhere to send allowed traffic.
            if (hasExternal && port.HasSourceRanges) RenderFirewall(r, port, proto, options);
            if (port.NodePort > 0)
            {
                if (hasExternal) r.AddElement(ServiceNodePorts, $"{proto} . {port.NodePort}", "goto " + ext);
                else r.AddElement(NoEndpointNodePorts, $"{proto} . {port.NodePort}", reject);
            }
        }

        // The same chain set as iptables mode: a chain exists only when it can send somewhere.
        var needSvc = clusterEndpoints.Count > 0 && (!port.InternalPolicyLocal || (port.HasExternal && !port.ExternalPolicyLocal));
        var needLocal = (port.InternalPolicyLocal || port.ExternalPolicyLocal) && localEndpoints.Count > 0;
        if (needSvc)
        {
            var lines = new List<string>();
            if (options.ClusterCidr != null)
            {
                lines.Add($"ip daddr {port.ClusterIP} {proto} dport {port.Port} ip saddr != {options.ClusterCidr} jump {MarkForMasquerade}");
            }
            Balance(r, svc, lines, port, clusterEndpoints);
        }
        if (needLocal) Balance(r, local, [], port, localEndpoints);
        if (port.HasExternal && externalEndpoints.Count > 0)
        {
            if (port.ExternalPolicyLocal)
            {
                // Pods keep cluster-wide balancing; the node itself is SNATed so answers come back here; everything
                // else reaches local endpoints only, with the client's address preserved.
                var wide = needSvc ? svc : local;
                var lines = new List<string>();
                if (options.ClusterCidr != null) lines.Add($"ip saddr {options.ClusterCidr} goto {wide}");
                lines.Add($"fib saddr type local jump {MarkForMasquerade}");
                lines.Add($"fib saddr type local goto {wide}");
                lines.Add($"goto {local}");
                r.AddChain(ext, lines);
            }
            else
            {
                r.AddChain(ext, [$"jump {MarkForMasquerade}", $"goto {svc}"]);
            }
        }
    }

    /// <summary>
    /// The load-balancer IPs' source check: allowed ranges return (to go on to DNAT), the rest is dropped. One
    /// rule per range rather than upstream's anonymous set, for the same reason as the numgen rules below.
    /// </summary>
    private static void RenderFirewall(NftRuleset r, ServicePort port, string proto, NftablesRenderOptions options)
    {
        var chain = NftablesNames.Firewall(port);
        var lines = new List<string>();
        var allowFromNode = false;
        foreach (var cidr in port.LoadBalancerSourceRanges)
        {
            lines.Add($"ip saddr {cidr} return");
            allowFromNode |= options.NodeIP != null && Ipv4Cidr.Contains(cidr, options.NodeIP);
        }
        // A node holding the VIP as a local address reaches it with the VIP as source (see iptables mode).
        if (allowFromNode)
        {
            foreach (var ip in port.LoadBalancerIPs) lines.Add($"ip saddr {ip} return");
        }
        lines.Add("drop");
        r.AddChain(chain, lines);
        foreach (var ip in port.LoadBalancerIPs) r.AddElement(FirewallIps, $"{ip} . {proto} . {port.Port}", "goto " + chain);
    }

    private static void Balance(NftRuleset r, string chain, List<string> lines, ServicePort port, IReadOnlyList<Endpoint> endpoints)
    {
        var proto = port.Protocol.ToLowerInvariant();
        if (port.AffinitySeconds > 0)
        {
            foreach (var ep in endpoints) lines.Add($"ip saddr @{NftablesNames.Affinity(port, ep)} goto {NftablesNames.Endpoint(port, ep)}");
        }
        // Endpoint i of n is taken with probability 1/(n-i) if none before it was, so each gets 1/n. Upstream writes
        // one `numgen random mod n vmap { … }` instead, but every such anonymous map is a kernel set whose name
        // allocation scans all the others: 10,000 services took minutes of kernel time here, the rules seconds.
        for (var i = 0; i < endpoints.Count; i++)
        {
            var remaining = endpoints.Count - i;
            var target = NftablesNames.Endpoint(port, endpoints[i]);
            lines.Add(remaining > 1 ? $"numgen random mod {remaining} == 0 goto {target}" : $"goto {target}");
        }
        r.AddChain(chain, lines);

        foreach (var ep in endpoints)
        {
            var name = NftablesNames.Endpoint(port, ep);
            if (r.Chains.ContainsKey(name)) continue;
            var body = new List<string> { $"ip saddr {ep.Ip} jump {MarkForMasquerade}" };
            if (port.AffinitySeconds > 0)
            {
                var set = NftablesNames.Affinity(port, ep);
                r.Sets[set] = ("set", $"type ipv4_addr; flags dynamic,timeout; timeout {port.AffinitySeconds}s;");
                body.Add($"update @{set} {{ ip saddr }}");
            }
            body.Add($"meta l4proto {proto} dnat to {ep.Ip}:{ep.Port}");
            r.AddChain(name, body);
        }
    }
}
