using k8s.Models;
using KubeSharp.ApiMachinery.Printing;
using static KubeSharp.ApiMachinery.Tests.Printing.Fixtures;

namespace KubeSharp.ApiMachinery.Tests.Printing;

public class NetworkPrinterTests
{
    private static readonly ITablePrinter _endpoints = TablePrinters.For(typeof(V1Endpoints));
    private static readonly ITablePrinter _slices = TablePrinters.For(typeof(V1EndpointSlice));

    [Fact]
    public void Endpoints_without_subsets_print_none() =>
        Assert.Equal("<none>", _endpoints.Cells(new V1Endpoints { Metadata = Meta("e") }, Now)[1]);

    [Fact]
    public void Endpoints_list_ip_port_pairs()
    {
        var ep = Endpoints(new V1EndpointSubset { Addresses = Addresses("10.0.0.1", "10.0.0.2"), Ports = [new Corev1EndpointPort { Port = 8080 }] });
        Assert.Equal("10.0.0.1:8080,10.0.0.2:8080", _endpoints.Cells(ep, Now)[1]);
    }

    [Fact]
    public void Endpoints_cap_at_three_with_more_count()
    {
        var ep = Endpoints(new V1EndpointSubset
        {
            Addresses = Addresses("10.0.0.1", "10.0.0.2", "fd00::3"),
            Ports = [new Corev1EndpointPort { Port = 80 }, new Corev1EndpointPort { Port = 443 }],
        });
        Assert.Equal("10.0.0.1:80,10.0.0.2:80,[fd00::3]:80 + 3 more...", _endpoints.Cells(ep, Now)[1]);
    }

    [Fact]
    public void Headless_endpoints_without_ports_list_ips()
    {
        var ep = Endpoints(new V1EndpointSubset { Addresses = Addresses("10.0.0.1") });
        Assert.Equal("10.0.0.1", _endpoints.Cells(ep, Now)[1]);
    }

    [Fact]
    public void EndpointSlice_row()
    {
        var slice = new V1EndpointSlice
        {
            Metadata = Meta("web-abc"),
            AddressType = "IPv4",
            Ports = [new Discoveryv1EndpointPort { Port = 80 }, new Discoveryv1EndpointPort { Name = "metrics" }, new Discoveryv1EndpointPort()],
            Endpoints = [new V1Endpoint { Addresses = ["10.0.0.1"] }, new V1Endpoint { Addresses = ["10.0.0.2", "10.0.0.3", "10.0.0.4"] }],
        };
        Assert.Equal(["web-abc", "IPv4", "80,metrics,*", "10.0.0.1,10.0.0.2,10.0.0.3 + 1 more...", "14s"], _slices.Cells(slice, Now));
    }

    [Fact]
    public void Empty_EndpointSlice_prints_unset()
    {
        var cells = _slices.Cells(new V1EndpointSlice { Metadata = Meta("s"), AddressType = "IPv4" }, Now);
        Assert.Equal(["<unset>", "<unset>"], [cells[2], cells[3]]);
    }

    private static V1Endpoints Endpoints(V1EndpointSubset subset) => new() { Metadata = Meta("e"), Subsets = [subset] };

    private static List<V1EndpointAddress> Addresses(params string[] ips) => ips.Select(ip => new V1EndpointAddress { Ip = ip }).ToList();
}
