using k8s.Models;
using KubeSharp.ApiMachinery.Validation;
using KubeSharp.ControllerManager.Shared;

namespace KubeSharp.ControllerManager.Controllers.EndpointSlice;

/// <summary>Labels, names and port keys of managed slices (upstream's setEndpointSliceLabels, getEndpointSlicePrefix, NewPortMapKey).</summary>
internal static class SliceLabels
{
    private static bool IsReserved(string key) =>
        key is EndpointSliceController.ServiceNameLabel or EndpointSliceController.ManagedByLabel or ServicePods.HeadlessLabel;

    /// <summary>
    /// The slice's labels: the Service's own (reserved keys skipped), the headless label for a Service without a
    /// cluster IP, the service name and managed-by. Changed tells whether the non-reserved part differs from the
    /// slice's current labels.
    /// </summary>
    public static (Dictionary<string, string> Labels, bool Changed) For(V1EndpointSlice slice, V1Service service)
    {
        var current = (slice.Metadata?.Labels ?? new Dictionary<string, string>()).Where(kv => !IsReserved(kv.Key)).ToDictionary();
        var labels = (service.Metadata?.Labels ?? new Dictionary<string, string>()).Where(kv => !IsReserved(kv.Key)).ToDictionary();
        var changed = current.Count != labels.Count || current.Any(kv => !labels.TryGetValue(kv.Key, out var v) || v != kv.Value);
        if (!ServicePods.HasClusterIp(service)) labels[ServicePods.HeadlessLabel] = "";
        labels[EndpointSliceController.ServiceNameLabel] = service.Metadata!.Name;
        labels[EndpointSliceController.ManagedByLabel] = EndpointSliceController.ControllerName;
        return (labels, changed);
    }

    /// <summary>"service-", or the bare name when the dash would make an invalid name.</summary>
    public static string GenerateName(string service)
    {
        var prefix = service + "-";
        return NameValidation.NameIsDnsSubdomain(prefix, true).Count == 0 ? prefix : service;
    }

    /// <summary>Ports sorted (as upstream sorts them before hashing) and flattened to a comparable key.</summary>
    public static List<Discoveryv1EndpointPort> Sorted(IEnumerable<Discoveryv1EndpointPort> ports) =>
        ports.OrderBy(p => p.Name ?? "", StringComparer.Ordinal).ThenBy(p => p.Port ?? 0).ThenBy(p => p.Protocol ?? "", StringComparer.Ordinal).ToList();

    public static string PortsKey(IEnumerable<Discoveryv1EndpointPort>? ports) =>
        string.Join(";", Sorted(ports ?? []).Select(p => $"{p.Name}/{p.Port}/{p.Protocol}/{p.AppProtocol}"));
}
