using KubeSharp.Proxy.Model;
using KubeSharp.Proxy.Nftables;

namespace KubeSharp.Proxy.Tests.Nftables;

/// <summary>loadBalancerSourceRanges in nftables mode: the firewall-ips map, checked before DNAT.</summary>
public sealed class NftablesFirewallTests
{
    private static readonly NftablesRenderOptions Options = new() { ClusterCidr = "10.244.0.0/16", NodeIP = "192.168.5.10" };

    private static ServicePort Lb(params string[] ranges) => new()
    {
        Namespace = "default", Name = "web", PortName = "", Protocol = "TCP", ClusterIP = "10.96.0.20", Port = 80,
        LoadBalancerIPs = ["192.0.2.9"], LoadBalancerSourceRanges = ranges,
        Endpoints = [new Endpoint("10.244.1.2", 8080, true, true, false, false)],
    };

    [Fact]
    public void Load_balancer_ips_with_source_ranges_map_to_a_chain_that_drops_other_sources()
    {
        var port = Lb("203.0.113.0/24", "198.51.100.0/25");
        var r = NftablesRenderer.Render([port], Options);
        var fw = NftablesNames.Firewall(port);
        Assert.Equal("goto " + fw, r.Elements["firewall-ips"]["192.0.2.9 . tcp . 80"]);
        Assert.Equal(["ip saddr 203.0.113.0/24 return", "ip saddr 198.51.100.0/25 return", "drop"], r.Chains[fw].Split('\n'));
        // Allowed traffic still takes the usual way to DNAT.
        Assert.Equal("goto " + NftablesNames.External(port), r.Elements["service-ips"]["192.0.2.9 . tcp . 80"]);
        // Checked for new connections before DNAT: from outside (prerouting) and from the node itself (output).
        Assert.StartsWith("type filter hook prerouting priority dstnat - 10;", r.Chains["filter-prerouting"]);
        Assert.Contains("ct state new jump firewall-check", r.Chains["filter-prerouting"]);
        Assert.Contains("ct state new jump firewall-check", r.Chains["filter-output"]);
        Assert.Equal("ip daddr . meta l4proto . th dport vmap @firewall-ips", r.Chains["firewall-check"]);
        Assert.True(NftablesNames.IsObjectChain(fw));
        Assert.False(NftablesNames.IsObjectChain("firewall-check"));
    }

    [Fact]
    public void Vip_sourced_traffic_is_allowed_when_the_node_is_an_allowed_source()
    {
        var port = Lb("192.168.0.0/16");
        Assert.Equal(["ip saddr 192.168.0.0/16 return", "ip saddr 192.0.2.9 return", "drop"], NftablesRenderer.Render([port], Options).Chains[NftablesNames.Firewall(port)].Split('\n'));
    }

    [Fact]
    public void Without_ranges_or_endpoints_nothing_is_filtered()
    {
        var open = NftablesRenderer.Render([Lb()], Options);
        Assert.Empty(open.Elements["firewall-ips"]);
        Assert.DoesNotContain(open.Chains.Keys, c => NftablesNames.IsObjectChain(c) && c.StartsWith("firewall-", StringComparison.Ordinal));
        var empty = NftablesRenderer.Render([Lb("203.0.113.0/24") with { Endpoints = [] }], Options);
        Assert.Empty(empty.Elements["firewall-ips"]);
        Assert.Equal("goto reject-chain", empty.Elements["no-endpoint-services"]["192.0.2.9 . tcp . 80"]);
    }

    [Fact]
    public void Changing_the_ranges_rewrites_only_the_firewall_chain()
    {
        var cache = new NftablesRenderCache();
        var before = NftablesRenderer.Render([Lb("203.0.113.0/24")], Options, cache);
        var after = NftablesRenderer.Render([Lb("203.0.113.0/24", "198.51.100.7/32")], Options, cache);
        var script = NftablesScript.Build("t", before, after, null);
        Assert.Contains($"chain {NftablesNames.Firewall(Lb())} {{", script);
        Assert.Contains("ip saddr 198.51.100.7/32 return", script);
        Assert.DoesNotContain($"chain {NftablesNames.Service(Lb())} {{", script);
        Assert.DoesNotContain("element", script);
    }
}
