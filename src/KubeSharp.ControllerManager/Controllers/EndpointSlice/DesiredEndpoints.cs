using k8s.Models;
using KubeSharp.ApiMachinery.Serialization;

namespace KubeSharp.ControllerManager.Controllers.EndpointSlice;

/// <summary>
/// The endpoints that should exist for one set of ports, keyed by an endpoint's identity (upstream's EndpointSet:
/// sorted addresses, hostname and target pod), so an endpoint already in a slice is found and kept there.
/// Popped in address order, which keeps slice contents deterministic.
/// </summary>
internal sealed class DesiredEndpoints
{
    private readonly SortedDictionary<string, V1Endpoint> _byKey = new(StringComparer.Ordinal);

    public DesiredEndpoints(IReadOnlyList<Discoveryv1EndpointPort> ports) => Ports = ports;

    public IReadOnlyList<Discoveryv1EndpointPort> Ports { get; }

    public int Count => _byKey.Count;

    public void Add(V1Endpoint endpoint) => _byKey[Key(endpoint)] = endpoint;

    public V1Endpoint? Get(V1Endpoint existing) => _byKey.GetValueOrDefault(Key(existing));

    public void Remove(V1Endpoint existing) => _byKey.Remove(Key(existing));

    public V1Endpoint Pop()
    {
        var first = _byKey.First();
        _byKey.Remove(first.Key);
        return first.Value;
    }

    /// <summary>Identity of an endpoint (upstream's hashEndpoint); numeric IP order comes from zero-padded octets.</summary>
    public static string Key(V1Endpoint e)
    {
        var addresses = (e.Addresses ?? []).Select(PadIp).Order(StringComparer.Ordinal);
        return $"{string.Join(",", addresses)}|{e.Hostname}|{e.TargetRef?.NamespaceProperty}|{e.TargetRef?.Name}";
    }

    /// <summary>Everything but the identity equal too (endpointsEqualBeyondHash): conditions, node, zone, hints, target.</summary>
    public static bool EqualBeyondKey(V1Endpoint a, V1Endpoint b) =>
        KubeJson.Serialize(Normalized(a)).AsSpan().SequenceEqual(KubeJson.Serialize(Normalized(b)));

    private static V1Endpoint Normalized(V1Endpoint e) => new()
    {
        Addresses = [],
        Conditions = e.Conditions,
        NodeName = e.NodeName,
        Zone = e.Zone,
        Hints = e.Hints,
        TargetRef = e.TargetRef == null
            ? null
            : new V1ObjectReference { Kind = e.TargetRef.Kind, NamespaceProperty = e.TargetRef.NamespaceProperty, Name = e.TargetRef.Name, Uid = e.TargetRef.Uid },
    };

    private static string PadIp(string ip) =>
        System.Net.IPAddress.TryParse(ip, out var a) ? Convert.ToHexString(a.MapToIPv6().GetAddressBytes()) : ip;
}
