using System.Diagnostics;
using KubeSharp.Proxy.Iptables;
using KubeSharp.Proxy.Model;
using KubeSharp.Proxy.Nftables;
using KubeSharp.Proxy.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace KubeSharp.Proxy.Tests.Real;

/// <summary>
/// The rendered rules applied with the real iptables-restore or nft in a test-made network namespace, with real TCP
/// traffic from the "node" to busybox httpd "pods". Every behaviour is checked in both proxy modes.
/// </summary>
public sealed class RealProxierTests
{
    internal static ServicePort Service(string ip, int port, int count, Func<ServicePort, ServicePort>? edit = null)
    {
        var p = new ServicePort
        {
            Namespace = "default", Name = "web", PortName = "", Protocol = "TCP", ClusterIP = ip, Port = port,
            Endpoints = Enumerable.Range(1, count).Select(i => new Endpoint(ServiceTestBed.BackendIp(i), 8080, true, true, false, true)).ToList(),
        };
        return edit == null ? p : edit(p);
    }

    internal static IProxier ProxierFor(string mode, ServiceTestBed bed, string prefix)
    {
        var options = new ProxyOptions
        {
            KubeconfigPath = "", NodeName = "node", ChainPrefix = prefix, ClusterCidr = ServiceTestBed.ClusterCidr,
            Mode = ProxyModes.Parse(mode),
        };
        return options.Mode == ProxyMode.Nftables
            ? new NftablesProxier(options, new NftablesClient(bed.Node.Host), bed.Node.Host, NullLogger.Instance)
            : new Proxier(options, new IptablesClient(bed.Node.Host), bed.Node.Host, NullLogger.Instance);
    }

    [Theory]
    [InlineData("iptables")]
    [InlineData("nftables")]
    public async Task Cluster_ip_balances_over_all_endpoints_from_the_node_and_from_a_pod(string mode)
    {
        await using var bed = await ServiceTestBed.CreateAsync(3);
        var proxier = ProxierFor(mode, bed, "KT1-");
        await proxier.SyncAsync([Service("10.96.10.10", 80, 3)], periodic: false, CancellationToken.None);

        var counts = await bed.DistributionAsync("10.96.10.10", 80, 300);
        Assert.Equal(3, counts.Count);
        foreach (var (backend, n) in counts)
        {
            Assert.StartsWith("backend-", backend);
            Assert.InRange(n, 60, 141); // 20% to 47% of 300
        }
        // A pod reaches the service, including itself through it (hairpin, masqueraded).
        for (var i = 0; i < 20; i++)
        {
            var (ok, text) = await bed.GetFromBackendAsync(1, "10.96.10.10", 80);
            Assert.True(ok, text);
        }
    }

