using System.Diagnostics;
using KubeSharp.Proxy.Iptables;
using KubeSharp.Proxy.Model;
using KubeSharp.Proxy.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace KubeSharp.Proxy.Tests.Iptables;

/// <summary>
/// The rendered rules applied with the real iptables-restore in a test-made network namespace, with real TCP
/// traffic from the "node" to busybox httpd "pods".
/// </summary>
public sealed class RealIptablesTests
{
    private static ServicePort Service(string ip, int port, int count, Func<ServicePort, ServicePort>? edit = null)
    {
        var p = new ServicePort
        {
            Namespace = "default", Name = "web", PortName = "", Protocol = "TCP", ClusterIP = ip, Port = port,
            Endpoints = Enumerable.Range(1, count).Select(i => new Endpoint(ServiceTestBed.BackendIp(i), 8080, true, true, false, true)).ToList(),
        };
        return edit == null ? p : edit(p);
    }

    private static Proxier ProxierFor(ServiceTestBed bed, string prefix) =>
        new(new ProxyOptions { KubeconfigPath = "", NodeName = "node", ChainPrefix = prefix, ClusterCidr = ServiceTestBed.ClusterCidr },
            new IptablesClient(bed.Node.Host), bed.Node.Host, NullLogger.Instance);

    [Fact]
    public async Task Cluster_ip_balances_over_all_endpoints_from_the_node_and_from_a_pod()
    {
        await using var bed = await ServiceTestBed.CreateAsync(3);
        var proxier = ProxierFor(bed, "KT1-");
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

    [Fact]
    public async Task No_endpoints_rejects_at_once()
    {
        await using var bed = await ServiceTestBed.CreateAsync(1);
        var proxier = ProxierFor(bed, "KT2-");
        await proxier.SyncAsync([Service("10.96.10.11", 80, 0)], periodic: false, CancellationToken.None);
        var watch = Stopwatch.StartNew();
        var (ok, text) = await bed.GetAsync("10.96.10.11", 80);
        Assert.False(ok);
        Assert.Contains("refused", text, StringComparison.OrdinalIgnoreCase);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task Node_port_answers_on_the_node_address_and_localhost_and_load_balancer_ip()
    {
        await using var bed = await ServiceTestBed.CreateAsync(2);
        await bed.Node.MustAsync("sysctl", "-w", "net.ipv4.conf.all.route_localnet=1");
        await bed.Node.MustAsync("ip", "addr", "add", "10.251.0.5/32", "dev", "lo");
        var proxier = ProxierFor(bed, "KT3-");
        await proxier.SyncAsync([Service("10.96.10.12", 80, 2, p => p with { NodePort = 31234, LoadBalancerIPs = ["10.251.0.5"] })], periodic: false, CancellationToken.None);
        foreach (var target in new[] { ServiceTestBed.NodeIp(1), "127.0.0.1", "10.251.0.5" })
        {
            var port = target == "10.251.0.5" ? 80 : 31234;
            var (ok, text) = await bed.GetAsync(target, port);
            Assert.True(ok, $"{target}:{port}: {text}");
            Assert.StartsWith("backend-", text);
        }
    }

    [Fact]
    public async Task Client_ip_affinity_keeps_one_client_on_one_backend()
    {
        await using var bed = await ServiceTestBed.CreateAsync(3);
        var proxier = ProxierFor(bed, "KT4-");
        await proxier.SyncAsync([Service("10.96.10.13", 80, 3, p => p with { AffinitySeconds = 600 })], periodic: false, CancellationToken.None);
        var counts = await bed.DistributionAsync("10.96.10.13", 80, 30);
        Assert.Single(counts);
        Assert.StartsWith("backend-", counts.Keys.Single());
    }

    [Fact]
    public async Task Removed_services_lose_their_chains_and_cleanup_removes_everything()
    {
        await using var bed = await ServiceTestBed.CreateAsync(1);
        var proxier = ProxierFor(bed, "KT5-");
        var iptables = new IptablesClient(bed.Node.Host);
        var port = Service("10.96.10.14", 80, 1);
        await proxier.SyncAsync([port], periodic: false, CancellationToken.None);
        Assert.Contains(proxier.Chains.Service(port), await iptables.ChainsAsync("nat", CancellationToken.None));
        Assert.True((await bed.GetAsync("10.96.10.14", 80)).Ok);

        await proxier.SyncAsync([], periodic: false, CancellationToken.None);
        var nat = await iptables.ChainsAsync("nat", CancellationToken.None);
        Assert.DoesNotContain(proxier.Chains.Service(port), nat);
        Assert.DoesNotContain(nat, c => c.StartsWith("KT5-SEP-", StringComparison.Ordinal));

        await proxier.CleanupAsync(CancellationToken.None);
        Assert.DoesNotContain(await iptables.ChainsAsync("nat", CancellationToken.None), c => c.StartsWith("KT5-", StringComparison.Ordinal));
        Assert.DoesNotContain(await iptables.ChainsAsync("filter", CancellationToken.None), c => c.StartsWith("KT5-", StringComparison.Ordinal));
        var save = await bed.Node.MustAsync("iptables-save");
        Assert.DoesNotContain("KT5-", save);
    }
}
