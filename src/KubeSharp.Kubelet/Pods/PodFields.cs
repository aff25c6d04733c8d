using System.Globalization;
using k8s.Models;

namespace KubeSharp.Kubelet.Pods;

/// <summary>
/// The downward API's field and resource references, shared by env vars (valueFrom) and downwardAPI volumes.
/// Values follow upstream: labels/annotations as sorted key="value" lines, CPU rounded up to the divisor.
/// </summary>
internal static class PodFields
{
    /// <summary>Resolves a fieldRef path; null for an unsupported path.</summary>
    public static string? Field(V1Pod pod, string path, IReadOnlyList<string> podIps, IReadOnlyList<string> hostIps)
    {
        var meta = pod.Metadata;
        switch (path)
        {
            case "metadata.name": return meta.Name;
            case "metadata.namespace": return meta.NamespaceProperty;
            case "metadata.uid": return meta.Uid;
            case "metadata.labels": return FormatMap(meta.Labels);
            case "metadata.annotations": return FormatMap(meta.Annotations);
            case "spec.nodeName": return pod.Spec.NodeName ?? "";
            case "spec.serviceAccountName": return pod.Spec.ServiceAccountName ?? "";
            case "status.hostIP": return hostIps.Count > 0 ? hostIps[0] : "";
            case "status.hostIPs": return string.Join(",", hostIps);
            case "status.podIP": return podIps.Count > 0 ? podIps[0] : "";
            case "status.podIPs": return string.Join(",", podIps);
        }
        if (TrySubscript(path, "metadata.labels", out var label)) return meta.Labels != null && meta.Labels.TryGetValue(label, out var l) ? l : "";
        if (TrySubscript(path, "metadata.annotations", out var annotation)) return meta.Annotations != null && meta.Annotations.TryGetValue(annotation, out var a) ? a : "";
        return null;
    }

    /// <summary>limits.cpu, requests.memory... of <paramref name="container"/>; unset limits fall back to node allocatable.</summary>
    public static string? Resource(V1Container container, V1ResourceFieldSelector selector, IDictionary<string, ResourceQuantity>? allocatable)
    {
        var parts = selector.Resource.Split('.', 2);
        if (parts.Length != 2 || (parts[0] != "limits" && parts[0] != "requests")) return null;
        var kind = parts[0];
        var name = parts[1];
        var list = kind == "limits" ? container.Resources?.Limits : container.Resources?.Requests;
        ResourceQuantity? quantity = null;
        if (list != null && list.TryGetValue(name, out var q)) quantity = q;
        if (quantity == null && kind == "limits" && allocatable != null && allocatable.TryGetValue(name, out var a)) quantity = a;
        var value = quantity?.ToDecimal() ?? 0;
        var divisor = selector.Divisor?.ToDecimal() ?? 0;
        if (divisor == 0) divisor = 1;
        if (name == "cpu")
        {
            // Upstream: ceil(milliValue / divisor.milliValue), so 250m with divisor 1 is "1".
            var milli = Math.Ceiling(value * 1000);
            var divisorMilli = Math.Ceiling(divisor * 1000);
            return ((long)Math.Ceiling(milli / divisorMilli)).ToString(CultureInfo.InvariantCulture);
        }
        return ((long)Math.Ceiling(value / divisor)).ToString(CultureInfo.InvariantCulture);
    }

    private static bool TrySubscript(string path, string prefix, out string key)
    {
        key = "";
        if (!path.StartsWith(prefix + "['", StringComparison.Ordinal) || !path.EndsWith("']", StringComparison.Ordinal)) return false;
        key = path[(prefix.Length + 2)..^2];
        return true;
    }

    private static string FormatMap(IDictionary<string, string>? map)
    {
        if (map == null || map.Count == 0) return "";
        return string.Join("\n", map.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}=\"{Escape(kv.Value)}\""));
    }

    private static string Escape(string value) => value.Replace("\\", "\\\\").Replace("\n", "\\n").Replace("\"", "\\\"");
}
