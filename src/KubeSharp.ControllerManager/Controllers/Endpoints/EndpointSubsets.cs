using System.Net;
using k8s.Models;
using KubeSharp.ApiMachinery.Serialization;

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
            var groupKey = string.Join(";", set.OrderBy(a => a.Key.Item1, StringComparer.Ordinal).ThenBy(a => a.Key.Item2, StringComparer.Ordinal)
                .Select(a => $"{a.Key.Item1},{a.Key.Item2},{a.Value}"));
            if (!groups.TryGetValue(groupKey, out var group)) groups[groupKey] = group = (set, []);
            if (port != PortKey.Sentinel) group.Ports.Add(port);
        }

        var subsets = new List<V1EndpointSubset>();
        foreach (var (_, group) in groups)
        {
            var ready = group.Addresses.Where(a => a.Value).Select(a => addresses[a.Key]).ToList();
            var notReady = group.Addresses.Where(a => !a.Value).Select(a => addresses[a.Key]).ToList();
            ready.Sort(CompareAddresses);
            notReady.Sort(CompareAddresses);
            var ports = group.Ports.Order().Select(p => p.ToPort()).ToList();
            subsets.Add(new V1EndpointSubset
            {
                Addresses = ready.Count > 0 ? ready : null,
                NotReadyAddresses = notReady.Count > 0 ? notReady : null,
                Ports = ports.Count > 0 ? ports : null,
            });
        }
        subsets.Sort((a, b) => string.CompareOrdinal(SortKey(a), SortKey(b)));
        return subsets;
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

    /// <summary>Equal content, ignoring the targetRefs' resourceVersions (endpointSubsetsEqualIgnoreResourceVersion).</summary>
    public static bool Equal(IList<V1EndpointSubset>? a, IList<V1EndpointSubset>? b) =>
        Canonical(a).AsSpan().SequenceEqual(Canonical(b));

    /// <summary>Addresses in upstream's order: by IP bytes, then target uid.</summary>
    private static int CompareAddresses(V1EndpointAddress a, V1EndpointAddress b)
    {
        var byIp = IpBytes(a.Ip).AsSpan().SequenceCompareTo(IpBytes(b.Ip));
        return byIp != 0 ? byIp : string.CompareOrdinal(a.TargetRef?.Uid, b.TargetRef?.Uid);
    }

    private static byte[] IpBytes(string? ip) =>
        IPAddress.TryParse(ip ?? "", out var a) ? a.MapToIPv6().GetAddressBytes() : [];

    private static string SortKey(V1EndpointSubset s) =>
        string.Join(",", (s.Addresses ?? []).Concat(s.NotReadyAddresses ?? []).Select(a => Convert.ToHexString(IpBytes(a.Ip)) + a.TargetRef?.Uid))
        + "|" + string.Join(",", (s.Ports ?? []).Select(p => $"{p.Name}/{p.Port}/{p.Protocol}"));

    private static byte[] Canonical(IList<V1EndpointSubset>? subsets)
    {
        var copy = KubeJson.Deserialize<List<V1EndpointSubset>>(KubeJson.Serialize(subsets ?? [], typeof(IList<V1EndpointSubset>)));
        foreach (var s in copy)
        {
            foreach (var a in (s.Addresses ?? []).Concat(s.NotReadyAddresses ?? []))
            {
                if (a.TargetRef != null) a.TargetRef.ResourceVersion = null;
            }
            if (s.Addresses?.Count == 0) s.Addresses = null;
            if (s.NotReadyAddresses?.Count == 0) s.NotReadyAddresses = null;
            if (s.Ports?.Count == 0) s.Ports = null;
        }
        return KubeJson.Serialize(copy, typeof(List<V1EndpointSubset>));
    }

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
