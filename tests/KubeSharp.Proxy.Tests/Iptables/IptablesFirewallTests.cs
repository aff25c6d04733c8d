using KubeSharp.Proxy.Iptables;
using KubeSharp.Proxy.Model;

namespace KubeSharp.Proxy.Tests.Iptables;

/// <summary>loadBalancerSourceRanges in iptables mode: the FW chain in front of EXT, the filter DROP behind it.</summary>
public sealed class IptablesFirewallTests
{
    private static readonly ChainNames Chains = new("KT-");
    private static readonly RenderOptions Options = new() { Chains = Chains, ClusterCidr = "10.244.0.0/16", NodeIP = "192.168.5.10" };

    private static ServicePort Lb(params string[] ranges) => new()
    {
        Namespace = "default", Name = "web", PortName = "", Protocol = "TCP", ClusterIP = "10.96.0.20", Port = 80, NodePort = 31080,
        LoadBalancerIPs = ["192.0.2.9"], LoadBalancerSourceRanges = ranges,
        Endpoints = [new Endpoint("10.244.1.2", 8080, true, true, false, false)],
    };

    private static string[] Lines(RenderedRules r) => r.Input.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Load_balancer_ip_with_source_ranges_goes_through_the_fw_chain_and_the_rest_is_dropped_in_filter()
    {
        var port = Lb("203.0.113.0/24", "198.51.100.0/25");
        var rules = IptablesRenderer.Render([port], new HashSet<string>(), Options);
        var lines = Lines(rules);
        var fw = Chains.Firewall(port);
        var ext = Chains.External(port);
        Assert.Contains(lines, l => l == $"-A KT-SERVICES -m comment --comment \"default/web loadbalancer IP\" -d 192.0.2.9/32 -p tcp -m tcp --dport 80 -j {fw}");
        Assert.Equal([$"-A {fw} -m comment --comment \"default/web loadbalancer IP\" -s 203.0.113.0/24 -j {ext}", $"-A {fw} -m comment --comment \"default/web loadbalancer IP\" -s 198.51.100.0/25 -j {ext}"],
            lines.Where(l => l.StartsWith($"-A {fw} ", StringComparison.Ordinal)));
        Assert.Contains($":{fw} - [0:0]", lines);
        var filter = rules.Input[rules.Input.IndexOf("*filter", StringComparison.Ordinal)..];
        Assert.Contains(":KT-PROXY-FIREWALL - [0:0]\n", filter);
        Assert.Contains($"-A KT-PROXY-FIREWALL -m comment --comment \"default/web traffic not accepted by {fw}\" -d 192.0.2.9/32 -p tcp -m tcp --dport 80 -j DROP\n", filter);
        // The node port and the cluster IP are not filtered (upstream: the ranges apply to VIP-like balancers).
        Assert.Contains(lines, l => l.StartsWith("-A KT-NODEPORTS ", StringComparison.Ordinal) && l.EndsWith($"-j {ext}", StringComparison.Ordinal));
        // The node's own address is outside the ranges: no exception for VIP-sourced traffic.
        Assert.DoesNotContain(lines, l => l.Contains("-s 192.0.2.9/32", StringComparison.Ordinal));
    }

    [Fact]
    public void Vip_sourced_traffic_is_allowed_when_the_node_is_an_allowed_source()
    {
        var port = Lb("192.168.0.0/16");
        var lines = Lines(IptablesRenderer.Render([port], new HashSet<string>(), Options));
        Assert.Equal($"-A {Chains.Firewall(port)} -m comment --comment \"default/web loadbalancer IP\" -s 192.0.2.9/32 -j {Chains.External(port)}",
            lines.Last(l => l.StartsWith($"-A {Chains.Firewall(port)} ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Without_ranges_or_endpoints_there_is_no_fw_chain()
    {
        var open = IptablesRenderer.Render([Lb()], new HashSet<string>(), Options);
        Assert.DoesNotContain("KT-FW-", open.Input);
        Assert.DoesNotContain("-j DROP", open.Input);
        Assert.Contains($"-d 192.0.2.9/32 -p tcp -m tcp --dport 80 -j {Chains.External(Lb())}", open.Input);

        // No endpoints: the load-balancer IP rejects, whatever the source (as upstream).
        var empty = IptablesRenderer.Render([Lb("203.0.113.0/24") with { Endpoints = [] }], new HashSet<string>(), Options);
        Assert.DoesNotContain("KT-FW-", empty.Input);
        Assert.Contains("-A KT-EXTERNAL-SERVICES -m comment --comment \"default/web loadbalancer IP\" -d 192.0.2.9/32 -p tcp -m tcp --dport 80 -j REJECT", empty.Input);
    }

    [Fact]
    public void Fw_chains_are_object_chains_so_stale_ones_are_deleted()
    {
        var fw = Chains.Firewall(Lb("203.0.113.0/24"));
        Assert.True(Chains.IsObjectChain(fw));
        Assert.True(fw.Length <= ChainNames.MaxChainLength);
        var input = IptablesRenderer.Render([Lb()], new HashSet<string> { fw }, Options).Input;
        Assert.Contains($"-X {fw}\n", input);
    }
}
