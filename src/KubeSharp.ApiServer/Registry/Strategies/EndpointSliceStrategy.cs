using k8s;
using k8s.Models;
using KubeSharp.ApiMachinery.Resources;
using KubeSharp.ApiMachinery.Serialization;

namespace KubeSharp.ApiServer.Registry.Strategies;

/// <summary>
/// EndpointSlices have no spec, yet upstream's strategy keeps metadata.generation: 1 on create, bumped when anything
/// but metadata changes, or the labels do. The endpointslice controller compares generations to tell its own
/// writes from other writers' and to detect a stale cache.
/// </summary>
public sealed class EndpointSliceStrategy(ResourceInfo resource) : DefaultStrategy(resource)
{
    public override bool TracksGeneration => true;

    public override bool SpecChanged(IKubernetesObject<V1ObjectMeta> obj, IKubernetesObject<V1ObjectMeta> old)
    {
        var a = (V1EndpointSlice)obj;
        var b = (V1EndpointSlice)old;
        return !Content(a).AsSpan().SequenceEqual(Content(b)) || !LabelsEqual(a.Metadata?.Labels, b.Metadata?.Labels);
    }

    private static byte[] Content(V1EndpointSlice slice) =>
        KubeJson.Serialize(new V1EndpointSlice { AddressType = slice.AddressType, Endpoints = slice.Endpoints ?? [], Ports = slice.Ports is { Count: > 0 } p ? p : null });

    private static bool LabelsEqual(IDictionary<string, string>? a, IDictionary<string, string>? b)
    {
        if ((a?.Count ?? 0) != (b?.Count ?? 0)) return false;
        foreach (var (k, v) in a ?? new Dictionary<string, string>())
        {
            if (b == null || !b.TryGetValue(k, out var other) || other != v) return false;
        }
        return true;
    }
}
