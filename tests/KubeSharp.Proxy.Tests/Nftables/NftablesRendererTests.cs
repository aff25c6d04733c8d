using KubeSharp.Proxy.Model;
using KubeSharp.Proxy.Nftables;

namespace KubeSharp.Proxy.Tests.Nftables;

public sealed class NftablesRendererTests
{
    private static readonly NftablesRenderOptions Options = new() { ClusterCidr = "10.244.0.0/16" };

    private static ServicePort Web(params Endpoint[] endpoints) => new()
    {
        Namespace = "default", Name = "web", PortName = "http", Protocol = "TCP", ClusterIP = "10.96.0.20", Port = 80,
        Endpoints = endpoints,
    };

    private static Endpoint Ep(string ip, bool ready = true, bool serving = true, bool terminating = false, bool local = false) =>
        new(ip, 8080, ready, serving, terminating, local);

    private static string[] Rules(NftRuleset r, string chain) => r.Chains[chain].Split('\n');

    [Fact]
    public void Cluster_ip_maps_to_a_service_chain_that_picks_an_endpoint_with_numgen_probabilities()
    {
        var port = Web(Ep("10.244.1.2"), Ep("10.244.1.3"), Ep("10.244.1.4"));
        var r = NftablesRenderer.Render([port], Options);
        var svc = NftablesNames.Service(port);
        Assert.Equal("goto " + svc, r.Elements["service-ips"]["10.96.0.20 . tcp . 80"]);
        var rules = Rules(r, svc);
        Assert.Equal("ip daddr 10.96.0.20 tcp dport 80 ip saddr != 10.244.0.0/16 jump mark-for-masquerade", rules[0]);
        var eps = port.Endpoints.Select(e => NftablesNames.Endpoint(port, e)).ToList();
        Assert.Equal([$"numgen random mod 3 == 0 goto {eps[0]}", $"numgen random mod 2 == 0 goto {eps[1]}", $"goto {eps[2]}"], rules[1..]);
        Assert.Equal(["ip saddr 10.244.1.2 jump mark-for-masquerade", "meta l4proto tcp dnat to 10.244.1.2:8080"], Rules(r, eps[0]));
        Assert.Empty(r.Elements["no-endpoint-services"]);
    }

    [Fact]
    public void Ports_without_usable_endpoints_reject_through_the_no_endpoint_maps()
    {
        var port = Web(Ep("10.244.1.2", ready: false, serving: false)) with { NodePort = 31080, ExternalIPs = ["192.0.2.7"] };
        var r = NftablesRenderer.Render([port], Options);
        Assert.Equal("goto reject-chain", r.Elements["no-endpoint-services"]["10.96.0.20 . tcp . 80"]);
        Assert.Equal("goto reject-chain", r.Elements["no-endpoint-services"]["192.0.2.7 . tcp . 80"]);
        Assert.Equal("goto reject-chain", r.Elements["no-endpoint-nodeports"]["tcp . 31080"]);
        Assert.Empty(r.Elements["service-ips"]);
        Assert.DoesNotContain(NftablesNames.Service(port), r.Chains.Keys);
        Assert.DoesNotContain(r.Chains.Keys, c => c.StartsWith("endpoint-", StringComparison.Ordinal) || c.StartsWith("external-", StringComparison.Ordinal));
        Assert.Equal("reject", r.Chains["reject-chain"]);
        // The check runs for new connections in the filter hooks, before DNAT.
        Assert.Contains("ct state new jump service-endpoints-check", r.Chains["filter-output"]);
        Assert.Contains("ct state new jump nodeport-endpoints-check", r.Chains["filter-input"]);
    }

    [Fact]
    public void Client_ip_affinity_uses_a_dynamic_set_per_endpoint()
    {
        var port = Web(Ep("10.244.1.2"), Ep("10.244.1.3")) with { AffinitySeconds = 10800 };
        var r = NftablesRenderer.Render([port], Options);
        var rules = Rules(r, NftablesNames.Service(port));
        var set = NftablesNames.Affinity(port, port.Endpoints[0]);
        var ep = NftablesNames.Endpoint(port, port.Endpoints[0]);
        Assert.Equal($"ip saddr @{set} goto {ep}", rules[1]);
        Assert.StartsWith("numgen random mod 2 == 0 goto", rules[3]);
        Assert.Equal(("set", "type ipv4_addr; flags dynamic,timeout; timeout 10800s;"), r.Sets[set]);
        Assert.Equal($"update @{set} {{ ip saddr }}", Rules(r, ep)[1]);
        Assert.NotEqual(set, NftablesNames.Affinity(port with { AffinitySeconds = 60 }, port.Endpoints[0]));
    }

