using k8s.Models;
using KubeSharp.ApiMachinery.Validation;

namespace KubeSharp.ApiMachinery.Defaulting;

/// <summary>
/// upstream's ComputePodQOS: BestEffort without any cpu/memory request or limit; Guaranteed when every container
/// (init included) limits both cpu and memory and the summed requests equal the summed limits; Burstable otherwise.
/// </summary>
public static class PodQos
{
    private static readonly string[] QosResources = ["cpu", "memory"];

    public static string Compute(V1PodSpec spec)
    {
        var requests = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var limits = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var guaranteed = true;
        foreach (var ctr in (spec.Containers ?? []).Concat(spec.InitContainers ?? []))
        {
            Sum(ctr.Resources?.Requests, requests);
            var found = Sum(ctr.Resources?.Limits, limits);
            if (!found.Contains("cpu") || !found.Contains("memory"))
            {
                guaranteed = false;
            }
        }
        if (requests.Count == 0 && limits.Count == 0)
        {
            return "BestEffort";
        }
        if (guaranteed && requests.All(r => limits.TryGetValue(r.Key, out var l) && l == r.Value) && requests.Count == limits.Count)
        {
            return "Guaranteed";
        }
        return "Burstable";
    }

    /// <summary>Adds the positive cpu/memory quantities to the totals; returns the names found.</summary>
    private static HashSet<string> Sum(IDictionary<string, ResourceQuantity>? list, Dictionary<string, decimal> totals)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, quantity) in list ?? new Dictionary<string, ResourceQuantity>())
        {
            if (Array.IndexOf(QosResources, name) < 0 || Quantities.Value(quantity) is not { } value || value <= 0)
            {
                continue;
            }
            found.Add(name);
            totals[name] = totals.GetValueOrDefault(name) + value;
        }
        return found;
    }
}
