using k8s.Models;
using KubeSharp.Dns.Wire;

namespace KubeSharp.Dns.Tests;

public sealed class ResolverTests
{
    private sealed class View(List<V1Service> services, List<V1EndpointSlice> slices) : IClusterView
    {
        public V1Service? Service(string ns, string name) => services.FirstOrDefault(s => s.Metadata.NamespaceProperty == ns && s.Metadata.Name == name);
        public IEnumerable<V1EndpointSlice> Slices(string ns, string service) =>
            slices.Where(s => s.Metadata.NamespaceProperty == ns && s.Metadata.Labels["kubernetes.io/service-name"] == service);
        public V1Service? ServiceByClusterIp(string ip) => services.FirstOrDefault(s => s.Spec.ClusterIP == ip);
    }

    private static V1Service Svc(string name, string clusterIp, string type = "ClusterIP", string? externalName = null, bool publishNotReady = false) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "shop" },
        Spec = new V1ServiceSpec
        {
            ClusterIP = clusterIp, Type = type, ExternalName = externalName, PublishNotReadyAddresses = publishNotReady,
            Ports = [new V1ServicePort { Name = "http", Port = 80, Protocol = "TCP" }],
        },
    };

    private static V1EndpointSlice Slice(string service, params (string Ip, bool Ready, string? Hostname)[] eps) => new()
    {
        Metadata = new V1ObjectMeta { Name = service + "-x", NamespaceProperty = "shop", Labels = new Dictionary<string, string> { ["kubernetes.io/service-name"] = service } },
        AddressType = "IPv4",
        Ports = [new Discoveryv1EndpointPort { Name = "http", Port = 8080, Protocol = "TCP" }],
        Endpoints = eps.Select(e => new V1Endpoint { Addresses = [e.Ip], Hostname = e.Hostname, Conditions = new V1EndpointConditions { Ready = e.Ready } }).ToList(),
    };

    private readonly ClusterDnsResolver _resolver = new(new View(
        [Svc("web", "10.96.0.50"), Svc("db", "None"), Svc("ext", "", "ExternalName", "example.org"), Svc("all", "None", publishNotReady: true)],
        [Slice("web", ("10.244.1.5", true, null)), Slice("db", ("10.244.1.7", true, "db-0"), ("10.244.1.8", false, "db-1")), Slice("all", ("10.244.2.1", false, null))]),
        "cluster.local");

    private DnsAnswer? Ask(string name, DnsType type) => _resolver.Resolve(new DnsQuestion(name, type, 1));

    private static string[] Data(DnsAnswer? a) => a!.Records.Select(r => r.Type switch
    {
        DnsType.A => new System.Net.IPAddress(r.Data).ToString(),
        DnsType.SRV => $"{r.Port} {r.TargetName}",
        _ => r.TargetName ?? "",
    }).ToArray();

    [Fact]
    public void Cluster_ip_service_resolves_to_its_cluster_ip()
    {
        var a = Ask("web.shop.svc.cluster.local.", DnsType.A);
        Assert.Equal(DnsRcode.NoError, a!.Rcode);
        Assert.Equal(["10.96.0.50"], Data(a));
        Assert.Equal(5u, a.Records[0].Ttl);
    }

    [Fact]
    public void Headless_service_resolves_to_ready_endpoints_and_endpoints_by_hostname()
    {
        Assert.Equal(["10.244.1.7"], Data(Ask("db.shop.svc.cluster.local.", DnsType.A)));
        Assert.Equal(["10.244.1.7"], Data(Ask("db-0.db.shop.svc.cluster.local.", DnsType.A)));
        Assert.Equal(DnsRcode.NxDomain, Ask("db-1.db.shop.svc.cluster.local.", DnsType.A)!.Rcode);
        Assert.Equal(["10.244.2.1"], Data(Ask("all.shop.svc.cluster.local.", DnsType.A)));
    }

    [Fact]
    public void Srv_records_name_the_service_or_each_headless_endpoint()
    {
        Assert.Equal(["80 web.shop.svc.cluster.local."], Data(Ask("_http._tcp.web.shop.svc.cluster.local.", DnsType.SRV)));
        Assert.Equal(["8080 db-0.db.shop.svc.cluster.local."], Data(Ask("_http._tcp.db.shop.svc.cluster.local.", DnsType.SRV)));
        Assert.Equal(DnsRcode.NxDomain, Ask("_grpc._tcp.web.shop.svc.cluster.local.", DnsType.SRV)!.Rcode);
    }

    [Fact]
    public void External_name_is_a_cname()
    {
        var a = Ask("ext.shop.svc.cluster.local.", DnsType.A);
        Assert.Equal(DnsType.CNAME, a!.Records.Single().Type);
        Assert.Equal("example.org.", a.Records.Single().TargetName);
    }

    [Fact]
    public void Pods_resolve_by_dashed_ip_and_reverse_lookups_find_services()
    {
        Assert.Equal(["10.244.3.4"], Data(Ask("10-244-3-4.shop.pod.cluster.local.", DnsType.A)));
        Assert.Equal(DnsRcode.NxDomain, Ask("not-an-ip.shop.pod.cluster.local.", DnsType.A)!.Rcode);
        Assert.Equal(["web.shop.svc.cluster.local."], Data(Ask("50.0.96.10.in-addr.arpa.", DnsType.PTR)));
        Assert.Null(Ask("9.9.9.10.in-addr.arpa.", DnsType.PTR));
    }

    [Fact]
    public void Missing_names_are_nxdomain_other_types_nodata_and_foreign_names_are_not_ours()
    {
        var missing = Ask("nope.shop.svc.cluster.local.", DnsType.A);
        Assert.Equal(DnsRcode.NxDomain, missing!.Rcode);
        Assert.True(missing.WithSoa);
        var aaaa = Ask("web.shop.svc.cluster.local.", DnsType.AAAA);
        Assert.Equal(DnsRcode.NoError, aaaa!.Rcode);
        Assert.Empty(aaaa.Records);
        Assert.Equal(DnsRcode.NoError, Ask("shop.svc.cluster.local.", DnsType.A)!.Rcode);
        Assert.Null(Ask("example.org.", DnsType.A));
        Assert.Equal(["10.96.0.50"], Data(Ask("WEB.Shop.SVC.cluster.local", DnsType.A)));
    }
}
