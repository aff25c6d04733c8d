using k8s.Models;
using KubeSharp.ApiMachinery.Printing;
using static KubeSharp.ApiMachinery.Tests.Printing.Fixtures;

namespace KubeSharp.ApiMachinery.Tests.Printing;

public class ServicePrinterTests
{
    private static readonly ITablePrinter _printer = TablePrinters.For(typeof(V1Service));

    private static readonly Dictionary<string, (V1Service Service, string[] Expected)> _cases = new()
    {
        ["cluster ip"] = (Svc("ClusterIP", ports: [Port(80)]), ["ClusterIP", "10.96.0.10", "<none>", "80/TCP"]),
        ["headless"] = (Svc("ClusterIP", clusterIP: "None", ports: [Port(53, "UDP"), Port(53)]), ["ClusterIP", "None", "<none>", "53/UDP,53/TCP"]),
        ["node port"] = (Svc("NodePort", ports: [Port(80, nodePort: 30080), Port(443, nodePort: 30443)]), ["NodePort", "10.96.0.10", "<none>", "80:30080/TCP,443:30443/TCP"]),
        ["no ports"] = (Svc("ClusterIP"), ["ClusterIP", "10.96.0.10", "<none>", "<none>"]),
        ["external ips"] = (Svc("ClusterIP", externalIPs: ["1.2.3.4", "5.6.7.8"], ports: [Port(80)]), ["ClusterIP", "10.96.0.10", "1.2.3.4,5.6.7.8", "80/TCP"]),
        ["load balancer pending"] = (Svc("LoadBalancer", ports: [Port(80, nodePort: 31000)]), ["LoadBalancer", "10.96.0.10", "<pending>", "80:31000/TCP"]),
        ["load balancer ingress"] = (Svc("LoadBalancer", ingress: ["lb.example.com", "203.0.113.9"], externalIPs: ["1.2.3.4"]),
            ["LoadBalancer", "10.96.0.10", "203.0.113.9,lb.example.com,1.2.3.4", "<none>"]),
        ["external name"] = (Svc("ExternalName", clusterIP: null, externalName: "db.example.com"), ["ExternalName", "<none>", "db.example.com", "<none>"]),
    };

    public static TheoryData<string> Cases() => new(_cases.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Type_ips_and_ports_match_upstream(string name)
    {
        var (service, expected) = _cases[name];
        var cells = _printer.Cells(service, Now);
        Assert.Equal(expected, cells[1..5]);
    }

    [Fact]
    public void Legacy_cluster_ip_is_used_when_cluster_ips_are_empty()
    {
        var service = Svc("ClusterIP", clusterIP: null);
        service.Spec.ClusterIP = "10.96.0.99";
        Assert.Equal("10.96.0.99", _printer.Cells(service, Now)[2]);
    }

    [Fact]
    public void Selector_is_the_wide_column()
    {
        var service = Svc("ClusterIP");
        service.Spec.Selector = new Dictionary<string, string> { ["tier"] = "web", ["app"] = "x" };
        Assert.Equal("app=x,tier=web", _printer.Cells(service, Now)[6]);
        Assert.Equal(1, _printer.Columns[6].Priority);
    }

    private static V1ServicePort Port(int port, string protocol = "TCP", int? nodePort = null) =>
        new() { Port = port, Protocol = protocol, NodePort = nodePort };

    private static V1Service Svc(string type, string? clusterIP = "10.96.0.10", V1ServicePort[]? ports = null,
        string[]? externalIPs = null, string[]? ingress = null, string? externalName = null) => new()
    {
        Metadata = Meta("svc"),
        Spec = new V1ServiceSpec
        {
            Type = type,
            ClusterIP = clusterIP,
            ClusterIPs = clusterIP is null ? null : [clusterIP],
            Ports = ports,
            ExternalIPs = externalIPs,
            ExternalName = externalName,
        },
        Status = new V1ServiceStatus
        {
            LoadBalancer = new V1LoadBalancerStatus
            {
                Ingress = ingress?.Select(i => char.IsDigit(i[0]) ? new V1LoadBalancerIngress { Ip = i } : new V1LoadBalancerIngress { Hostname = i }).ToList(),
            },
        },
    };
}
