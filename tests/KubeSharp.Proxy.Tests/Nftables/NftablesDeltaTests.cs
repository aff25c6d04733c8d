using KubeSharp.Proxy.Model;
using KubeSharp.Proxy.Nftables;

namespace KubeSharp.Proxy.Tests.Nftables;

/// <summary>Incremental syncs rendered from the changed ports alone (RenderDelta + BuildDelta).</summary>
public sealed class NftablesDeltaTests
{
    private static readonly NftablesRenderOptions Options = new() { ClusterCidr = "10.244.0.0/16" };

    private static ServicePort Svc(string name, int i, int endpoints) => new()
    {
        Namespace = "default", Name = name, PortName = "", Protocol = "TCP", ClusterIP = $"10.96.0.{i}", Port = 80,
        Endpoints = Enumerable.Range(1, endpoints).Select(e => new Endpoint($"10.244.{i}.{e}", 8080, true, true, false, false)).ToList(),
    };

    private static string[] Lines(string script) => script.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void A_one_service_change_renders_and_writes_only_that_service()
    {
        var ports = Enumerable.Range(1, 50).Select(i => Svc($"s{i}", i, 2)).ToList();
        var cache = new NftablesRenderCache();
        NftablesRenderer.Render(ports, Options, cache);
        ports[7] = ports[7] with { Endpoints = [ports[7].Endpoints[0], new Endpoint("10.244.99.9", 8080, true, true, false, false)] };
        var delta = NftablesRenderer.RenderDelta(ports, Options, cache);
        var change = Assert.Single(delta.Changes);
        Assert.Same(ports[7], change.Port);
        var script = NftablesScript.BuildDelta("t", delta, refreshStatic: false);
        Assert.Contains($"flush chain ip t {NftablesNames.Service(ports[7])}\n", script);
        Assert.Contains("dnat to 10.244.99.9:8080", script);
        Assert.Contains($"delete chain ip t {NftablesNames.Endpoint(ports[7], new Endpoint("10.244.8.2", 8080, true, true, false, false))}\n", script);
        Assert.DoesNotContain("s1/", script);
        Assert.DoesNotContain("element", script);
        Assert.Equal(NftablesRenderer.Render(ports, Options).RuleCount, delta.RuleCount);
    }

    [Fact]
    public void Deltas_write_the_same_commands_as_the_diff_of_whole_rulesets()
    {
        // Each step against the last: the delta (changed ports only) and the whole-ruleset diff agree line for line.
        var a = Svc("a", 1, 2);
        var b = Svc("b", 2, 1) with { AffinitySeconds = 60, NodePort = 30001 };
        var c = Svc("c", 3, 3) with { LoadBalancerIPs = ["192.0.2.3"], LoadBalancerSourceRanges = ["203.0.113.0/24"] };
        var steps = new List<List<ServicePort>>
        {
            new() { a, b },
            new() { a, b, c },
            new() { a with { Endpoints = [] }, b with { AffinitySeconds = 120 }, c },
            new() { a, c with { LoadBalancerSourceRanges = [] } },
            new() { c with { ExternalIPs = ["192.0.2.77"], Endpoints = c.Endpoints.Take(1).ToList() } },
            new(),
        };
        var cache = new NftablesRenderCache();
        var previous = NftablesRenderer.Render(steps[0], Options, cache);
        foreach (var ports in steps.Skip(1))
        {
            var delta = NftablesRenderer.RenderDelta(ports, Options, cache);
            var desired = NftablesRenderer.Render(ports, Options);
            Assert.Equal(Lines(NftablesScript.Build("t", previous, desired, null)), Lines(NftablesScript.BuildDelta("t", delta, refreshStatic: false)));
            Assert.Equal(Lines(NftablesScript.Build("t", previous, desired, null, refreshStatic: true)), Lines(NftablesScript.BuildDelta("t", delta, refreshStatic: true)));
            Assert.Equal(desired.RuleCount, delta.RuleCount);
            delta.CommitTo(cache);
            previous = desired;
        }
    }

    [Fact]
    public void Nothing_changed_gives_an_empty_delta_and_the_cache_is_only_updated_on_commit()
    {
        var ports = new List<ServicePort> { Svc("a", 1, 2), Svc("b", 2, 2) };
        var cache = new NftablesRenderCache();
        NftablesRenderer.Render(ports, Options, cache);
        Assert.Empty(NftablesRenderer.RenderDelta([.. ports.Select(p => p with { Endpoints = [.. p.Endpoints] })], Options, cache).Changes);

        var uncommitted = NftablesRenderer.RenderDelta([ports[0]], Options, cache);
        Assert.Single(uncommitted.Changes);
        // Not committed (the transaction failed): the next delta is computed against the same kernel state.
        Assert.Single(NftablesRenderer.RenderDelta([ports[0]], Options, cache).Changes);
        uncommitted.CommitTo(cache);
        Assert.Empty(NftablesRenderer.RenderDelta([ports[0]], Options, cache).Changes);
    }
}
