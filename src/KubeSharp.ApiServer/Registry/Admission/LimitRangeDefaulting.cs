using k8s.Models;

namespace KubeSharp.ApiServer.Registry.Admission;

/// <summary>The mutating half of LimitRanger: a LimitRange's Container defaults fill in what a container omits.</summary>
public static class LimitRangeDefaulting
{
    /// <summary>Applies one LimitRange to the pod; returns whether anything was set.</summary>
    public static bool Apply(V1LimitRange range, V1Pod pod)
    {
        var requests = new Dictionary<string, ResourceQuantity>(StringComparer.Ordinal);
        var limits = new Dictionary<string, ResourceQuantity>(StringComparer.Ordinal);
        foreach (var item in range.Spec?.Limits ?? [])
        {
            if (item.Type != "Container") continue;
            foreach (var (k, v) in item.DefaultRequest ?? new Dictionary<string, ResourceQuantity>()) requests[k] = v;
            foreach (var (k, v) in item.DefaultProperty ?? new Dictionary<string, ResourceQuantity>()) limits[k] = v;
        }
        if (requests.Count == 0 && limits.Count == 0) return false;
        var notes = new List<string>();
        var spec = pod.Spec ??= new V1PodSpec();
        foreach (var c in spec.Containers ?? []) Merge(c, requests, limits, "container", notes);
        foreach (var c in spec.InitContainers ?? []) Merge(c, requests, limits, "init container", notes);
        if (notes.Count == 0) return false;
        var meta = pod.Metadata ??= new V1ObjectMeta();
        meta.Annotations ??= new Dictionary<string, string>();
        meta.Annotations[LimitRanger.Annotation] = "LimitRanger plugin set: " + string.Join("; ", notes);
        return true;
    }

    /// <summary>upstream's mergeContainerResources: "cpu, memory request for container c", then the limits note.</summary>
    private static void Merge(V1Container c, Dictionary<string, ResourceQuantity> requests, Dictionary<string, ResourceQuantity> limits,
        string kind, List<string> notes)
    {
        c.Resources ??= new V1ResourceRequirements();
        c.Resources.Limits ??= new Dictionary<string, ResourceQuantity>();
        c.Resources.Requests ??= new Dictionary<string, ResourceQuantity>();
        var setLimits = new List<string>();
        var setRequests = new List<string>();
        foreach (var (k, v) in limits)
        {
            if (c.Resources.Limits.ContainsKey(k)) continue;
            c.Resources.Limits[k] = new ResourceQuantity(v.ToString());
            setLimits.Add(k);
        }
        foreach (var (k, v) in requests)
        {
            if (c.Resources.Requests.ContainsKey(k)) continue;
            c.Resources.Requests[k] = new ResourceQuantity(v.ToString());
            setRequests.Add(k);
        }
        if (setRequests.Count > 0) notes.Add($"{string.Join(", ", setRequests.Order(StringComparer.Ordinal))} request for {kind} {c.Name}");
        if (setLimits.Count > 0) notes.Add($"{string.Join(", ", setLimits.Order(StringComparer.Ordinal))} limit for {kind} {c.Name}");
        // Empty maps would be stored as {} where the client sent nothing.
        if (c.Resources.Limits.Count == 0) c.Resources.Limits = null;
        if (c.Resources.Requests.Count == 0) c.Resources.Requests = null;
    }
}