    [Fact]
    public void Node_ports_and_load_balancer_ips_go_through_the_external_chain()
    {
        var port = Web(Ep("10.244.1.2")) with { NodePort = 31080, LoadBalancerIPs = ["192.0.2.9"] };
        var r = NftablesRenderer.Render([port], Options);
        var ext = NftablesNames.External(port);
        Assert.Equal("goto " + ext, r.Elements["service-nodeports"]["tcp . 31080"]);
        Assert.Equal("goto " + ext, r.Elements["service-ips"]["192.0.2.9 . tcp . 80"]);
        Assert.Equal(["jump mark-for-masquerade", "goto " + NftablesNames.Service(port)], Rules(r, ext));
        Assert.Equal("fib daddr type local meta l4proto . th dport vmap @service-nodeports", Rules(r, "services")[1]);
    }

    [Fact]
    public void External_policy_local_reaches_only_local_endpoints_without_snat()
    {
        var port = Web(Ep("10.244.1.2", local: true), Ep("10.244.2.2")) with { NodePort = 31081, ExternalPolicyLocal = true };
        var r = NftablesRenderer.Render([port], Options);
        var local = NftablesNames.ServiceLocal(port);
        var ext = Rules(r, NftablesNames.External(port));
        Assert.Equal("goto " + local, ext[^1]);
        Assert.Equal("ip saddr 10.244.0.0/16 goto " + NftablesNames.Service(port), ext[0]);
        Assert.Equal($"goto {NftablesNames.Endpoint(port, port.Endpoints[0])}", Rules(r, local).Single());

        // No local endpoint: the node port rejects instead of sending to another node's pod.
        var none = NftablesRenderer.Render([port with { Endpoints = [Ep("10.244.2.2")] }], Options);
        Assert.Equal("goto reject-chain", none.Elements["no-endpoint-nodeports"]["tcp . 31081"]);
        Assert.Equal("goto " + NftablesNames.Service(port), none.Elements["service-ips"]["10.96.0.20 . tcp . 80"]);
    }

    [Fact]
    public void The_cache_reuses_unchanged_ports_and_renders_changed_ones_again()
    {
        var cache = new NftablesRenderCache();
        var a = Web(Ep("10.244.1.2"));
        var b = a with { Name = "api", ClusterIP = "10.96.0.21", Endpoints = [Ep("10.244.1.3")] };
        var first = NftablesRenderer.Render([a, b], Options, cache);
        var b2 = b with { Endpoints = [Ep("10.244.1.4")] };
        var second = NftablesRenderer.Render([a, b2], Options, cache);
        Assert.Same(first.Chains[NftablesNames.Service(a)], second.Chains[NftablesNames.Service(a)]);
        Assert.Contains("10.244.1.4", second.Chains[NftablesNames.Service(b2)]);
        Assert.DoesNotContain(NftablesNames.Endpoint(b, b.Endpoints[0]), second.Chains.Keys);
        // The same result as without a cache.
        var plain = NftablesRenderer.Render([a, b2], Options);
        Assert.Equal(plain.Chains, second.Chains);
        Assert.Equal(plain.Elements["service-ips"], second.Elements["service-ips"]);
        Assert.Equal(plain.RuleCount, second.RuleCount);
    }

    [Theory]
    [InlineData("KUBE-", "kube-proxy")]
    [InlineData("KT1-", "kt1-proxy")]
    public void The_table_is_named_after_the_prefix(string prefix, string table) => Assert.Equal(table, new NftablesNames(prefix).Table);

    [Fact]
    public void Names_hold_the_service_and_stay_distinct_per_port()
    {
        var port = Web(Ep("10.244.1.2"));
        Assert.Matches("^service-[A-Z2-7]{8}-default/web/tcp/http$", NftablesNames.Service(port));
        Assert.Matches("^endpoint-[A-Z2-7]{8}-default/web/tcp/http__10.244.1.2/8080$", NftablesNames.Endpoint(port, port.Endpoints[0]));
        Assert.NotEqual(NftablesNames.Service(port), NftablesNames.Service(port with { PortName = "https" }));
        Assert.EndsWith("/tcp/p80", NftablesNames.Service(port with { PortName = "" }));
    }
}
