using KubeSharp.Proxy.Model;

namespace KubeSharp.Proxy.Tests.Model;

public sealed class ServicePortComparerTests
{
    private static readonly ServicePort Port = new()
    {
        Namespace = "ns", Name = "web", PortName = "http", Protocol = "TCP", ClusterIP = "10.96.0.1", Port = 80, NodePort = 30080,
        ExternalIPs = ["192.0.2.1"], LoadBalancerIPs = ["192.0.2.2"], LoadBalancerSourceRanges = ["10.0.0.0/8"], AffinitySeconds = 60,
        HealthCheckNodePort = 31000, Endpoints = [new Endpoint("10.244.0.2", 8080, true, true, false, false)],
    };

    public static TheoryData<string> Properties() => [.. typeof(ServicePort).GetProperties().Where(p => p.CanWrite).Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(Properties))]
    public void Every_field_takes_part_in_equality(string property)
    {
        // A copy with equal lists (not the same instances) is equal; a change of any one field is not.
        var copy = Port with { Endpoints = [.. Port.Endpoints], ExternalIPs = [.. Port.ExternalIPs], LoadBalancerIPs = [.. Port.LoadBalancerIPs], LoadBalancerSourceRanges = [.. Port.LoadBalancerSourceRanges] };
        Assert.True(ServicePortComparer.Instance.Equals(Port, copy));
        var info = typeof(ServicePort).GetProperty(property)!;
        object changed = info.PropertyType switch
        {
            var t when t == typeof(string) => (string)info.GetValue(Port)! + "x",
            var t when t == typeof(int) => (int)info.GetValue(Port)! + 1,
            var t when t == typeof(bool) => !(bool)info.GetValue(Port)!,
            var t when t == typeof(IReadOnlyList<string>) => new List<string> { "198.51.100.0/24" },
            var t when t == typeof(IReadOnlyList<Endpoint>) => new List<Endpoint> { Port.Endpoints[0] with { Ready = false } },
            var t => throw new InvalidOperationException($"no mutation for {t}"),
        };
        var other = copy with { };
        info.SetValue(other, changed);
        Assert.False(ServicePortComparer.Instance.Equals(Port, other), property);
    }
}
