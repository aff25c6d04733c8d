namespace KubeSharp.Proxy.Model;

/// <summary>
/// Value equality over service ports including their lists (records compare lists by reference). Field by field
/// and allocation-free: a sync compares every port of a 10,000-service model with the last one.
/// </summary>
internal sealed class ServicePortComparer : IEqualityComparer<ServicePort>
{
    public static readonly ServicePortComparer Instance = new();

    public bool Equals(ServicePort? x, ServicePort? y)
    {
        if (ReferenceEquals(x, y)) return true;
        if (x == null || y == null) return false;
        return x.Port == y.Port && x.NodePort == y.NodePort && x.AffinitySeconds == y.AffinitySeconds &&
            x.ExternalPolicyLocal == y.ExternalPolicyLocal && x.InternalPolicyLocal == y.InternalPolicyLocal &&
            x.HealthCheckNodePort == y.HealthCheckNodePort &&
            string.Equals(x.ClusterIP, y.ClusterIP, StringComparison.Ordinal) && string.Equals(x.Name, y.Name, StringComparison.Ordinal) &&
            string.Equals(x.Namespace, y.Namespace, StringComparison.Ordinal) && string.Equals(x.PortName, y.PortName, StringComparison.Ordinal) &&
            string.Equals(x.Protocol, y.Protocol, StringComparison.Ordinal) &&
            SameList(x.Endpoints, y.Endpoints) && SameStrings(x.ExternalIPs, y.ExternalIPs) && SameStrings(x.LoadBalancerIPs, y.LoadBalancerIPs) &&
            SameStrings(x.LoadBalancerSourceRanges, y.LoadBalancerSourceRanges);
    }

    public int GetHashCode(ServicePort obj) => HashCode.Combine(obj.Namespace, obj.Name, obj.PortName, obj.ClusterIP, obj.Endpoints.Count);

    public static bool SameModel(IReadOnlyList<ServicePort>? a, IReadOnlyList<ServicePort> b)
    {
        if (a == null || a.Count != b.Count) return false;
        for (var i = 0; i < a.Count; i++)
        {
            if (!Instance.Equals(a[i], b[i])) return false;
        }
        return true;
    }

    private static bool SameList(IReadOnlyList<Endpoint> a, IReadOnlyList<Endpoint> b)
    {
        if (ReferenceEquals(a, b)) return true;
        if (a.Count != b.Count) return false;
        for (var i = 0; i < a.Count; i++)
        {
            if (a[i] != b[i]) return false;
        }
        return true;
    }

    private static bool SameStrings(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if (ReferenceEquals(a, b)) return true;
        if (a.Count != b.Count) return false;
        for (var i = 0; i < a.Count; i++)
        {
            if (!string.Equals(a[i], b[i], StringComparison.Ordinal)) return false;
        }
        return true;
    }
}
