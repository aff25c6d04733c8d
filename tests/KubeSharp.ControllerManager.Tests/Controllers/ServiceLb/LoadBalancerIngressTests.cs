using k8s.Models;
using KubeSharp.ControllerManager.Controllers.ServiceLb;

namespace KubeSharp.ControllerManager.Tests.Controllers.ServiceLb;

public sealed class LoadBalancerIngressTests
{
    /// <summary>Rows: Ready status, unschedulable, exclude label, being deleted → node used.</summary>
    [Theory]
    [InlineData("True", false, false, false, true)]
    [InlineData("False", false, false, false, false)]
    [InlineData("Unknown", false, false, false, false)]
    [InlineData(null, false, false, false, false)] // never posted status
    [InlineData("True", true, false, false, false)] // cordoned
    [InlineData("True", false, true, false, false)]
    [InlineData("True", false, false, true, false)]
    public void Only_ready_schedulable_nodes_serve(string? ready, bool unschedulable, bool excluded, bool deleting, bool eligible)
    {
        var node = Node("n", ready, ("InternalIP", "10.0.0.1"));
        node.Spec = new V1NodeSpec { Unschedulable = unschedulable };
        if (excluded) node.Metadata.Labels = new Dictionary<string, string> { [LoadBalancerIngress.ExcludeLabel] = "" };
        if (deleting) node.Metadata.DeletionTimestamp = DateTime.UtcNow;
        Assert.Equal(eligible, LoadBalancerIngress.Eligible(node));
        Assert.Equal(eligible ? 1 : 0, LoadBalancerIngress.For(Service(), [node]).Count);
    }

    [Fact]
    public void Internal_and_external_addresses_sorted_deduplicated_with_ipmode_vip()
    {
        var nodes = new[]
        {
            Node("b", "True", ("InternalIP", "10.0.0.10"), ("ExternalIP", "203.0.113.5"), ("Hostname", "b")),
            Node("a", "True", ("InternalIP", "10.0.0.9"), ("InternalIP", "fd00::9")),
            Node("c", "True", ("InternalIP", "10.0.0.10")),
        };
        var ingress = LoadBalancerIngress.For(Service(), nodes);
        Assert.Equal(["10.0.0.9", "10.0.0.10", "203.0.113.5", "fd00::9"], ingress.Select(i => i.Ip));
        Assert.All(ingress, i => Assert.Equal("VIP", i.IpMode));

        Assert.Equal(["fd00::9"], LoadBalancerIngress.For(Service("IPv6"), nodes).Select(i => i.Ip));
        Assert.Equal(["10.0.0.9", "10.0.0.10", "203.0.113.5"], LoadBalancerIngress.For(Service("IPv4"), nodes).Select(i => i.Ip));
    }

    [Theory]
    [InlineData("LoadBalancer", null, true)]
    [InlineData("LoadBalancer", "example.com/other-lb", false)]
    [InlineData("NodePort", null, false)]
    public void Owns_load_balancers_without_a_class(string type, string? lbClass, bool owned)
    {
        var service = Service();
        service.Spec.Type = type;
        service.Spec.LoadBalancerClass = lbClass;
        Assert.Equal(owned, LoadBalancerIngress.Owns(service));
    }

    private static V1Service Service(params string[] families) => new()
    {
        Metadata = new V1ObjectMeta { Name = "s", NamespaceProperty = "ns" },
        Spec = new V1ServiceSpec { Type = "LoadBalancer", IpFamilies = families.Length == 0 ? null : families },
    };

    private static V1Node Node(string name, string? ready, params (string Type, string Address)[] addresses) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Status = new V1NodeStatus
        {
            Conditions = ready == null ? null : [new V1NodeCondition { Type = "Ready", Status = ready }],
            Addresses = addresses.Select(a => new V1NodeAddress { Type = a.Type, Address = a.Address }).ToList(),
        },
    };
}
