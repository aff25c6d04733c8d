using KubeSharp.Proxy.Nftables;
using KubeSharp.Proxy.Tests.Infrastructure;

namespace KubeSharp.Proxy.Tests.Real;

public sealed class NftablesClientTests
{
    [Fact]
    public async Task Objects_lists_the_chains_sets_and_maps_of_one_table_only()
    {
        await using var ns = await NetworkNamespace.CreateAsync();
        var client = new NftablesClient(ns.Host);
        Assert.Same(NftObjects.None, await client.ObjectsAsync("kt13-proxy", CancellationToken.None));
        await client.ApplyAsync("""
            table ip kt13-proxy {
              set affinity-X { type ipv4_addr; flags dynamic,timeout; timeout 60s; }
              map service-ips { type ipv4_addr . inet_proto . inet_service : verdict; elements = { 10.0.0.1 . tcp . 80 : goto c1 }; }
              chain c1 { ip saddr 1.2.3.4 counter; }
              chain nat-prerouting { type nat hook prerouting priority dstnat; policy accept; jump c1; }
            }
            table ip other { chain c9 { }; chain c1 { }; set s9 { type ipv4_addr; }; }
            table inet kt13-proxy { chain c7 { }; }

            """, CancellationToken.None);
        var objects = await client.ObjectsAsync("kt13-proxy", CancellationToken.None);
        Assert.Equal(["c1", "nat-prerouting"], objects.Chains.Order(StringComparer.Ordinal));
        Assert.Equal(new Dictionary<string, string> { ["affinity-X"] = "set", ["service-ips"] = "map" }, objects.Sets);
    }
}
