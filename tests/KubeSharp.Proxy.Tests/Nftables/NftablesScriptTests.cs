using KubeSharp.Proxy.Model;
using KubeSharp.Proxy.Nftables;

namespace KubeSharp.Proxy.Tests.Nftables;

public sealed class NftablesScriptTests
{
    private static readonly NftablesRenderOptions Options = new() { ClusterCidr = "10.244.0.0/16" };

    private static ServicePort Svc(int i, params string[] endpoints) => new()
    {
        Namespace = "default", Name = $"s{i}", PortName = "", Protocol = "TCP", ClusterIP = $"10.96.0.{i}", Port = 80,
        Endpoints = endpoints.Select(ip => new Endpoint(ip, 8080, true, true, false, false)).ToList(),
    };

    private static string[] Lines(string script) => script.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void A_full_sync_flushes_and_rewrites_everything_and_deletes_what_is_not_desired()
    {
        var desired = NftablesRenderer.Render([Svc(1, "10.244.1.2")], Options);
        var existing = new NftObjects(new HashSet<string> { "services", "service-OLD-default/gone/tcp/p80" }, new Dictionary<string, string> { ["affinity-OLD"] = "set", ["service-ips"] = "map" });
        var lines = Lines(NftablesScript.Build("kt-proxy", null, desired, existing));
        Assert.Contains("flush map ip kt-proxy service-ips", lines);
        // Chains in the kernel are emptied and rewritten; the others are created by the block.
        Assert.Contains("flush chain ip kt-proxy services", lines);
        Assert.DoesNotContain("flush chain ip kt-proxy nat-prerouting", lines);
        Assert.Contains("chain nat-prerouting {", lines);
        Assert.Contains("type nat hook prerouting priority dstnat; policy accept;", lines);
        Assert.Contains("add element ip kt-proxy service-ips { 10.96.0.1 . tcp . 80 : goto " + NftablesNames.Service(Svc(1)) + " }", lines);
        var flushOld = Array.IndexOf(lines, "flush chain ip kt-proxy service-OLD-default/gone/tcp/p80");
        var deleteOld = Array.IndexOf(lines, "delete chain ip kt-proxy service-OLD-default/gone/tcp/p80");
        Assert.True(flushOld >= 0 && deleteOld > flushOld);
        Assert.Equal("delete set ip kt-proxy affinity-OLD", lines[^1]);
        Assert.DoesNotContain(lines, l => l.StartsWith("delete map", StringComparison.Ordinal));
    }

    [Fact]
    public void One_more_service_writes_only_its_own_chains_and_elements()
    {
        var ports = Enumerable.Range(1, 50).Select(i => Svc(i, "10.244.1.2", "10.244.1.3")).ToList();
        var before = NftablesRenderer.Render(ports, Options);
        var added = Svc(51, "10.244.2.2");
        var after = NftablesRenderer.Render([.. ports, added], Options);
        var lines = Lines(NftablesScript.Build("kt-proxy", before, after, null));
        var svc = NftablesNames.Service(added);
        var ep = NftablesNames.Endpoint(added, added.Endpoints[0]);
        Assert.Equal(
            [
                "add table ip kt-proxy { comment \"rules for kubesharp kube-proxy\"; }",
                "table ip kt-proxy {",
                $"chain {svc} {{",
            ],
            lines[..3]);
        Assert.Contains($"chain {ep} {{", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("flush ", StringComparison.Ordinal) || l.StartsWith("delete ", StringComparison.Ordinal));
        Assert.Equal($"add element ip kt-proxy service-ips {{ 10.96.0.51 . tcp . 80 : goto {svc} }}", lines[^1]);
        Assert.DoesNotContain(lines, l => l.Contains("flush map", StringComparison.Ordinal) || l.Contains("/s1/", StringComparison.Ordinal));
    }

    [Fact]
    public void Removing_a_service_deletes_its_elements_before_its_chains()
    {
        var one = Svc(1, "10.244.1.2");
        var before = NftablesRenderer.Render([one, Svc(2, "10.244.1.3")], Options);
        var after = NftablesRenderer.Render([Svc(2, "10.244.1.3")], Options);
        var lines = Lines(NftablesScript.Build("kt-proxy", before, after, null)).ToList();
        var deleteElement = lines.IndexOf("delete element ip kt-proxy service-ips { 10.96.0.1 . tcp . 80 }");
        var deleteChain = lines.IndexOf($"delete chain ip kt-proxy {NftablesNames.Service(one)}");
        var deleteEndpoint = lines.IndexOf($"delete chain ip kt-proxy {NftablesNames.Endpoint(one, one.Endpoints[0])}");
        Assert.True(deleteElement >= 0 && deleteChain > deleteElement && deleteEndpoint > deleteElement, string.Join("\n", lines));
        Assert.DoesNotContain(lines, l => l.StartsWith("table ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_port_that_loses_its_endpoints_moves_from_the_service_map_to_the_no_endpoint_map()
    {
        var before = NftablesRenderer.Render([Svc(1, "10.244.1.2")], Options);
        var after = NftablesRenderer.Render([Svc(1)], Options);
        var lines = Lines(NftablesScript.Build("kt-proxy", before, after, null));
        Assert.Contains("delete element ip kt-proxy service-ips { 10.96.0.1 . tcp . 80 }", lines);
        Assert.Contains("add element ip kt-proxy no-endpoint-services { 10.96.0.1 . tcp . 80 : goto reject-chain }", lines);
        Assert.Empty(NftablesScript.Build("kt-proxy", after, after, null).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1));
    }

    [Fact]
    public void A_changed_chain_is_emptied_before_it_is_rewritten_and_periodic_syncs_rewrite_the_fixed_chains()
    {
        var before = NftablesRenderer.Render([Svc(1, "10.244.1.2")], Options);
        var after = NftablesRenderer.Render([Svc(1, "10.244.1.2", "10.244.1.3")], Options);
        var lines = Lines(NftablesScript.Build("kt-proxy", before, after, null)).ToList();
        var svc = NftablesNames.Service(Svc(1));
        Assert.True(lines.IndexOf($"flush chain ip kt-proxy {svc}") < lines.IndexOf($"chain {svc} {{"));
        Assert.DoesNotContain("chain services {", lines);

        var periodic = Lines(NftablesScript.Build("kt-proxy", after, after, null, refreshStatic: true));
        Assert.Contains("flush chain ip kt-proxy services", periodic);
        Assert.Contains("add chain ip kt-proxy nat-output { type nat hook output priority -100; policy accept; }", periodic);
        Assert.DoesNotContain($"chain {svc} {{", periodic);
    }
}
