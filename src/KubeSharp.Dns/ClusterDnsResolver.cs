using System.Globalization;
using System.Net;
using k8s.Models;
using KubeSharp.Dns.Wire;

namespace KubeSharp.Dns;

/// <summary>What the resolver reads: the informers' caches in the server, plain lists in tests.</summary>
public interface IClusterView
{
    V1Service? Service(string ns, string name);
    IEnumerable<V1EndpointSlice> Slices(string ns, string service);
    /// <summary>The service whose cluster IP is <paramref name="ip"/>, for reverse lookups.</summary>
    V1Service? ServiceByClusterIp(string ip);
}

/// <summary>An answer from the cluster zone; null from <see cref="ClusterDnsResolver.Resolve"/> means "not ours, forward".</summary>
public sealed record DnsAnswer(DnsRcode Rcode, IReadOnlyList<DnsRecord> Records, bool WithSoa);

/// <summary>
/// The cluster zone as the Kubernetes DNS specification defines it (the records CoreDNS's kubernetes plugin
/// serves): services (A, or endpoint IPs when headless; CNAME for ExternalName), SRV records for named ports,
/// headless endpoints by hostname, pods by dashed IP, PTR for cluster IPs. TTL 5 s.
/// </summary>
public sealed class ClusterDnsResolver(IClusterView view, string clusterDomain)
{
    public const uint Ttl = 5;
    private readonly string _zone = clusterDomain.Trim('.').ToLowerInvariant() + ".";

    public string Zone => _zone;

    public DnsAnswer? Resolve(DnsQuestion q)
    {
        var name = q.Name.ToLowerInvariant();
        if (!name.EndsWith('.')) name += ".";
        if (name.EndsWith(".in-addr.arpa.", StringComparison.Ordinal)) return Reverse(name, q.Type);
        if (name != _zone && !name.EndsWith("." + _zone, StringComparison.Ordinal)) return null;
        var labels = name[..^_zone.Length].TrimEnd('.') is { Length: > 0 } rel ? rel.Split('.') : [];
        // labels are read right to left: [..., svc-or-pod-label?, namespace, "svc"|"pod"]
        if (labels.Length == 0) return NoData();
        var kind = labels[^1];
        if (kind == "svc") return ResolveService(name, labels[..^1], q.Type);
        if (kind == "pod") return ResolvePod(name, labels[..^1], q.Type);
        return NxDomain();
    }

    private DnsAnswer ResolveService(string name, string[] labels, DnsType type)
    {
        // "svc.<zone>" and "<ns>.svc.<zone>" exist (empty non-terminals) but carry no records.
        if (labels.Length <= 1) return NoData();
        var ns = labels[^1];
        var serviceName = labels[^2];
        var service = view.Service(ns, serviceName);
        if (service?.Spec == null) return NxDomain();
        var rest = labels[..^2];
        var serviceFqdn = $"{serviceName}.{ns}.svc.{_zone}";
        var headless = service.Spec.ClusterIP == "None";

        if (rest.Length == 0) return ServiceRecords(name, service, serviceFqdn, headless, type);
        if (rest.Length == 2 && rest[0].StartsWith('_') && rest[1].StartsWith('_'))
        {
            return type is DnsType.SRV or DnsType.ANY ? Srv(name, service, serviceFqdn, headless, rest[0][1..], rest[1][1..]) : NoDataOrNx(Srv(name, service, serviceFqdn, headless, rest[0][1..], rest[1][1..]));
        }
        if (rest.Length == 1 && headless)
        {
            // <hostname>.<svc>.<ns>.svc: an endpoint of a headless service, by hostname or dashed IP.
            var ips = Endpoints(ns, serviceName, service).Where(e => EndpointLabel(e) == rest[0]).Select(e => e.Ip).Distinct().ToList();
            if (ips.Count == 0) return NxDomain();
            return type is DnsType.A or DnsType.ANY ? Answer(ips.Select(ip => DnsRecord.A(name, IPAddress.Parse(ip), Ttl))) : NoData();
        }
        return NxDomain();
    }

