using k8s.Models;
using KubeSharp.Proxy.Model;

namespace KubeSharp.Proxy.Tests.Model;

public sealed class ServiceModelBuilderOrderTests
{
    [Fact]
    public void Ports_come_sorted_by_namespace_and_name_and_endpoints_by_ip_port_text_without_duplicates()
    {
        V1Service Svc(string ns, string name) => new()
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
            Spec = new V1ServiceSpec { ClusterIP = "10.96.0.1", Ports = [new V1ServicePort { Port = 80 }] },
        };
        V1EndpointSlice Slice(string name, params string[] ips) => new()
        {
            AddressType = "IPv4",
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "b", Labels = new Dictionary<string, string> { ["kubernetes.io/service-name"] = "web" } },
            Ports = [new Discoveryv1EndpointPort { Port = 8080 }],
            Endpoints = ips.Select(ip => new V1Endpoint { Addresses = [ip] }).ToList(),
        };
        var model = ServiceModelBuilder.Build([Svc("b", "web"), Svc("a", "zeta"), Svc("b", "api")],
            [Slice("s1", "10.0.0.1", "10.0.0.10"), Slice("s2", "10.0.0.1", "10.0.0.9")], "n");
        Assert.Equal(["a/zeta", "b/api", "b/web"], model.Select(p => p.Id));
        // The ordinal order of "ip:port": "10.0.0.10:8080" < "10.0.0.1:8080" (':' sorts after '0').
        Assert.Equal(["10.0.0.10:8080", "10.0.0.1:8080", "10.0.0.9:8080"], model.Single(p => p.Name == "web").Endpoints.Select(e => e.HostPort));
    }
}
