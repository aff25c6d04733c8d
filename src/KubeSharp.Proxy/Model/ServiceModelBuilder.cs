using k8s.Models;

namespace KubeSharp.Proxy.Model;

/// <summary>
/// Joins Services and their EndpointSlices into the list of service ports the proxy programs. Pure: the same
/// inputs always give the same model, so a sync can be skipped when nothing changed and tests need no cluster.
/// </summary>
public static class ServiceModelBuilder
{
    private const string ServiceNameLabel = "kubernetes.io/service-name";

    public static IReadOnlyList<ServicePort> Build(IEnumerable<V1Service> services, IEnumerable<V1EndpointSlice> slices, string nodeName)
    {
        var byService = slices
            .Where(s => s.AddressType is "IPv4" && s.Metadata?.Labels?.TryGetValue(ServiceNameLabel, out _) == true)
            .GroupBy(s => (s.Metadata.NamespaceProperty ?? "", s.Metadata.Labels[ServiceNameLabel]))
            .ToDictionary(g => g.Key, g => g.ToList());
        var result = new List<ServicePort>();
        foreach (var svc in services.OrderBy(s => s.Metadata.NamespaceProperty, StringComparer.Ordinal).ThenBy(s => s.Metadata.Name, StringComparer.Ordinal))
        {
            var spec = svc.Spec;
            if (spec == null || spec.Type == "ExternalName") continue;
            // Headless services have no virtual IP to program; DNS serves their pod IPs.
            if (string.IsNullOrEmpty(spec.ClusterIP) || spec.ClusterIP == "None") continue;
            if (svc.Metadata.Labels?.ContainsKey("service.kubernetes.io/service-proxy-name") == true) continue;
            var ns = svc.Metadata.NamespaceProperty ?? "";
            var serviceSlices = byService.GetValueOrDefault((ns, svc.Metadata.Name)) ?? [];
            foreach (var port in spec.Ports ?? [])
            {
                var protocol = port.Protocol ?? "TCP";
                result.Add(new ServicePort
                {
                    Namespace = ns,
                    Name = svc.Metadata.Name,
                    PortName = port.Name ?? "",
                    Protocol = protocol,
                    ClusterIP = spec.ClusterIP,
                    Port = port.Port,
                    NodePort = spec.Type is "NodePort" or "LoadBalancer" ? port.NodePort ?? 0 : 0,
                    ExternalIPs = spec.ExternalIPs?.ToList() ?? [],
                    LoadBalancerIPs = spec.Type == "LoadBalancer"
                        ? svc.Status?.LoadBalancer?.Ingress?.Select(i => i.Ip).Where(ip => !string.IsNullOrEmpty(ip)).ToList() ?? []
                        : [],
                    LoadBalancerSourceRanges = spec.Type == "LoadBalancer" ? SourceRanges(spec.LoadBalancerSourceRanges) : [],
                    AffinitySeconds = spec.SessionAffinity == "ClientIP" ? spec.SessionAffinityConfig?.ClientIP?.TimeoutSeconds ?? 10800 : 0,
                    ExternalPolicyLocal = spec.Type is "NodePort" or "LoadBalancer" && spec.ExternalTrafficPolicy == "Local",
                    InternalPolicyLocal = spec.InternalTrafficPolicy == "Local",
                    HealthCheckNodePort = spec.Type == "LoadBalancer" && spec.ExternalTrafficPolicy == "Local" ? spec.HealthCheckNodePort ?? 0 : 0,
                    Endpoints = EndpointsFor(serviceSlices, port.Name ?? "", protocol, nodeName),
                });
            }
        }
        return result;
    }

    /// <summary>
    /// Canonical IPv4 ranges, deduplicated and sorted (so a reordering is no change). IPv6 ranges belong to the IPv6
    /// proxier upstream and are left out here; unparsable ones cannot pass API validation.
    /// </summary>
    private static List<string> SourceRanges(IList<string>? ranges)
    {
        if (ranges == null || ranges.Count == 0) return [];
        var result = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var range in ranges)
        {
            if (Ipv4Cidr.TryNormalize(range, out var cidr)) result.Add(cidr);
        }
        return [.. result];
    }

    private static List<Endpoint> EndpointsFor(List<V1EndpointSlice> slices, string portName, string protocol, string nodeName)
    {
        var seen = new HashSet<string>();
        var endpoints = new List<Endpoint>();
        foreach (var slice in slices)
        {
            var port = slice.Ports?.FirstOrDefault(p => (p.Name ?? "") == portName && (p.Protocol ?? "TCP") == protocol);
            if (port?.Port is not { } number) continue;
            foreach (var ep in slice.Endpoints ?? [])
            {
                var ip = ep.Addresses?.FirstOrDefault();
                if (ip == null || !seen.Add($"{ip}:{number}")) continue;
                // Upstream: ready defaults to true, serving to ready, terminating to false when unset.
                var ready = ep.Conditions?.Ready ?? true;
                var serving = ep.Conditions?.Serving ?? ready;
                var terminating = ep.Conditions?.Terminating ?? false;
                endpoints.Add(new Endpoint(ip, number, ready, serving, terminating, ep.NodeName == nodeName));
            }
        }
        endpoints.Sort((a, b) => string.CompareOrdinal(a.HostPort, b.HostPort));
        return endpoints;
    }

    /// <summary>
    /// The endpoints traffic may go to (upstream's topology filtering): ready ones; if none is ready, the serving
    /// terminating ones, so connections still land during a rolling update. <paramref name="localOnly"/> keeps
    /// endpoints on this node (the Local traffic policies).
    /// </summary>
    public static IReadOnlyList<Endpoint> Usable(IReadOnlyList<Endpoint> endpoints, bool localOnly)
    {
        var candidates = localOnly ? endpoints.Where(e => e.IsLocal).ToList() : endpoints.ToList();
        var ready = candidates.Where(e => e.Ready).ToList();
        return ready.Count > 0 ? ready : candidates.Where(e => e.Serving && e.Terminating).ToList();
    }
}
