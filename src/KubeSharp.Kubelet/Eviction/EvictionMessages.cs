using System.Globalization;
using System.Text;
using k8s.Models;

namespace KubeSharp.Kubelet.Eviction;

/// <summary>The eviction message upstream writes into the pod's status and the Evicted event, and Go's quantity formatting.</summary>
public static class EvictionMessages
{
    public static string For(V1Pod pod, Threshold threshold, SignalObservation? observation, PodUsage? usage)
    {
        var resource = EvictionSignals.Resource(threshold.Signal);
        var text = new StringBuilder($"The node was low on resource: {resource}. ");
        if (observation != null)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"Threshold quantity: {Quantity(threshold.Value.Resolve(observation.Capacity))}, available: {Quantity(observation.Available)}. ");
        }
        if (usage == null || resource is not ("memory" or "ephemeral-storage")) return text.ToString();
        foreach (var container in pod.Spec.Containers ?? [])
        {
            var used = usage.Containers.FirstOrDefault(c => c.Name == container.Name) is { } c
                ? resource == "memory" ? c.MemoryWorkingSetBytes : c.DiskBytes
                : null;
            if (used == null) continue;
            var request = container.Resources?.Requests != null && container.Resources.Requests.TryGetValue(resource, out var q) ? q : null;
            var requestBytes = request == null ? 0 : (long)Math.Ceiling(request.ToDecimal());
            if (used.Value <= requestBytes) continue;
            text.Append(CultureInfo.InvariantCulture,
                $"Container {container.Name} was using {Quantity(used.Value)}, request is {request?.ToString() ?? "0"}, has larger consumption of {resource}. ");
        }
        return text.ToString();
    }

    /// <summary>
    /// A byte count as Go's resource.Quantity prints a BinarySI value: a power-of-1024 suffix when exact, otherwise
    /// the decimal form (with a power-of-1000 suffix when exact).
    /// </summary>
    public static string Quantity(long value)
    {
        string[] binary = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];
        string[] decimalSuffixes = ["", "k", "M", "G", "T", "P", "E"];
        if (value == 0) return "0";
        if (Math.Abs(value) >= 1024 && value % 1024 == 0)
        {
            var v = value;
            var i = 0;
            while (v % 1024 == 0 && i < binary.Length - 1)
            {
                v /= 1024;
                i++;
            }
            return v.ToString(CultureInfo.InvariantCulture) + binary[i];
        }
        var d = value;
        var j = 0;
        while (d % 1000 == 0 && j < decimalSuffixes.Length - 1)
        {
            d /= 1000;
            j++;
        }
        return d.ToString(CultureInfo.InvariantCulture) + decimalSuffixes[j];
    }
}
