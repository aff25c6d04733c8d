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

    /// <summary>
    /// Everything but the identity equal too (endpointsEqualBeyondHash): conditions, node, zone, hints, target.
    /// Compared field by field: this runs for every endpoint of a Service on every sync.
    /// </summary>
    public static bool EqualBeyondKey(V1Endpoint a, V1Endpoint b) =>
        a.NodeName == b.NodeName && a.Zone == b.Zone && ConditionsEqual(a.Conditions, b.Conditions)
        && TargetEqual(a.TargetRef, b.TargetRef) && HintsEqual(a.Hints, b.Hints);

    private static bool ConditionsEqual(V1EndpointConditions? a, V1EndpointConditions? b) =>
        a == null || b == null ? a == b : a.Ready == b.Ready && a.Serving == b.Serving && a.Terminating == b.Terminating;

    /// <summary>Kind, namespace, name and uid: the parts upstream compares (not resourceVersion).</summary>
    private static bool TargetEqual(V1ObjectReference? a, V1ObjectReference? b) =>
        a == null || b == null
            ? a == b
            : a.Kind == b.Kind && a.NamespaceProperty == b.NamespaceProperty && a.Name == b.Name && a.Uid == b.Uid;

    /// <summary>Hints are rare (topology-aware routing); their JSON is compared only when there are any.</summary>
    private static bool HintsEqual(V1EndpointHints? a, V1EndpointHints? b) =>
        a == null || b == null ? a == b : KubeJson.Serialize(a).AsSpan().SequenceEqual(KubeJson.Serialize(b));

    private static string PadIp(string ip) =>
        System.Net.IPAddress.TryParse(ip, out var a) ? Convert.ToHexString(a.MapToIPv6().GetAddressBytes()) : ip;
}
