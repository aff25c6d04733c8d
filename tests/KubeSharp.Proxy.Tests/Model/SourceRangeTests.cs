using k8s.Models;
using KubeSharp.Proxy.Model;

namespace KubeSharp.Proxy.Tests.Model;

public sealed class SourceRangeTests
{
    [Theory]
    [InlineData(" 10.1.2.3/8 ", true, "10.0.0.0/8")]
    [InlineData("192.0.2.9/32", true, "192.0.2.9/32")]
    [InlineData("0.0.0.0/0", true, "0.0.0.0/0")]
    [InlineData("2001:db8::/64", false, "")]
    [InlineData("10.0.0.0/33", false, "")]
    [InlineData("10.0.0.0", false, "")]
    [InlineData("nonsense/8", false, "")]
    public void Ranges_are_parsed_as_canonical_ipv4_cidrs(string text, bool ok, string cidr)
    {
        Assert.Equal(ok, Ipv4Cidr.TryNormalize(text, out var result));
        Assert.Equal(cidr, result);
    }

    [Theory]
    [InlineData("10.0.0.0/8", "10.255.1.1", true)]
    [InlineData("10.0.0.0/8", "11.0.0.1", false)]
    [InlineData("0.0.0.0/0", "198.51.100.1", true)]
    [InlineData("192.0.2.9/32", "192.0.2.9", true)]
    [InlineData("192.0.2.9/32", "192.0.2.10", false)]
    public void Contains_tests_the_network_bits(string cidr, string ip, bool expected) => Assert.Equal(expected, Ipv4Cidr.Contains(cidr, ip));

    [Fact]
    public void The_model_keeps_sorted_canonical_ipv4_ranges_of_load_balancers_only()
    {
        V1Service Svc(string type) => new()
        {
            Metadata = new V1ObjectMeta { Name = type.ToLowerInvariant(), NamespaceProperty = "default" },
            Spec = new V1ServiceSpec
            {
                Type = type, ClusterIP = "10.96.0.30", Ports = [new V1ServicePort { Port = 80, NodePort = 31000 }],
                LoadBalancerSourceRanges = ["198.51.100.7/24", " 10.0.0.0/8", "2001:db8::/64", "10.0.0.0/8"],
            },
            Status = new V1ServiceStatus { LoadBalancer = new V1LoadBalancerStatus { Ingress = [new V1LoadBalancerIngress { Ip = "192.0.2.9" }] } },
        };
        var model = ServiceModelBuilder.Build([Svc("LoadBalancer"), Svc("NodePort")], [], "node");
        Assert.Equal(["10.0.0.0/8", "198.51.100.0/24"], model.Single(p => p.Name == "loadbalancer").LoadBalancerSourceRanges);
        Assert.Empty(model.Single(p => p.Name == "nodeport").LoadBalancerSourceRanges);
        // A change of the ranges is a change of the model (so the sync is not skipped).
        var narrower = model.Single(p => p.Name == "loadbalancer") with { LoadBalancerSourceRanges = ["10.0.0.0/8"] };
        Assert.False(ServicePortComparer.Instance.Equals(model.Single(p => p.Name == "loadbalancer"), narrower));
    }
}
