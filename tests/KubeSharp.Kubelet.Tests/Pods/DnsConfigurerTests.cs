using k8s.Models;
using KubeSharp.Kubelet.Pods;

namespace KubeSharp.Kubelet.Tests.Pods;

public sealed class DnsConfigurerTests : IDisposable
{
    private readonly string _dir = TestDirs.Create("dns");

    private DnsConfigurer Configurer(params string[] clusterDns)
    {
        var resolv = Path.Combine(_dir, "resolv.conf");
        File.WriteAllText(resolv, "# host\nnameserver 192.168.1.1\nsearch corp.example\noptions rotate\n");
        return new DnsConfigurer(clusterDns, "cluster.local", resolv);
    }

    private static V1Pod Pod(string policy, bool hostNetwork = false, V1PodDNSConfig? config = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = "p", NamespaceProperty = "team" },
        Spec = new V1PodSpec { DnsPolicy = policy, HostNetwork = hostNetwork, DnsConfig = config, Containers = [] },
    };

    [Fact]
    public void ClusterFirst_uses_cluster_dns_and_search_paths_plus_the_host_search()
    {
        var dns = Configurer("10.96.0.10").For(Pod("ClusterFirst"));
        Assert.Equal(["10.96.0.10"], dns.Servers);
        Assert.Equal(["team.svc.cluster.local", "svc.cluster.local", "cluster.local", "corp.example"], dns.Searches);
        Assert.Equal(["ndots:5"], dns.Options);
    }

    [Fact]
    public void Default_and_host_network_use_the_host_resolver_unless_ClusterFirstWithHostNet()
    {
        var configurer = Configurer("10.96.0.10");
        foreach (var dns in new[] { configurer.For(Pod("Default")), configurer.For(Pod("ClusterFirst", hostNetwork: true)), Configurer().For(Pod("ClusterFirst")) })
        {
            Assert.Equal(["192.168.1.1"], dns.Servers);
            Assert.Equal(["corp.example"], dns.Searches);
            Assert.Equal(["rotate"], dns.Options);
        }
        Assert.Equal(["10.96.0.10"], configurer.For(Pod("ClusterFirstWithHostNet", hostNetwork: true)).Servers);
    }

    [Fact]
    public void None_takes_only_dnsConfig_and_dnsConfig_merges_into_the_others()
    {
        var config = new V1PodDNSConfig
        {
            Nameservers = ["1.1.1.1"],
            Searches = ["extra.example"],
            Options = [new V1PodDNSConfigOption { Name = "ndots", Value = "2" }, new V1PodDNSConfigOption { Name = "edns0" }],
        };
        var none = Configurer("10.96.0.10").For(Pod("None", config: config));
        Assert.Equal(["1.1.1.1"], none.Servers);
        Assert.Equal(["extra.example"], none.Searches);
        Assert.Equal(["ndots:2", "edns0"], none.Options);
        var merged = Configurer("10.96.0.10").For(Pod("ClusterFirst", config: config));
        Assert.Equal(["10.96.0.10", "1.1.1.1"], merged.Servers);
        Assert.Equal("extra.example", merged.Searches[^1]);
        Assert.Equal(["ndots:2", "edns0"], merged.Options);
    }

    public void Dispose() => TestDirs.DeleteQuietly(_dir);
}
