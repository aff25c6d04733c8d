namespace KubeSharp.Proxy.Model;

/// <summary>Value equality over service ports including their lists (records compare lists by reference).</summary>
internal sealed class ServicePortComparer : IEqualityComparer<ServicePort>
{
    public static readonly ServicePortComparer Instance = new();

    public bool Equals(ServicePort? x, ServicePort? y) =>
        x != null && y != null &&
        (x with { Endpoints = [], ExternalIPs = [], LoadBalancerIPs = [], LoadBalancerSourceRanges = [] }) == (y with { Endpoints = [], ExternalIPs = [], LoadBalancerIPs = [], LoadBalancerSourceRanges = [] }) &&
        x.Endpoints.SequenceEqual(y.Endpoints) && x.ExternalIPs.SequenceEqual(y.ExternalIPs) && x.LoadBalancerIPs.SequenceEqual(y.LoadBalancerIPs) &&
        x.LoadBalancerSourceRanges.SequenceEqual(y.LoadBalancerSourceRanges);

    public int GetHashCode(ServicePort obj) => HashCode.Combine(obj.Id, obj.ClusterIP, obj.Endpoints.Count);

    public static bool SameModel(IReadOnlyList<ServicePort>? a, IReadOnlyList<ServicePort> b) => a != null && a.SequenceEqual(b, Instance);
}
