using KubeSharp.Proxy.Iptables;
using KubeSharp.Proxy.Model;

namespace KubeSharp.Proxy.Tests.Iptables;

/// <summary>Partial renders (upstream's MinimizeIPTablesRestore): what a change of one service writes.</summary>
public sealed class IptablesPartialSyncTests
{
    private static readonly ChainNames Chains = new("KT-");
    private static readonly RenderOptions Options = new() { Chains = Chains, ClusterCidr = "10.244.0.0/16" };

    private static ServicePort Svc(string name, string ip, params string[] endpoints) => new()
    {
        Namespace = "default", Name = name, PortName = "", Protocol = "TCP", ClusterIP = ip, Port = 80, NodePort = 0,
        Endpoints = endpoints.Select(e => new Endpoint(e, 8080, true, true, false, false)).ToList(),
    };

    private static List<string> Declared(string input) =>
        input.Split('\n').Where(l => l.StartsWith(':')).Select(l => l[1..l.IndexOf(' ')]).ToList();

    private static List<string> Written(string input) =>
        input.Split('\n').Where(l => l.StartsWith("-A ")).Select(l => l.Split(' ')[1]).Distinct().ToList();

    [Fact]
    public void A_change_of_one_service_writes_only_its_chains_and_the_top_level_ones()
    {
        var a = Svc("a", "10.96.0.1", "10.244.1.2", "10.244.1.3");
        var b = Svc("b", "10.96.0.2", "10.244.2.2", "10.244.2.3");
        var c = Svc("c", "10.96.0.3", "10.244.3.2") with { NodePort = 31000 };
        var first = IptablesRenderer.Render([a, b, c], new HashSet<string>(), Options);
        Assert.Equal(first.ObjectChains.Count, first.WrittenChains);

        // b swaps one endpoint: its SVC chain changes, one SEP chain is new, one is gone.
        var b2 = b with { Endpoints = [b.Endpoints[0], new Endpoint("10.244.2.9", 8080, true, true, false, false)] };
        var partial = IptablesRenderer.Render([a, b2, c], first.NatChains, Options, first.ObjectChains);
        var newSep = Chains.EndpointChain(b2, b2.Endpoints[1]);
        var goneSep = Chains.EndpointChain(b, b.Endpoints[1]);
        var nat = partial.Input[..partial.Input.IndexOf("*filter", StringComparison.Ordinal)];
        Assert.Equal(new[] { Chains.MarkMasq, Chains.NodePorts, Chains.Postrouting, Chains.Services, Chains.Service(b2), newSep, goneSep }.Order(StringComparer.Ordinal),
            Declared(nat).Order(StringComparer.Ordinal));
        Assert.Equal(new[] { Chains.Services, Chains.NodePorts, Chains.Postrouting, Chains.MarkMasq, Chains.Service(b2), newSep }.Order(StringComparer.Ordinal),
            Written(nat).Order(StringComparer.Ordinal));
        Assert.Contains($"-X {goneSep}\n", nat);
        Assert.Equal(2, partial.WrittenChains);
        // Untouched services keep their rules in the kernel, but SERVICES (rewritten whole) still leads to them.
        Assert.Contains($"-j {Chains.Service(a)}\n", nat);
        Assert.Contains($"-j {Chains.External(c)}\n", nat);
        Assert.DoesNotContain($":{Chains.Service(a)} ", nat);
        Assert.DoesNotContain($"-A {Chains.EndpointChain(a, a.Endpoints[0])} ", nat);
        // The filter table is small and always rewritten whole.
        Assert.Contains(":KT-SERVICES - [0:0]", partial.Input[partial.Input.IndexOf("*filter", StringComparison.Ordinal)..]);
    }

    [Fact]
    public void No_change_writes_no_object_chain_and_a_removed_service_deletes_its_chains()
    {
        var a = Svc("a", "10.96.0.1", "10.244.1.2");
        var b = Svc("b", "10.96.0.2", "10.244.2.2");
        var first = IptablesRenderer.Render([a, b], new HashSet<string>(), Options);
        var same = IptablesRenderer.Render([a, b], first.NatChains, Options, first.ObjectChains);
        Assert.Equal(0, same.WrittenChains);
        Assert.DoesNotContain(":KT-SVC-", same.Input);

        var removed = IptablesRenderer.Render([a], first.NatChains, Options, first.ObjectChains);
        Assert.Equal(0, removed.WrittenChains);
        Assert.Contains($"-X {Chains.Service(b)}\n", removed.Input);
        Assert.Contains($"-X {Chains.EndpointChain(b, b.Endpoints[0])}\n", removed.Input);
        Assert.DoesNotContain($"-X {Chains.Service(a)}", removed.Input);
        Assert.DoesNotContain(Chains.Service(b), removed.NatChains);
    }

    [Fact]
    public void A_partial_render_leaves_the_kernel_in_the_state_a_full_render_would()
    {
        // Applying partial inputs on top of each other (a model of --noflush) must give the full render's rules.
        var a = Svc("a", "10.96.0.1", "10.244.1.2") with { AffinitySeconds = 60 };
        var b = Svc("b", "10.96.0.2", "10.244.2.2") with { LoadBalancerIPs = ["192.0.2.1"], LoadBalancerSourceRanges = ["203.0.113.0/24"] };
        var steps = new List<IReadOnlyList<ServicePort>>
        {
            new[] { a, b },
            new[] { a with { Endpoints = [] }, b },
            new[] { a, b with { LoadBalancerSourceRanges = ["198.51.100.0/24"] } },
            new[] { b },
        };
        var kernel = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        RenderedRules? last = null;
        foreach (var ports in steps)
        {
            last = IptablesRenderer.Render(ports, last?.NatChains ?? new HashSet<string>(), Options, last?.ObjectChains);
            Apply(kernel, last.Input[..last.Input.IndexOf("*filter", StringComparison.Ordinal)]);
            var full = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            var fullInput = IptablesRenderer.Render(ports, new HashSet<string>(), Options).Input;
            Apply(full, fullInput[..fullInput.IndexOf("*filter", StringComparison.Ordinal)]);
            Assert.Equal(full.Keys.Order(StringComparer.Ordinal), kernel.Keys.Order(StringComparer.Ordinal));
            foreach (var (chain, rules) in full) Assert.Equal(rules, kernel[chain]);
        }
    }

    /// <summary>iptables-restore --noflush semantics for one table: ":c" creates or flushes, "-A" appends, "-X" deletes.</summary>
    private static void Apply(Dictionary<string, List<string>> kernel, string input)
    {
        foreach (var line in input.Split('\n'))
        {
            if (line.StartsWith(':')) kernel[line[1..line.IndexOf(' ')]] = [];
            else if (line.StartsWith("-A ")) kernel[line.Split(' ')[1]].Add(line);
            else if (line.StartsWith("-X ")) Assert.True(kernel.Remove(line[3..]), line);
        }
    }
}
