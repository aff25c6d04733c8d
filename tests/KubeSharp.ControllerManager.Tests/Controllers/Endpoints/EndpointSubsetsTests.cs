using k8s.Models;
using KubeSharp.ControllerManager.Controllers.Endpoints;

namespace KubeSharp.ControllerManager.Tests.Controllers.Endpoints;

public sealed class EndpointSubsetsTests
{
    private static V1EndpointAddress Addr(string ip) => new() { Ip = ip, TargetRef = new V1ObjectReference { Kind = "Pod", Uid = "uid-" + ip } };

    private static Corev1EndpointPort Port(string name, int port) => new() { Name = name, Port = port, Protocol = "TCP" };

    [Fact]
    public void Repack_merges_addresses_sharing_ports_and_not_ready_trumps_ready()
    {
        var subsets = EndpointSubsets.Repack(
        [
            new(Addr("10.0.0.2"), true, [Port("http", 80)]),
            new(Addr("10.0.0.10"), true, [Port("http", 80)]),
            new(Addr("10.0.0.2"), true, [Port("dns", 53)]),
            new(Addr("10.0.0.10"), true, [Port("dns", 53)]),
            // The same address not ready on one entry of the same port: not ready wins.
            new(Addr("10.0.0.3"), true, [Port("metrics", 9)]),
            new(Addr("10.0.0.3"), false, [Port("metrics", 9)]),
        ]);

        Assert.Equal(2, subsets.Count);
        var shared = Assert.Single(subsets, s => s.Ports.Count == 2);
        Assert.Equal(["dns", "http"], shared.Ports.Select(p => p.Name));
        // Numeric order of IPs, not string order.
        Assert.Equal(["10.0.0.2", "10.0.0.10"], shared.Addresses.Select(a => a.Ip));
        var metrics = Assert.Single(subsets, s => s.Ports.Count == 1);
        Assert.Null(metrics.Addresses);
        Assert.Equal("10.0.0.3", Assert.Single(metrics.NotReadyAddresses).Ip);
    }

    [Fact]
    public void Repack_keeps_addresses_without_ports_and_is_order_independent()
    {
        EndpointSubsets.Entry[] entries = [new(Addr("10.0.0.1"), true, []), new(Addr("10.0.0.2"), false, [])];
        var a = EndpointSubsets.Repack(entries);
        var b = EndpointSubsets.Repack(entries.Reverse());
        var subset = Assert.Single(a);
        Assert.Null(subset.Ports);
        Assert.Equal("10.0.0.1", Assert.Single(subset.Addresses).Ip);
        Assert.Equal("10.0.0.2", Assert.Single(subset.NotReadyAddresses).Ip);
        Assert.True(EndpointSubsets.Equal(a, b));
    }

    [Fact]
    public void Equal_ignores_target_resource_versions_but_not_addresses()
    {
        var a = EndpointSubsets.Repack([new(Addr("10.0.0.1"), true, [Port("", 80)])]);
        var b = EndpointSubsets.Repack([new(Addr("10.0.0.1"), true, [Port("", 80)])]);
        b[0].Addresses[0].TargetRef.ResourceVersion = "42";
        Assert.True(EndpointSubsets.Equal(a, b));
        Assert.False(EndpointSubsets.Equal(a, EndpointSubsets.Repack([new(Addr("10.0.0.2"), true, [Port("", 80)])])));
        Assert.True(EndpointSubsets.Equal(null, []));
    }

    [Theory]
    // ready, notReady (per subset) -> expected ready, notReady after truncation
    [InlineData(new[] { 900 }, new[] { 200 }, new[] { 900 }, new[] { 100 })]
    [InlineData(new[] { 600, 600 }, new[] { 10, 0 }, new[] { 500, 500 }, new[] { 0, 0 })]
    [InlineData(new[] { 700, 400 }, new[] { 0, 0 }, new[] { 637, 363 }, new[] { 0, 0 })]
    [InlineData(new[] { 500 }, new[] { 500 }, new[] { 500 }, new[] { 500 })]
    public void Truncate_keeps_1000_addresses_dropping_not_ready_first_then_proportionally(int[] ready, int[] notReady, int[] wantReady, int[] wantNotReady)
    {
        var ip = 0;
        List<V1EndpointSubset> Build() => ready.Select((r, i) => new V1EndpointSubset
        {
            Addresses = Enumerable.Range(0, r).Select(_ => Addr($"10.{ip / 65536}.{ip / 256 % 256}.{ip++ % 256}")).ToList(),
            NotReadyAddresses = notReady[i] == 0 ? null : Enumerable.Range(0, notReady[i]).Select(_ => Addr($"10.{ip / 65536}.{ip / 256 % 256}.{ip++ % 256}")).ToList(),
            Ports = [Port("p" + i, 80 + i)],
        }).ToList();
        var subsets = Build();

        var truncated = EndpointSubsets.Truncate(subsets);

        Assert.Equal(ready.Sum() + notReady.Sum() > 1000, truncated);
        Assert.Equal(wantReady, subsets.Select(s => s.Addresses?.Count ?? 0));
        Assert.Equal(wantNotReady, subsets.Select(s => s.NotReadyAddresses?.Count ?? 0));
    }
}
