using KubeSharp.Proxy.Model;
using KubeSharp.Proxy.Tests.Infrastructure;
using static KubeSharp.Proxy.Tests.Real.RealProxierTests;

namespace KubeSharp.Proxy.Tests.Real;

/// <summary>
/// loadBalancerSourceRanges with real traffic: backend 1 serves, backends 2 and 3 are clients in other networks
/// (10.250.2.0/24, 10.250.3.0/24) that reach the node's load-balancer IP through it.
/// </summary>
public sealed class RealFirewallTests
{
    private const string LbIp = "10.251.0.6";

    [Theory]
    [InlineData("iptables")]
    [InlineData("nftables")]
    public async Task Load_balancer_ip_accepts_only_the_allowed_source_ranges(string mode)
    {
        await using var bed = await ServiceTestBed.CreateAsync(3);
        await bed.Node.MustAsync("ip", "addr", "add", $"{LbIp}/32", "dev", "lo");
        var proxier = ProxierFor(mode, bed, "KT11-");
        ServicePort Lb(params string[] ranges) => Service("10.96.10.30", 80, 1, p => p with { LoadBalancerIPs = [LbIp], LoadBalancerSourceRanges = ranges });

        await proxier.SyncAsync([Lb("10.250.2.0/24")], false, CancellationToken.None);
        var allowed = await bed.GetFromBackendAsync(2, LbIp, 80);
        Assert.True(allowed.Ok, allowed.Text);
        Assert.Equal("backend-1", allowed.Text);
        Assert.False((await bed.GetFromBackendAsync(3, LbIp, 80)).Ok, "10.250.3.2 is outside the source ranges");
        // Only the load-balancer IP is filtered: the cluster IP still answers the other client.
        Assert.Equal("backend-1", (await bed.GetFromBackendAsync(3, "10.96.10.30", 80)).Text);

        // The ranges change (an incremental sync in both modes): the second client gets in.
        await proxier.SyncAsync([Lb("10.250.2.0/24", "10.250.3.0/24")], false, CancellationToken.None);
        Assert.Equal("backend-1", (await bed.GetFromBackendAsync(3, LbIp, 80)).Text);

        // Without ranges everybody is accepted; with a range that fits neither, nobody.
        await proxier.SyncAsync([Lb("192.0.2.0/24")], false, CancellationToken.None);
        Assert.False((await bed.GetFromBackendAsync(2, LbIp, 80)).Ok);
        await proxier.SyncAsync([Lb()], false, CancellationToken.None);
        Assert.Equal("backend-1", (await bed.GetFromBackendAsync(2, LbIp, 80)).Text);
        Assert.Equal("backend-1", (await bed.GetFromBackendAsync(3, LbIp, 80)).Text);
    }
}
