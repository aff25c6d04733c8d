using System.Net;
using System.Net.Sockets;
using k8s.Models;

namespace KubeSharp.ControllerManager.Controllers.ServiceLb;

/// <summary>
/// What a LoadBalancer Service's status.loadBalancer.ingress should be: the addresses of the nodes that can take
/// its traffic (k3s ServiceLB's answer, without its per-node pods: kube-proxy on every node already accepts traffic
/// for these IPs).
/// </summary>
internal static class LoadBalancerIngress
{
    /// <summary>Nodes with this label are never load balancer targets (upstream's service controller honours it too).</summary>
    public const string ExcludeLabel = "node.kubernetes.io/exclude-from-external-load-balancers";

    /// <summary>Only Services with no spec.loadBalancerClass are ours; a class names another implementation.</summary>
    public static bool Owns(V1Service service) =>
        service.Spec?.Type == "LoadBalancer" && string.IsNullOrEmpty(service.Spec.LoadBalancerClass);

    /// <summary>Ready (Ready=True), schedulable nodes without the exclude label.</summary>
    public static bool Eligible(V1Node node) =>
        node.Metadata?.DeletionTimestamp == null
        && node.Spec?.Unschedulable != true
        && node.Metadata?.Labels?.ContainsKey(ExcludeLabel) != true
        && node.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true;

    /// <summary>
    /// The ingress points: each eligible node's InternalIP and ExternalIP addresses of the Service's IP families (all
    /// families when it lists none), de-duplicated, sorted (IPv4 first, then by bytes) so the status is stable, with
    /// ipMode VIP (traffic arrives with the ingress IP as destination, which kube-proxy's rules expect).
    /// </summary>
    public static List<V1LoadBalancerIngress> For(V1Service service, IEnumerable<V1Node> nodes)
    {
        var families = service.Spec?.IpFamilies is { Count: > 0 } f ? f.ToHashSet(StringComparer.Ordinal) : null;
        var ips = new HashSet<IPAddress>();
        foreach (var node in nodes)
        {
            if (!Eligible(node)) continue;
            foreach (var address in node.Status?.Addresses ?? [])
            {
                if (address.Type is not ("InternalIP" or "ExternalIP")) continue;
                if (!IPAddress.TryParse(address.Address, out var ip)) continue;
                var family = ip.AddressFamily == AddressFamily.InterNetworkV6 ? "IPv6" : "IPv4";
                if (families != null && !families.Contains(family)) continue;
                ips.Add(ip);
            }
        }
        return ips
            .OrderBy(ip => ip.AddressFamily == AddressFamily.InterNetworkV6 ? 1 : 0)
            .ThenBy(ip => ip.GetAddressBytes(), ByteOrder.Instance)
            .Select(ip => new V1LoadBalancerIngress { Ip = ip.ToString(), IpMode = "VIP" })
            .ToList();
    }

    /// <summary>True when both lists name the same IPs, hostnames and modes in the same order.</summary>
    public static bool Same(IList<V1LoadBalancerIngress>? a, IList<V1LoadBalancerIngress>? b) =>
        (a?.Count ?? 0) == (b?.Count ?? 0)
        && (a == null || b == null || a.Zip(b).All(p => p.First.Ip == p.Second.Ip && p.First.Hostname == p.Second.Hostname && p.First.IpMode == p.Second.IpMode));

    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static readonly ByteOrder Instance = new();

        public int Compare(byte[]? x, byte[]? y)
        {
            if (x == null || y == null) return (x == null ? 0 : 1) - (y == null ? 0 : 1);
            for (var i = 0; i < Math.Min(x.Length, y.Length); i++)
            {
                if (x[i] != y[i]) return x[i].CompareTo(y[i]);
            }
            return x.Length.CompareTo(y.Length);
        }
    }
}
