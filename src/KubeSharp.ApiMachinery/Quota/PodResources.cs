using k8s.Models;

namespace KubeSharp.ApiMachinery.Quota;

/// <summary>
/// A pod's effective requests and limits (upstream's resourcehelper.PodRequests/PodLimits): the sum over app
/// containers, raised to the largest init container (restartable "sidecar" init containers add to the running sum
/// instead), optionally plus the pod overhead.
/// </summary>
public static class PodResources
{
    public static Dictionary<string, ResourceQuantity> Requests(V1PodSpec spec, bool includeOverhead) =>
        Aggregate(spec, c => c.Resources?.Requests, includeOverhead ? spec.Overhead : null, overheadOnlyWhereSet: false);

    public static Dictionary<string, ResourceQuantity> Limits(V1PodSpec spec, bool includeOverhead) =>
        Aggregate(spec, c => c.Resources?.Limits, includeOverhead ? spec.Overhead : null, overheadOnlyWhereSet: true);

    private static Dictionary<string, ResourceQuantity> Aggregate(V1PodSpec spec, Func<V1Container, IDictionary<string, ResourceQuantity>?> select,
        IDictionary<string, ResourceQuantity>? overhead, bool overheadOnlyWhereSet)
    {
        var sum = ResourceLists.Empty();
        foreach (var c in spec.Containers ?? []) sum = ResourceLists.Add(sum, select(c));
        var sidecars = ResourceLists.Empty();
        var initMax = ResourceLists.Empty();
        foreach (var c in spec.InitContainers ?? [])
        {
            var own = select(c);
            Dictionary<string, ResourceQuantity> candidate;
            if (c.RestartPolicy == "Always")
            {
                // A sidecar keeps running next to the app containers, and next to every later init container.
                sum = ResourceLists.Add(sum, own);
                sidecars = ResourceLists.Add(sidecars, own);
                candidate = sidecars;
            }
            else
            {
                candidate = ResourceLists.Add(own, sidecars);
            }
            Max(initMax, candidate);
        }
        Max(sum, initMax);
        foreach (var (name, q) in overhead ?? ResourceLists.Empty())
        {
            if (overheadOnlyWhereSet && !sum.ContainsKey(name)) continue;
            sum = ResourceLists.Add(sum, new Dictionary<string, ResourceQuantity> { [name] = q });
        }
        return sum;
    }

    private static void Max(Dictionary<string, ResourceQuantity> into, IDictionary<string, ResourceQuantity> other)
    {
        foreach (var (k, v) in other)
        {
            if (!into.TryGetValue(k, out var have) || ResourceLists.ValueOf(v) > ResourceLists.ValueOf(have)) into[k] = ResourceLists.Copy(v);
        }
    }
}
