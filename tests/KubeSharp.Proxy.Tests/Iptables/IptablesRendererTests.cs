using KubeSharp.Proxy.Iptables;
using KubeSharp.Proxy.Model;

namespace KubeSharp.Proxy.Tests.Iptables;

public sealed class IptablesRendererTests
{
    private static readonly ChainNames Chains = new("KT-");
    private static readonly RenderOptions Options = new() { Chains = Chains, ClusterCidr = "10.244.0.0/16" };

    private static ServicePort Web(params Endpoint[] endpoints) => new()
    {
        Namespace = "default", Name = "web", PortName = "http", Protocol = "TCP", ClusterIP = "10.96.0.20", Port = 80,
        Endpoints = endpoints,
    };

    private static Endpoint Ep(string ip, bool ready = true, bool serving = true, bool terminating = false, bool local = false) =>
        new(ip, 8080, ready, serving, terminating, local);

    private static string[] Lines(RenderedRules r) => r.Input.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Endpoints_get_equal_shares_through_decreasing_probabilities()
    {
        var port = Web(Ep("10.244.1.2"), Ep("10.244.1.3"), Ep("10.244.1.4"));
        var lines = Lines(IptablesRenderer.Render([port], new HashSet<string>(), Options));
        var svc = Chains.Service(port);
        var jumps = lines.Where(l => l.StartsWith($"-A {svc} ") && l.Contains("-j KT-SEP-")).ToList();
        Assert.Equal(3, jumps.Count);
        Assert.Contains("--probability 0.3333333333", jumps[0]);
        Assert.Contains("--probability 0.5000000000", jumps[1]);
        Assert.DoesNotContain("--probability", jumps[2]);
        Assert.Contains(lines, l => l == $"-A KT-SERVICES -m comment --comment \"default/web:http cluster IP\" -d 10.96.0.20/32 -p tcp -m tcp --dport 80 -j {svc}");
        // Traffic from outside the cluster CIDR is masqueraded; each endpoint chain DNATs and marks hairpin traffic.
        Assert.Contains(lines, l => l.StartsWith($"-A {svc} ") && l.EndsWith("! -s 10.244.0.0/16 -j KT-MARK-MASQ"));
        var sep = Chains.EndpointChain(port, port.Endpoints[0]);
        Assert.Contains(lines, l => l.StartsWith($"-A {sep} ") && l.EndsWith("-s 10.244.1.2/32 -j KT-MARK-MASQ"));
        Assert.Contains(lines, l => l.StartsWith($"-A {sep} ") && l.EndsWith("-j DNAT --to-destination 10.244.1.2:8080"));
    }

    [Fact]
    public void A_service_without_usable_endpoints_rejects_in_the_filter_table()
    {
        var port = Web(Ep("10.244.1.2", ready: false, serving: false));
        var rules = IptablesRenderer.Render([port], new HashSet<string>(), Options);
        var input = rules.Input;
        var filter = input[input.IndexOf("*filter", StringComparison.Ordinal)..];
        Assert.Contains("-A KT-SERVICES -m comment --comment \"default/web:http has no endpoints\" -d 10.96.0.20/32 -p tcp -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable", filter);
        Assert.DoesNotContain(Chains.Service(port), input);
    }

    [Fact]
    public void Terminating_serving_endpoints_are_used_only_when_none_is_ready()
    {
        var draining = Ep("10.244.1.9", ready: false, serving: true, terminating: true);
        Assert.Equal([draining], ServiceModelBuilder.Usable([draining, Ep("10.244.1.8", ready: false, serving: false)], localOnly: false));
        Assert.Equal(["10.244.1.2"], ServiceModelBuilder.Usable([draining, Ep("10.244.1.2")], localOnly: false).Select(e => e.Ip));
    }

