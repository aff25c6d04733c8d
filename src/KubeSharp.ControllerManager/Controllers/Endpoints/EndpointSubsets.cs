using System.Net;
using k8s.Models;

namespace KubeSharp.ControllerManager.Controllers.Endpoints;

/// <summary>
/// Subset arithmetic of v1 Endpoints (upstream's pkg/api/v1/endpoints RepackSubsets and the controller's
/// truncateEndpoints): one subset per distinct set of (address, ready) pairs, carrying every port those addresses
/// share, sorted so that equal content always serializes the same.
/// </summary>
internal static class EndpointSubsets
{
    /// <summary>upstream's maxCapacity: Endpoints hold at most this many addresses; the rest is truncated.</summary>
    public const int MaxCapacity = 1000;

    public const string OverCapacityAnnotation = "endpoints.kubernetes.io/over-capacity";

    /// <summary>One pod's contribution: its address, readiness, and the ports it serves (none for a headless Service without ports).</summary>
    public sealed record Entry(V1EndpointAddress Address, bool Ready, IReadOnlyList<Corev1EndpointPort> Ports);

    /// <summary>
    /// Groups addresses by the ports they serve. An address is keyed by IP and target uid; if it is not ready on
    /// one port it is not ready on that port at all ("not ready trumps ready"). Addresses without ports keep a
    /// sentinel port so they are not lost. Subsets are sorted by their addresses (upstream sorts by a hash, which
    /// is just as arbitrary; what matters is that the order is stable).
    /// </summary>
    public static List<V1EndpointSubset> Repack(IEnumerable<Entry> entries)
    {
        var addresses = new Dictionary<(string, string), V1EndpointAddress>();
        var byPort = new Dictionary<PortKey, Dictionary<(string, string), bool>>();
        foreach (var entry in entries)
        {
            var key = (entry.Address.Ip ?? "", entry.Address.TargetRef?.Uid ?? "");
            addresses.TryAdd(key, entry.Address);
            IEnumerable<PortKey> ports = entry.Ports.Count == 0 ? [PortKey.Sentinel] : entry.Ports.Select(PortKey.Of);
            foreach (var port in ports)
            {
                if (!byPort.TryGetValue(port, out var set)) byPort[port] = set = [];
                set[key] = set.TryGetValue(key, out var wasReady) ? wasReady && entry.Ready : entry.Ready;
            }
        }

        var groups = new Dictionary<string, (Dictionary<(string, string), bool> Addresses, List<PortKey> Ports)>(StringComparer.Ordinal);
        foreach (var (port, set) in byPort)
        {
            // Ports are grouped by identical address sets; with one port (the usual Service) there is nothing to
            // group, and the key (every address as text) is the most expensive part of a repack.
            var groupKey = byPort.Count == 1 ? "" : string.Join(";", set.OrderBy(a => a.Key.Item1, StringComparer.Ordinal).ThenBy(a => a.Key.Item2, StringComparer.Ordinal)
                .Select(a => $"{a.Key.Item1},{a.Key.Item2},{a.Value}"));
            if (!groups.TryGetValue(groupKey, out var group)) groups[groupKey] = group = (set, []);
            if (port != PortKey.Sentinel) group.Ports.Add(port);
        }

        var subsets = new List<V1EndpointSubset>();
        foreach (var (_, group) in groups)
        {
            var ready = SortedAddresses(group.Addresses, addresses, true);
            var notReady = SortedAddresses(group.Addresses, addresses, false);
            var ports = group.Ports.Order().Select(p => p.ToPort()).ToList();
            subsets.Add(new V1EndpointSubset
            {
                Addresses = ready.Count > 0 ? ready : null,
                NotReadyAddresses = notReady.Count > 0 ? notReady : null,
                Ports = ports.Count > 0 ? ports : null,
            });
        }
        if (subsets.Count > 1)
        {
            // Keys computed once per subset, not once per comparison.
            var keyed = subsets.Select(s => (Key: SortKey(s), Subset: s)).ToList();
            keyed.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
            return keyed.ConvertAll(k => k.Subset);
        }
        return subsets;
    }

    /// <summary>
    /// The ready (or not-ready) addresses of a group in upstream's order, by IP bytes then target uid. Each IP is
    /// parsed once (a sort that parses in its comparer parses every IP some 2 log n times: for a 1,000-pod Service
    /// that dominated the sync).
    /// </summary>
    private static List<V1EndpointAddress> SortedAddresses(Dictionary<(string, string), bool> group,
        Dictionary<(string, string), V1EndpointAddress> addresses, bool ready)
    {
        var keyed = new List<(byte[] Ip, string Uid, V1EndpointAddress Address)>();
        foreach (var (key, isReady) in group)
        {
            if (isReady != ready) continue;
            var address = addresses[key];
            keyed.Add((IpBytes(address.Ip), address.TargetRef?.Uid ?? "", address));
        }
        keyed.Sort((a, b) =>
        {
            var byIp = a.Ip.AsSpan().SequenceCompareTo(b.Ip);
            return byIp != 0 ? byIp : string.CompareOrdinal(a.Uid, b.Uid);
        });
        return keyed.ConvertAll(k => k.Address);
    }

