using k8s.Models;

namespace KubeSharp.ApiServer.Registry.Strategies;

/// <summary>The pure parts of a Service update, as upstream's patchAllocatedValues, normalizeClusterIPs and
/// dropTypeDependentFields.</summary>
internal static class ServiceUpdatePreparation
{
    private static bool NeedsClusterIp(V1ServiceSpec s) => s.Type != "ExternalName";

    private static bool NeedsNodePort(V1ServiceSpec s) => s.Type is "NodePort" or "LoadBalancer";

    private static bool NeedsHealthCheckPort(V1ServiceSpec s) => s.Type == "LoadBalancer" && s.ExternalTrafficPolicy == "Local";

    private static bool ExternallyAccessible(V1ServiceSpec s) =>
        s.Type is "NodePort" or "LoadBalancer" || s.Type == "ClusterIP" && s.ExternalIPs is { Count: > 0 };

    /// <summary>A client that omits allocated values (kubectl replace of an edited manifest, an apply without
    /// clusterIP) keeps them: clusterIP(s), node ports matched by port name, and the health check node port.</summary>
    public static void PatchAllocatedValues(V1ServiceSpec spec, V1ServiceSpec old)
    {
        if (NeedsClusterIp(old) && NeedsClusterIp(spec))
        {
            if (string.IsNullOrEmpty(spec.ClusterIP)) spec.ClusterIP = old.ClusterIP;
            if (spec.ClusterIPs is not { Count: > 0 } && old.ClusterIPs is { Count: > 0 }) spec.ClusterIPs = old.ClusterIPs.ToList();
        }
        if (NeedsNodePort(old) && NeedsNodePort(spec))
        {
            var oldUsed = new HashSet<int>(NodePorts(old));
            var used = new HashSet<int>(NodePorts(spec));
            used.IntersectWith(oldUsed);
            var byName = new Dictionary<string, int>();
            foreach (var p in old.Ports ?? []) byName[p.Name ?? ""] = p.NodePort ?? 0;
            foreach (var p in spec.Ports ?? [])
            {
                if (p.NodePort is null or 0 && byName.TryGetValue(p.Name ?? "", out var np) && np != 0 && !used.Contains(np)) p.NodePort = np;
            }
        }
        if (NeedsHealthCheckPort(old) && NeedsHealthCheckPort(spec) && spec.HealthCheckNodePort is null or 0)
        {
            spec.HealthCheckNodePort = old.HealthCheckNodePort;
        }
    }

    /// <summary>Keeps clusterIP and clusterIPs consistent when an old client sends only the singular field.</summary>
    public static void NormalizeClusterIps(V1ServiceSpec spec, V1ServiceSpec old)
    {
        if (old.ClusterIPs is { Count: > 0 } && spec.ClusterIPs is not { Count: > 0 } && old.ClusterIP == spec.ClusterIP)
        {
            spec.ClusterIPs = old.ClusterIPs.ToList();
        }
        if ((old.ClusterIP ?? "") == (spec.ClusterIP ?? "")) return;
        if (!string.IsNullOrEmpty(old.ClusterIP) && string.IsNullOrEmpty(spec.ClusterIP))
        {
            if (SameClusterIps(spec, old)) spec.ClusterIPs = null;
        }
        else if (SameClusterIps(spec, old) && !string.IsNullOrEmpty(spec.ClusterIP))
        {
            spec.ClusterIPs = [spec.ClusterIP];
        }
    }

    /// <summary>After a type change, drops what the new type does not use, where the client left it as it was
    /// (a changed value is the client's intent and goes to validation instead).</summary>
    public static void DropTypeDependentFields(V1Service service, V1ServiceSpec old)
    {
        var spec = service.Spec;
        if (NeedsClusterIp(old) && !NeedsClusterIp(spec))
        {
            if (SameClusterIps(spec, old))
            {
                spec.ClusterIP = null;
                spec.ClusterIPs = null;
            }
            if (Same(spec.IpFamilies, old.IpFamilies)) spec.IpFamilies = null;
            if (spec.IpFamilyPolicy == old.IpFamilyPolicy) spec.IpFamilyPolicy = null;
        }
        if (NeedsNodePort(old) && !NeedsNodePort(spec) && Same(NodePorts(spec), NodePorts(old)))
        {
            foreach (var p in spec.Ports ?? []) p.NodePort = null;
        }
        if (NeedsHealthCheckPort(old) && !NeedsHealthCheckPort(spec) && spec.HealthCheckNodePort == old.HealthCheckNodePort)
        {
            spec.HealthCheckNodePort = null;
        }
        if (old.Type == "LoadBalancer" && spec.Type != "LoadBalancer"
            && spec.AllocateLoadBalancerNodePorts is { } a && old.AllocateLoadBalancerNodePorts is { } b && a == b)
        {
            spec.AllocateLoadBalancerNodePorts = null;
        }
        if (old.Type == "LoadBalancer" && spec.Type != "LoadBalancer" && spec.LoadBalancerClass == old.LoadBalancerClass)
        {
            spec.LoadBalancerClass = null;
        }
        if (ExternallyAccessible(old) && !ExternallyAccessible(spec) && spec.ExternalTrafficPolicy == old.ExternalTrafficPolicy)
        {
            spec.ExternalTrafficPolicy = null;
        }
        // A load balancer status means nothing once the Service is no longer one.
        if (spec.Type != "LoadBalancer") service.Status = new V1ServiceStatus { LoadBalancer = new V1LoadBalancerStatus() };
    }

    private static bool SameClusterIps(V1ServiceSpec a, V1ServiceSpec b) => Same(a.ClusterIPs, b.ClusterIPs);

    private static bool Same<T>(IList<T>? a, IList<T>? b) => (a?.Count ?? 0) == (b?.Count ?? 0) && (a == null || b == null || a.SequenceEqual(b));

    private static List<int> NodePorts(V1ServiceSpec s) => (s.Ports ?? []).Where(p => p.NodePort is > 0).Select(p => p.NodePort!.Value).ToList();
}