    [Fact]
    public void Client_ip_affinity_checks_recent_before_balancing()
    {
        var port = Web(Ep("10.244.1.2"), Ep("10.244.1.3")) with { AffinitySeconds = 10800 };
        var lines = Lines(IptablesRenderer.Render([port], new HashSet<string>(), Options));
        var svc = Chains.Service(port);
        var svcLines = lines.Where(l => l.StartsWith($"-A {svc} ") && l.Contains("-j KT-SEP-")).ToList();
        Assert.Contains("-m recent --name", svcLines[0]);
        Assert.Contains("--rcheck --seconds 10800 --reap", svcLines[0]);
        Assert.Contains("--rcheck", svcLines[1]);
        Assert.Contains("--probability 0.5000000000", svcLines[2]);
        var sep = Chains.EndpointChain(port, port.Endpoints[0]);
        Assert.Contains(lines, l => l.StartsWith($"-A {sep} ") && l.Contains($"-m recent --name {sep} --set") && l.Contains("DNAT"));
    }

    [Fact]
    public void Node_ports_go_through_the_external_chain_with_masquerade_for_policy_cluster()
    {
        var port = Web(Ep("10.244.1.2")) with { NodePort = 31080 };
        var lines = Lines(IptablesRenderer.Render([port], new HashSet<string>(), Options));
        var ext = Chains.External(port);
        Assert.Contains(lines, l => l == $"-A KT-NODEPORTS -m comment --comment \"default/web:http\" -p tcp -m tcp --dport 31080 -j {ext}");
        Assert.Contains(lines, l => l.StartsWith($"-A {ext} ") && l.EndsWith("-j KT-MARK-MASQ"));
        Assert.Contains(lines, l => l == $"-A {ext} -j {Chains.Service(port)}");
        // Node ports are the last rule of SERVICES, for local destinations only.
        Assert.EndsWith("-m addrtype --dst-type LOCAL -j KT-NODEPORTS", lines.Last(l => l.StartsWith("-A KT-SERVICES ") && !l.Contains("REJECT")));
    }

    [Fact]
    public void External_policy_local_only_reaches_local_endpoints_without_snat()
    {
        var port = Web(Ep("10.244.1.2", local: true), Ep("10.244.2.2")) with { NodePort = 31081, ExternalPolicyLocal = true };
        var lines = Lines(IptablesRenderer.Render([port], new HashSet<string>(), Options));
        var ext = Chains.External(port);
        var svl = Chains.ServiceLocal(port);
        Assert.Equal($"-A {ext} -j {svl}", lines.Last(l => l.StartsWith($"-A {ext} ")));
        var svlJumps = lines.Where(l => l.StartsWith($"-A {svl} ")).ToList();
        Assert.Single(svlJumps);
        Assert.Contains("10.244.1.2:8080", svlJumps[0]);
    }

    [Fact]
    public void Stale_object_chains_are_flushed_and_deleted_but_foreign_chains_are_not()
    {
        var existing = new HashSet<string> { "KT-SVC-OLDOLDOLDOLDOLD", "KT-SEP-GONEGONEGONEGONE", "KUBE-SVC-SOMEONEELSE", "KT-SERVICES" };
        var input = IptablesRenderer.Render([], existing, Options).Input;
        Assert.Contains(":KT-SVC-OLDOLDOLDOLDOLD - [0:0]\n", input);
        Assert.Contains("-X KT-SVC-OLDOLDOLDOLDOLD\n", input);
        Assert.Contains("-X KT-SEP-GONEGONEGONEGONE\n", input);
        Assert.DoesNotContain("KUBE-SVC-SOMEONEELSE", input);
        Assert.DoesNotContain("-X KT-SERVICES", input);
    }

    [Theory]
    [InlineData("KUBE-")]
    [InlineData("KT-")]
    [InlineData("KSABCDEF1-")]
    public void Chain_names_fit_iptables_limit(string prefix)
    {
        var names = new ChainNames(prefix);
        var port = Web(Ep("10.244.1.2"));
        foreach (var chain in new[] { names.Service(port), names.ServiceLocal(port), names.External(port), names.EndpointChain(port, port.Endpoints[0]), names.ExternalServices })
        {
            Assert.True(chain.Length <= ChainNames.MaxChainLength, chain);
            Assert.StartsWith(prefix, chain);
        }
        Assert.NotEqual(names.Service(port), names.Service(port with { PortName = "https" }));
    }

    [Fact]
    public void Prefixes_that_cannot_form_chain_names_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new ChainNames(""));
        Assert.Throws<ArgumentException>(() => new ChainNames("WAY-TOO-LONG-"));
        Assert.Throws<ArgumentException>(() => new ChainNames("A B"));
    }
}