    /// <summary>
    /// Cuts the subsets down to <see cref="MaxCapacity"/> addresses as upstream does: not-ready addresses go first;
    /// if the ready ones alone are too many, every not-ready address goes and each subset keeps a share of ready
    /// addresses proportional to its size (rounded up, the last subset taking what is left). True when truncated.
    /// </summary>
    public static bool Truncate(List<V1EndpointSubset> subsets)
    {
        var totalReady = subsets.Sum(s => s.Addresses?.Count ?? 0);
        var totalNotReady = subsets.Sum(s => s.NotReadyAddresses?.Count ?? 0);
        if (totalReady + totalNotReady <= MaxCapacity) return false;
        var truncateReady = totalReady > MaxCapacity;
        var max = truncateReady ? MaxCapacity : MaxCapacity - totalReady;
        var total = truncateReady ? totalReady : totalNotReady;
        var canBeAdded = max;
        foreach (var subset in subsets)
        {
            var inSubset = truncateReady ? subset.Addresses?.Count ?? 0 : subset.NotReadyAddresses?.Count ?? 0;
            var toBeAdded = Math.Min((int)Math.Ceiling((double)inSubset / total * max), canBeAdded);
            if (truncateReady)
            {
                subset.Addresses = subset.Addresses?.Take(toBeAdded).ToList();
                subset.NotReadyAddresses = null;
                canBeAdded -= subset.Addresses?.Count ?? 0;
            }
            else
            {
                subset.NotReadyAddresses = subset.NotReadyAddresses?.Take(toBeAdded).ToList();
                canBeAdded -= subset.NotReadyAddresses?.Count ?? 0;
            }
            if (subset.Addresses?.Count == 0) subset.Addresses = null;
            if (subset.NotReadyAddresses?.Count == 0) subset.NotReadyAddresses = null;
        }
        subsets.RemoveAll(s => s.Addresses == null && s.NotReadyAddresses == null);
        return true;
    }

    /// <summary>
    /// Equal content, ignoring the targetRefs' resourceVersions (endpointSubsetsEqualIgnoreResourceVersion). Field by
    /// field: an empty list is the same as none, as it serializes the same.
    /// </summary>
    public static bool Equal(IList<V1EndpointSubset>? a, IList<V1EndpointSubset>? b)
    {
        if ((a?.Count ?? 0) != (b?.Count ?? 0)) return false;
        for (var i = 0; i < (a?.Count ?? 0); i++)
        {
            var (x, y) = (a![i], b![i]);
            if (!ListEqual(x.Addresses, y.Addresses, AddressEqual) || !ListEqual(x.NotReadyAddresses, y.NotReadyAddresses, AddressEqual)
                || !ListEqual(x.Ports, y.Ports, PortEqual))
            {
                return false;
            }
        }
        return true;
    }

    private static bool ListEqual<T>(IList<T>? a, IList<T>? b, Func<T, T, bool> equal)
    {
        if ((a?.Count ?? 0) != (b?.Count ?? 0)) return false;
        for (var i = 0; i < (a?.Count ?? 0); i++)
        {
            if (!equal(a![i], b![i])) return false;
        }
        return true;
    }

    private static bool AddressEqual(V1EndpointAddress a, V1EndpointAddress b) =>
        a.Ip == b.Ip && a.Hostname == b.Hostname && a.NodeName == b.NodeName && TargetEqual(a.TargetRef, b.TargetRef);

    /// <summary>Every field of the reference but resourceVersion.</summary>
    private static bool TargetEqual(V1ObjectReference? a, V1ObjectReference? b) =>
        a == null || b == null
            ? a == b
            : a.Kind == b.Kind && a.NamespaceProperty == b.NamespaceProperty && a.Name == b.Name && a.Uid == b.Uid
              && a.ApiVersion == b.ApiVersion && a.FieldPath == b.FieldPath;

    private static bool PortEqual(Corev1EndpointPort a, Corev1EndpointPort b) =>
        a.Name == b.Name && a.Port == b.Port && a.Protocol == b.Protocol && a.AppProtocol == b.AppProtocol;

    private static byte[] IpBytes(string? ip) =>
        IPAddress.TryParse(ip ?? "", out var a) ? a.MapToIPv6().GetAddressBytes() : [];

    private static string SortKey(V1EndpointSubset s) =>
        string.Join(",", (s.Addresses ?? []).Concat(s.NotReadyAddresses ?? []).Select(a => Convert.ToHexString(IpBytes(a.Ip)) + a.TargetRef?.Uid))
        + "|" + string.Join(",", (s.Ports ?? []).Select(p => $"{p.Name}/{p.Port}/{p.Protocol}"));

    /// <summary>An EndpointPort as a value (the map key of upstream's repack); port -1 marks "no ports".</summary>
    private readonly record struct PortKey(string Name, int Port, string Protocol, string AppProtocol) : IComparable<PortKey>
    {
        public static readonly PortKey Sentinel = new("", -1, "", "");

        public static PortKey Of(Corev1EndpointPort p) => new(p.Name ?? "", p.Port, p.Protocol ?? "", p.AppProtocol ?? "");

        public Corev1EndpointPort ToPort() => new()
        {
            Name = Name.Length > 0 ? Name : null,
            Port = Port,
            Protocol = Protocol,
            AppProtocol = AppProtocol.Length > 0 ? AppProtocol : null,
        };

        public int CompareTo(PortKey other)
        {
            var c = string.CompareOrdinal(Name, other.Name);
            if (c == 0) c = Port.CompareTo(other.Port);
            if (c == 0) c = string.CompareOrdinal(Protocol, other.Protocol);
            return c != 0 ? c : string.CompareOrdinal(AppProtocol, other.AppProtocol);
        }
    }
}
