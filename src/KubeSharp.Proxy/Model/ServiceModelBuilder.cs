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
        // Every sync of a running proxy starts here, over all Services and slices (10,000 of each): plain loops, one
        // sort, no per-endpoint strings.
        var byService = new Dictionary<(string, string), List<V1EndpointSlice>>();
        foreach (var slice in slices)
        {
            if (slice.AddressType is not "IPv4" || slice.Metadata?.Labels?.TryGetValue(ServiceNameLabel, out var service) != true) continue;
            var key = (slice.Metadata.NamespaceProperty ?? "", service!);
            if (!byService.TryGetValue(key, out var list)) byService[key] = list = [];
            list.Add(slice);
        }
        var sorted = services.ToArray();
        Array.Sort(sorted, static (a, b) =>
        {
            var c = string.CompareOrdinal(a.Metadata.NamespaceProperty, b.Metadata.NamespaceProperty);
            return c != 0 ? c : string.CompareOrdinal(a.Metadata.Name, b.Metadata.Name);
        });
        var result = new List<ServicePort>(sorted.Length);
        foreach (var svc in sorted)
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
        HashSet<(string, int)>? seen = null;
        var endpoints = new List<Endpoint>();
        foreach (var slice in slices)
        {
            Discoveryv1EndpointPort? port = null;
            foreach (var p in slice.Ports ?? [])
            {
                if ((p.Name ?? "") == portName && (p.Protocol ?? "TCP") == protocol)
                {
                    port = p;
                    break;
                }
            }
            if (port?.Port is not { } number) continue;
            foreach (var ep in slice.Endpoints ?? [])
            {
                var ip = ep.Addresses is { Count: > 0 } addresses ? addresses[0] : null;
                if (ip == null || !(seen ??= []).Add((ip, number))) continue;
                // Upstream: ready defaults to true, serving to ready, terminating to false when unset.
                var ready = ep.Conditions?.Ready ?? true;
                var serving = ep.Conditions?.Serving ?? ready;
                var terminating = ep.Conditions?.Terminating ?? false;
                endpoints.Add(new Endpoint(ip, number, ready, serving, terminating, ep.NodeName == nodeName));
            }
        }
        if (endpoints.Count > 1) endpoints.Sort(CompareHostPort);
        return endpoints;
    }

    /// <summary>The ordinal order of "ip:port" strings, without building them.</summary>
    private static int CompareHostPort(Endpoint a, Endpoint b)
    {
        Span<char> x = stackalloc char[64];
        Span<char> y = stackalloc char[64];
        return Format(a, x).SequenceCompareTo(Format(b, y));

        static ReadOnlySpan<char> Format(Endpoint e, Span<char> buffer)
        {
            if (e.Ip.Length + 12 > buffer.Length) return e.HostPort;
            e.Ip.CopyTo(buffer);
            buffer[e.Ip.Length] = ':';
            e.Port.TryFormat(buffer[(e.Ip.Length + 1)..], out var written, default, System.Globalization.CultureInfo.InvariantCulture);
            return buffer[..(e.Ip.Length + 1 + written)];
        }
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