    [Theory]
    [InlineData("iptables")]
    [InlineData("nftables")]
    public async Task No_endpoints_rejects_at_once(string mode)
    {
        await using var bed = await ServiceTestBed.CreateAsync(1);
        var proxier = ProxierFor(mode, bed, "KT2-");
        await proxier.SyncAsync([Service("10.96.10.11", 80, 0, p => p with { NodePort = 31235 })], periodic: false, CancellationToken.None);
        foreach (var (ip, port) in new[] { ("10.96.10.11", 80), (ServiceTestBed.NodeIp(1), 31235) })
        {
            var watch = Stopwatch.StartNew();
            var (ok, text) = await bed.GetAsync(ip, port);
            Assert.False(ok);
            Assert.Contains("refused", text, StringComparison.OrdinalIgnoreCase);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"{ip}:{port} took {watch.Elapsed}");
        }
    }

    [Theory]
    [InlineData("iptables")]
    [InlineData("nftables")]
    public async Task Node_port_answers_on_the_node_address_and_localhost_and_load_balancer_ip(string mode)
    {
        await using var bed = await ServiceTestBed.CreateAsync(2);
        await bed.Node.MustAsync("sysctl", "-w", "net.ipv4.conf.all.route_localnet=1");
        await bed.Node.MustAsync("ip", "addr", "add", "10.251.0.5/32", "dev", "lo");
        var proxier = ProxierFor(mode, bed, "KT3-");
        await proxier.SyncAsync([Service("10.96.10.12", 80, 2, p => p with { NodePort = 31234, LoadBalancerIPs = ["10.251.0.5"] })], periodic: false, CancellationToken.None);
        foreach (var target in new[] { ServiceTestBed.NodeIp(1), "127.0.0.1", "10.251.0.5" })
        {
            var port = target == "10.251.0.5" ? 80 : 31234;
            var (ok, text) = await bed.GetAsync(target, port);
            Assert.True(ok, $"{target}:{port}: {text}");
            Assert.StartsWith("backend-", text);
        }
    }

    [Theory]
    [InlineData("iptables")]
    [InlineData("nftables")]
    public async Task Client_ip_affinity_keeps_one_client_on_one_backend(string mode)
    {
        await using var bed = await ServiceTestBed.CreateAsync(3);
        var proxier = ProxierFor(mode, bed, "KT4-");
        await proxier.SyncAsync([Service("10.96.10.13", 80, 3, p => p with { AffinitySeconds = 600 })], periodic: false, CancellationToken.None);
        var counts = await bed.DistributionAsync("10.96.10.13", 80, 30);
        Assert.Single(counts);
        Assert.StartsWith("backend-", counts.Keys.Single());
        // A periodic resync, and the full sync of a restarted proxy, keep what clients were sent where.
        await proxier.SyncAsync([Service("10.96.10.13", 80, 3, p => p with { AffinitySeconds = 600 })], periodic: true, CancellationToken.None);
        Assert.Equal(counts.Keys, (await bed.DistributionAsync("10.96.10.13", 80, 10)).Keys);
        await ProxierFor(mode, bed, "KT4-").SyncAsync([Service("10.96.10.13", 80, 3, p => p with { AffinitySeconds = 600 })], periodic: false, CancellationToken.None);
        Assert.Equal(counts.Keys, (await bed.DistributionAsync("10.96.10.13", 80, 10)).Keys);
    }

    [Theory]
    [InlineData("iptables")]
    [InlineData("nftables")]
    public async Task Only_ready_endpoints_get_traffic_and_terminating_ones_only_when_none_is_ready(string mode)
    {
        await using var bed = await ServiceTestBed.CreateAsync(3);
        var proxier = ProxierFor(mode, bed, "KT7-");
        Endpoint Ep(int i, bool ready, bool serving, bool terminating) => new(ServiceTestBed.BackendIp(i), 8080, ready, serving, terminating, true);

        // Backend 2 is not ready, backend 3 is draining: only backend 1 answers.
        await proxier.SyncAsync([Service("10.96.10.15", 80, 0, p => p with { Endpoints = [Ep(1, true, true, false), Ep(2, false, false, false), Ep(3, false, true, true)] })], false, CancellationToken.None);
        Assert.Equal(["backend-1"], (await bed.DistributionAsync("10.96.10.15", 80, 20)).Keys);

        // Backend 1 goes away: the serving terminating backend 3 keeps the service up, the unready 2 stays out.
        await proxier.SyncAsync([Service("10.96.10.15", 80, 0, p => p with { Endpoints = [Ep(2, false, false, false), Ep(3, false, true, true)] })], false, CancellationToken.None);
        Assert.Equal(["backend-3"], (await bed.DistributionAsync("10.96.10.15", 80, 20)).Keys);

        // Backend 2 becomes ready: ready endpoints win over terminating ones again.
        await proxier.SyncAsync([Service("10.96.10.15", 80, 0, p => p with { Endpoints = [Ep(2, true, true, false), Ep(3, false, true, true)] })], false, CancellationToken.None);
        Assert.Equal(["backend-2"], (await bed.DistributionAsync("10.96.10.15", 80, 20)).Keys);
    }

    [Theory]
    [InlineData("iptables")]
    [InlineData("nftables")]
    public async Task Services_added_changed_and_removed_between_syncs_take_effect(string mode)
    {
        await using var bed = await ServiceTestBed.CreateAsync(2);
        var proxier = ProxierFor(mode, bed, "KT8-");
        var a = Service("10.96.10.16", 80, 1);
        await proxier.SyncAsync([a], false, CancellationToken.None);
        Assert.Equal("backend-1", (await bed.GetAsync("10.96.10.16", 80)).Text);

        // A second service appears, and the first one moves to backend 2 (in nftables mode: incremental syncs).
        var b = Service("10.96.10.17", 81, 2) with { Name = "other" };
        var a2 = a with { Endpoints = [new Endpoint(ServiceTestBed.BackendIp(2), 8080, true, true, false, true)] };
        await proxier.SyncAsync([a2, b], false, CancellationToken.None);
        Assert.Equal(["backend-2"], (await bed.DistributionAsync("10.96.10.16", 80, 10)).Keys);
        Assert.Equal(["backend-1", "backend-2"], (await bed.DistributionAsync("10.96.10.17", 81, 40)).Keys.Order());

        // The first one loses its endpoints (rejects), then the second goes away.
        await proxier.SyncAsync([a2 with { Endpoints = [] }], false, CancellationToken.None);
        var (ok, text) = await bed.GetAsync("10.96.10.16", 80);
        Assert.False(ok);
        Assert.Contains("refused", text, StringComparison.OrdinalIgnoreCase);
        Assert.False((await bed.GetAsync("10.96.10.17", 81)).Ok);

        await proxier.SyncAsync([a2], false, CancellationToken.None);
        Assert.Equal("backend-2", (await bed.GetAsync("10.96.10.16", 80)).Text);
    }

    [Theory]
    [InlineData("iptables")]
    [InlineData("nftables")]
    public async Task Removed_services_lose_their_chains_and_cleanup_removes_everything(string mode)
    {
        await using var bed = await ServiceTestBed.CreateAsync(1);
        var proxier = ProxierFor(mode, bed, "KT5-");
        var port = Service("10.96.10.14", 80, 1);
        await proxier.SyncAsync([port], periodic: false, CancellationToken.None);
        Assert.Contains(ServiceChain(mode, port), await ChainsAsync(mode, bed));
        Assert.True((await bed.GetAsync("10.96.10.14", 80)).Ok);

        await proxier.SyncAsync([], periodic: false, CancellationToken.None);
        var chains = await ChainsAsync(mode, bed);
        Assert.DoesNotContain(ServiceChain(mode, port), chains);
        Assert.DoesNotContain(chains, c => c.StartsWith(mode == "nftables" ? "endpoint-" : "KT5-SEP-", StringComparison.Ordinal));

        await proxier.CleanupAsync(CancellationToken.None);
        var iptables = new IptablesClient(bed.Node.Host);
        Assert.DoesNotContain(await iptables.ChainsAsync("nat", CancellationToken.None), c => c.StartsWith("KT5-", StringComparison.Ordinal));
        Assert.DoesNotContain(await iptables.ChainsAsync("filter", CancellationToken.None), c => c.StartsWith("KT5-", StringComparison.Ordinal));
        Assert.DoesNotContain("KT5-", await bed.Node.MustAsync("iptables-save"));
        Assert.DoesNotContain("kt5-proxy", await bed.Node.MustAsync("nft", "list", "ruleset"));
    }

    [Fact]
    public async Task Nftables_leftovers_of_an_earlier_process_are_removed_by_the_first_sync()
    {
        await using var bed = await ServiceTestBed.CreateAsync(1);
        var earlier = ProxierFor("nftables", bed, "KT9-");
        var old = Service("10.96.10.18", 80, 1, p => p with { Name = "old", AffinitySeconds = 60 });
        await earlier.SyncAsync([old], false, CancellationToken.None);

        var proxier = ProxierFor("nftables", bed, "KT9-");
        var port = Service("10.96.10.19", 80, 1);
        await proxier.SyncAsync([port], false, CancellationToken.None);
        var objects = await new NftablesClient(bed.Node.Host).ObjectsAsync("kt9-proxy", CancellationToken.None);
        Assert.Contains(NftablesNames.Service(port), objects.Chains);
        Assert.DoesNotContain(NftablesNames.Service(old), objects.Chains);
        Assert.DoesNotContain(objects.Sets.Keys, s => s.StartsWith("affinity-", StringComparison.Ordinal));
        Assert.True((await bed.GetAsync("10.96.10.19", 80)).Ok);
        Assert.False((await bed.GetAsync("10.96.10.18", 80)).Ok);
    }

    [Fact]
    public async Task Nftables_table_deleted_behind_its_back_is_rebuilt_by_the_periodic_sync_or_its_retry()
    {
        await using var bed = await ServiceTestBed.CreateAsync(1);
        var proxier = ProxierFor("nftables", bed, "KT10-");
        var port = Service("10.96.10.20", 80, 1);
        await proxier.SyncAsync([port], false, CancellationToken.None);
        await bed.Node.MustAsync("nft", "delete", "table", "ip", "kt10-proxy");
        Assert.False((await bed.GetAsync("10.96.10.20", 80)).Ok);

        // The periodic sync rewrites the fixed chains, which name maps that are gone: it fails, and its retry (as
        // ProxyHost retries) is a full sync.
        await Assert.ThrowsAsync<NftablesException>(() => proxier.SyncAsync([port], true, CancellationToken.None));
        await proxier.SyncAsync([port], false, CancellationToken.None);
        Assert.Equal("backend-1", (await bed.GetAsync("10.96.10.20", 80)).Text);
    }

    private static string ServiceChain(string mode, ServicePort port) =>
        mode == "nftables" ? NftablesNames.Service(port) : new ChainNames("KT5-").Service(port);

    private static async Task<IReadOnlySet<string>> ChainsAsync(string mode, ServiceTestBed bed) =>
        mode == "nftables"
            ? (await new NftablesClient(bed.Node.Host).ObjectsAsync("kt5-proxy", CancellationToken.None)).Chains
            : await new IptablesClient(bed.Node.Host).ChainsAsync("nat", CancellationToken.None);
}
