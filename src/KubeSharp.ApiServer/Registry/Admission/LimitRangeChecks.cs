using System.Globalization;
using k8s.Models;
using KubeSharp.ApiMachinery.Quota;
using KubeSharp.ApiMachinery.Validation;

namespace KubeSharp.ApiServer.Registry.Admission;

/// <summary>The validating half of LimitRanger (upstream's PodValidateLimitFunc / PersistentVolumeClaimValidateLimitFunc),
/// with upstream's messages. Resource names are checked in sorted order so the message is stable.</summary>
public static class LimitRangeChecks
{
    public static void Pod(V1LimitRange range, V1Pod pod, List<string> errors)
    {
        var spec = pod.Spec ?? new V1PodSpec();
        foreach (var item in range.Spec?.Limits ?? [])
        {
            if (item.Type == "Container")
            {
                foreach (var c in (spec.Containers ?? []).Concat(spec.InitContainers ?? []))
                {
                    Bounds(item, "Container", c.Resources?.Requests, c.Resources?.Limits, errors);
                }
            }
            else if (item.Type == "Pod")
            {
                Bounds(item, "Pod", PodResources.Requests(spec, false), PodResources.Limits(spec, false), errors);
            }
        }
    }

    public static void Claim(V1LimitRange range, V1PersistentVolumeClaim claim, List<string> errors)
    {
        var requests = claim.Spec?.Resources?.Requests;
        foreach (var item in range.Spec?.Limits ?? [])
        {
            if (item.Type != "PersistentVolumeClaim") continue;
            // A claim's limits are not user input: min applies to the request, max to the request alone.
            foreach (var (name, min) in Sorted(item.Min)) Min("PersistentVolumeClaim", name, min, requests, null, errors);
            foreach (var (name, max) in Sorted(item.Max)) MaxRequest("PersistentVolumeClaim", name, max, requests, errors);
        }
    }

    private static void Bounds(V1LimitRangeItem item, string type, IDictionary<string, ResourceQuantity>? requests,
        IDictionary<string, ResourceQuantity>? limits, List<string> errors)
    {
        foreach (var (name, min) in Sorted(item.Min)) Min(type, name, min, requests, limits, errors);
        foreach (var (name, max) in Sorted(item.Max)) Max(type, name, max, requests, limits, errors);
        foreach (var (name, ratio) in Sorted(item.MaxLimitRequestRatio)) Ratio(type, name, ratio, requests, limits, errors);
    }

    private static void Min(string type, string name, ResourceQuantity enforced, IDictionary<string, ResourceQuantity>? requests,
        IDictionary<string, ResourceQuantity>? limits, List<string> errors)
    {
        var e = Quantities.Format(enforced);
        if (requests == null || !requests.TryGetValue(name, out var req))
        {
            errors.Add($"minimum {name} usage per {type} is {e}.  No request is specified");
            return;
        }
        if (V(req) < V(enforced))
        {
            errors.Add($"minimum {name} usage per {type} is {e}, but request is {Quantities.Format(req)}");
            return;
        }
        if (limits != null && limits.TryGetValue(name, out var lim) && V(lim) < V(enforced))
        {
            errors.Add($"minimum {name} usage per {type} is {e}, but limit is {Quantities.Format(lim)}");
        }
    }

    private static void Max(string type, string name, ResourceQuantity enforced, IDictionary<string, ResourceQuantity>? requests,
        IDictionary<string, ResourceQuantity>? limits, List<string> errors)
    {
        var e = Quantities.Format(enforced);
        if (limits == null || !limits.TryGetValue(name, out var lim))
        {
            errors.Add($"maximum {name} usage per {type} is {e}.  No limit is specified");
            return;
        }
        if (V(lim) > V(enforced))
        {
            errors.Add($"maximum {name} usage per {type} is {e}, but limit is {Quantities.Format(lim)}");
            return;
        }
        if (requests != null && requests.TryGetValue(name, out var req) && V(req) > V(enforced))
        {
            errors.Add($"maximum {name} usage per {type} is {e}, but request is {Quantities.Format(req)}");
        }
    }

    private static void MaxRequest(string type, string name, ResourceQuantity enforced, IDictionary<string, ResourceQuantity>? requests, List<string> errors)
    {
        var e = Quantities.Format(enforced);
        if (requests == null || !requests.TryGetValue(name, out var req))
        {
            errors.Add($"maximum {name} usage per {type} is {e}.  No request is specified");
            return;
        }
        if (V(req) > V(enforced)) errors.Add($"maximum {name} usage per {type} is {e}, but request is {Quantities.Format(req)}");
    }

    private static void Ratio(string type, string name, ResourceQuantity enforced, IDictionary<string, ResourceQuantity>? requests,
        IDictionary<string, ResourceQuantity>? limits, List<string> errors)
    {
        var e = Quantities.Format(enforced);
        if (requests == null || !requests.TryGetValue(name, out var req) || V(req) == 0)
        {
            errors.Add($"{name} max limit to request ratio per {type} is {e}, but no request is specified or request is 0");
            return;
        }
        if (limits == null || !limits.TryGetValue(name, out var lim) || V(lim) == 0)
        {
            errors.Add($"{name} max limit to request ratio per {type} is {e}, but no limit is specified or limit is 0");
            return;
        }
        var observed = V(lim) / V(req);
        if (observed > V(enforced))
        {
            // Go's %f: six decimals.
            errors.Add($"{name} max limit to request ratio per {type} is {e}, but provided ratio is {((double)observed).ToString("F6", CultureInfo.InvariantCulture)}");
        }
    }

    private static decimal V(ResourceQuantity q) => ResourceLists.ValueOf(q);

    private static IEnumerable<KeyValuePair<string, ResourceQuantity>> Sorted(IDictionary<string, ResourceQuantity>? list) =>
        (list ?? new Dictionary<string, ResourceQuantity>()).OrderBy(e => e.Key, StringComparer.Ordinal);
}