    private DnsAnswer ServiceRecords(string name, V1Service service, string fqdn, bool headless, DnsType type)
    {
        if (service.Spec.Type == "ExternalName")
        {
            var target = service.Spec.ExternalName?.TrimEnd('.') + ".";
            return Answer([DnsRecord.Cname(name, target, Ttl)]);
        }
        if (type is not (DnsType.A or DnsType.ANY)) return NoData();
        if (!headless)
        {
            return IPAddress.TryParse(service.Spec.ClusterIP, out var ip) ? Answer([DnsRecord.A(name, ip, Ttl)]) : NoData();
        }
        var ips = Endpoints(service.Metadata.NamespaceProperty ?? "", service.Metadata.Name, service).Select(e => e.Ip).Distinct().ToList();
        return ips.Count == 0 ? NoData() : Answer(ips.Select(ip => DnsRecord.A(name, IPAddress.Parse(ip), Ttl)));
    }

    private DnsAnswer Srv(string name, V1Service service, string fqdn, bool headless, string portName, string protocol)
    {
        var port = service.Spec.Ports?.FirstOrDefault(p => string.Equals(p.Name, portName, StringComparison.OrdinalIgnoreCase)
            && string.Equals(p.Protocol ?? "TCP", protocol, StringComparison.OrdinalIgnoreCase));
        if (port == null) return NxDomain();
        if (!headless) return Answer([DnsRecord.Srv(name, 0, 100, (ushort)port.Port, fqdn, Ttl)]);
        var records = new List<DnsRecord>();
        foreach (var ep in Endpoints(service.Metadata.NamespaceProperty ?? "", service.Metadata.Name, service))
        {
            var epPort = ep.Ports.FirstOrDefault(p => string.Equals(p.Name ?? "", portName, StringComparison.OrdinalIgnoreCase) && string.Equals(p.Protocol ?? "TCP", protocol, StringComparison.OrdinalIgnoreCase));
            if (epPort?.Port is not { } number) continue;
            records.Add(DnsRecord.Srv(name, 0, 100, (ushort)number, $"{EndpointLabel(ep)}.{fqdn}", Ttl));
        }
        return records.Count == 0 ? NxDomain() : Answer(records);
    }

    private DnsAnswer ResolvePod(string name, string[] labels, DnsType type)
    {
        if (labels.Length <= 1) return NoData();
        if (labels.Length != 2) return NxDomain();
        // <a-b-c-d>.<ns>.pod: answered from the name itself (CoreDNS "pods insecure", the upstream default).
        if (!IPAddress.TryParse(labels[0].Replace('-', '.'), out var ip) || ip.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork) return NxDomain();
        return type is DnsType.A or DnsType.ANY ? Answer([DnsRecord.A(name, ip, Ttl)]) : NoData();
    }

    private DnsAnswer? Reverse(string name, DnsType type)
    {
        var parts = name[..^".in-addr.arpa.".Length].Split('.');
        if (parts.Length != 4) return null;
        var ip = string.Join('.', parts.Reverse());
        var service = view.ServiceByClusterIp(ip);
        if (service == null) return null;
        if (type is not (DnsType.PTR or DnsType.ANY)) return NoData();
        return Answer([DnsRecord.Ptr(name, $"{service.Metadata.Name}.{service.Metadata.NamespaceProperty}.svc.{_zone}", Ttl)]);
    }

    private sealed record EndpointEntry(string Ip, string? Hostname, IReadOnlyList<Discoveryv1EndpointPort> Ports);

    /// <summary>Ready endpoints (all of them with publishNotReadyAddresses), from every slice of the service.</summary>
    private IEnumerable<EndpointEntry> Endpoints(string ns, string service, V1Service svc)
    {
        var includeNotReady = svc.Spec.PublishNotReadyAddresses == true;
        foreach (var slice in view.Slices(ns, service))
        {
            if (slice.AddressType != "IPv4") continue;
            foreach (var ep in slice.Endpoints ?? [])
            {
                if (!includeNotReady && ep.Conditions?.Ready == false) continue;
                foreach (var address in ep.Addresses ?? []) yield return new EndpointEntry(address, ep.Hostname, slice.Ports?.ToList() ?? []);
            }
        }
    }

    private static string EndpointLabel(EndpointEntry e) => string.IsNullOrEmpty(e.Hostname) ? e.Ip.Replace('.', '-') : e.Hostname.ToLowerInvariant();

    private static DnsAnswer Answer(IEnumerable<DnsRecord> records) => new(DnsRcode.NoError, records.ToList(), false);
    private static DnsAnswer NoData() => new(DnsRcode.NoError, [], true);
    private static DnsAnswer NxDomain() => new(DnsRcode.NxDomain, [], true);
    private static DnsAnswer NoDataOrNx(DnsAnswer srvAnswer) => srvAnswer.Rcode == DnsRcode.NxDomain ? srvAnswer : NoData();
}
