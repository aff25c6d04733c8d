using KubeSharp.Proxy.Iptables;
using KubeSharp.Proxy.Model;
using KubeSharp.Proxy.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static KubeSharp.Proxy.Tests.Real.RealProxierTests;

namespace KubeSharp.Proxy.Tests.Real;

/// <summary>iptables partial syncs against the real iptables-restore, with real traffic.</summary>
public sealed class RealPartialSyncTests
{
    [Fact]
    public async Task Partial_syncs_keep_untouched_services_working_and_fall_back_to_full_syncs()
    {
        await using var bed = await ServiceTestBed.CreateAsync(2);
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z"));
        var options = new ProxyOptions { KubeconfigPath = "", NodeName = "node", ChainPrefix = "KT12-", ClusterCidr = ServiceTestBed.ClusterCidr, Time = time };
        var proxier = new Proxier(options, new IptablesClient(bed.Node.Host), bed.Node.Host, NullLogger.Instance);
        Endpoint Ep(int i) => new(ServiceTestBed.BackendIp(i), 8080, true, true, false, true);
        var a = Service("10.96.10.40", 80, 0, p => p with { Name = "a", Endpoints = [Ep(1)] });
        var b = Service("10.96.10.41", 80, 0, p => p with { Name = "b", Endpoints = [Ep(1)] });
        var c = Service("10.96.10.42", 80, 0, p => p with { Name = "c", Endpoints = [Ep(2)], NodePort = 31240 });

        await proxier.SyncAsync([a, b, c], false, CancellationToken.None);
        Assert.True(proxier.LastSyncFull);

        // b moves to backend 2 and d appears: a partial sync writes b's and d's chains only.
        var b2 = b with { Endpoints = [Ep(2)] };
        var d = Service("10.96.10.43", 80, 0, p => p with { Name = "d", Endpoints = [Ep(1), Ep(2)] });
        await proxier.SyncAsync([a, b2, c, d], false, CancellationToken.None);
        Assert.False(proxier.LastSyncFull);
        Assert.Equal(5, proxier.LastWrittenChains); // b's SVC and new SEP; d's SVC and two SEPs
        await AssertServesAsync(bed, "10.96.10.40", 80, "backend-1");
        await AssertServesAsync(bed, "10.96.10.41", 80, "backend-2");
        await AssertServesAsync(bed, "10.96.10.42", 80, "backend-2");
        await AssertServesAsync(bed, ServiceTestBed.NodeIp(1), 31240, "backend-2");
        Assert.Equal(["backend-1", "backend-2"], (await bed.DistributionAsync("10.96.10.43", 80, 40)).Keys.Order());
        // b's old endpoint chain is gone from the kernel.
        Assert.DoesNotContain(proxier.Chains.EndpointChain(b, b.Endpoints[0]), await new IptablesClient(bed.Node.Host).ChainsAsync("nat", CancellationToken.None));

        // Someone wipes the nat table: the partial sync fails (SERVICES jumps to chains that are gone), and the
        // retry is a full sync that restores everything, the jumps from the built-in chains included.
        await bed.Node.MustAsync("iptables", "-t", "nat", "-F");
        await bed.Node.MustAsync("iptables", "-t", "nat", "-X");
        var a2 = a with { Endpoints = [Ep(1), Ep(2)] };
        await Assert.ThrowsAsync<IptablesException>(() => proxier.SyncAsync([a2, b2, c, d], false, CancellationToken.None));
        await proxier.SyncAsync([a2, b2, c, d], false, CancellationToken.None);
        Assert.True(proxier.LastSyncFull);
        Assert.Equal(["backend-1", "backend-2"], (await bed.DistributionAsync("10.96.10.40", 80, 40)).Keys.Order());
        await AssertServesAsync(bed, "10.96.10.41", 80, "backend-2");

        // Periodic syncs are partial, until an hour after the last full one.
        await proxier.SyncAsync([a2, b2, c, d], true, CancellationToken.None);
        Assert.False(proxier.LastSyncFull);
        Assert.Equal(0, proxier.LastWrittenChains);
        time.Advance(TimeSpan.FromMinutes(61));
        await proxier.SyncAsync([a2, b2, c, d], true, CancellationToken.None);
        Assert.True(proxier.LastSyncFull);
        await AssertServesAsync(bed, "10.96.10.42", 80, "backend-2");
    }

    private static async Task AssertServesAsync(ServiceTestBed bed, string ip, int port, string backend)
    {
        var answers = await bed.DistributionAsync(ip, port, 5);
        Assert.Equal([backend], answers.Keys);
    }
}
