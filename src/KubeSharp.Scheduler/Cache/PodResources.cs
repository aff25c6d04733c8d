using k8s.Models;

namespace KubeSharp.Scheduler.Cache;

/// <summary>
/// A pod's effective requests, computed as upstream's resourcehelper.PodRequests: the sum of app containers and
/// restartable (sidecar) init containers, raised to the largest need of any init container while it runs (plus the
/// sidecars started before it), plus spec.overhead.
/// </summary>
public static class PodResources
{
    /// <summary>Upstream's defaults for containers without a cpu/memory request, used only for scoring (spreading).</summary>
    public const long DefaultMilliCpuRequest = 100;
    public const long DefaultMemoryRequest = 200L * 1024 * 1024;

    public static Resource Requests(V1Pod pod) => Compute(pod, nonZero: false);

    /// <summary>Like <see cref="Requests"/> but a missing cpu/memory request counts as upstream's non-zero default.</summary>
    public static Resource NonZeroRequests(V1Pod pod) => Compute(pod, nonZero: true);

    private static Resource Compute(V1Pod pod, bool nonZero)
    {
        var total = new Resource();
        foreach (var c in pod.Spec?.Containers ?? []) total.Add(ContainerRequests(c, nonZero));
        var sidecars = new Resource();
        var initMax = new Resource();
        foreach (var c in pod.Spec?.InitContainers ?? [])
        {
            var req = ContainerRequests(c, nonZero);
            if (c.RestartPolicy == "Always")
            {
                // A sidecar keeps running next to the app containers and every later init container.
                total.Add(req);
                sidecars.Add(req);
                initMax.Max(sidecars);
            }
            else
            {
                var withSidecars = req.Clone();
                withSidecars.Add(sidecars);
                initMax.Max(withSidecars);
            }
        }
        total.Max(initMax);
        if (pod.Spec?.Overhead != null) total.Add(Resource.From(pod.Spec.Overhead));
        total.AllowedPodNumber = 0;
        return total;
    }

    private static Resource ContainerRequests(V1Container c, bool nonZero)
    {
        // The API server defaults requests to limits; read limits too in case an object skipped defaulting.
        var requests = c.Resources?.Requests;
        var limits = c.Resources?.Limits;
        var r = Resource.From(requests);
        if (limits != null)
        {
            foreach (var (name, q) in limits)
            {
                if (requests?.ContainsKey(name) == true) continue;
                r.Set(name, name == Resource.Cpu ? Quantities.Milli(q) : Quantities.Value(q));
            }
        }
        if (nonZero)
        {
            if (!Has(requests, limits, Resource.Cpu)) r.MilliCpu = DefaultMilliCpuRequest;
            if (!Has(requests, limits, Resource.MemoryName)) r.Memory = DefaultMemoryRequest;
        }
        return r;
    }

    private static bool Has(IDictionary<string, ResourceQuantity>? a, IDictionary<string, ResourceQuantity>? b, string name) =>
        a?.ContainsKey(name) == true || b?.ContainsKey(name) == true;
}
