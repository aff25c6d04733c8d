using System.Globalization;
using k8s;
using k8s.Models;
using KubeSharp.ApiMachinery.Resources;
using KubeSharp.ApiMachinery.Serialization;
using KubeSharp.ApiServer.Cache;
using KubeSharp.ApiServer.Http;

namespace KubeSharp.ApiServer.Registry.Admission;

/// <summary>
/// Upstream's Priority admission plugin: a pod's spec.priority (and preemptionPolicy) come from its
/// priorityClassName, or from the globalDefault class, or 0; a class that does not exist is a 403, and a client may
/// not set a priority that disagrees with its class.
/// </summary>
public sealed class PriorityAdmission(CacheFeeder feeder) : IAdmissionPlugin
{
    private static readonly ResourceInfo Pods = ResourceTable.Find("", "pods")!;
    private static readonly ResourceInfo PriorityClasses = ResourceTable.Find("scheduling.k8s.io", "priorityclasses")!;

    public async Task AdmitCreateAsync(ResourceInfo resource, IKubernetesObject<V1ObjectMeta> obj, CancellationToken cancellationToken)
    {
        if (resource != Pods || obj is not V1Pod pod) return;
        pod.Spec ??= new V1PodSpec();
        var classes = feeder.For(PriorityClasses);
        V1PriorityClass? pc = null;
        if (!string.IsNullOrEmpty(pod.Spec.PriorityClassName))
        {
            var cached = classes.Get(PriorityClasses.KeyPrefix + pod.Spec.PriorityClassName);
            if (cached == null)
            {
                // A class created a moment ago may not be in the cache yet.
                await feeder.WaitFreshAsync(cancellationToken);
                cached = classes.Get(PriorityClasses.KeyPrefix + pod.Spec.PriorityClassName)
                    ?? throw Errors.Forbidden(resource, pod.Metadata.Name, $"no PriorityClass with name {pod.Spec.PriorityClassName} was found");
            }
            pc = KubeJson.Deserialize<V1PriorityClass>(cached.Json);
        }
        else if (classes.Count > 0)
        {
            foreach (var cached in classes.List(SelectorFilter.Everything, feeder.Revision, null).Items)
            {
                // Only global defaults matter here; skip the decode for the (usual) classes that are not.
                if (cached.Json.AsSpan().IndexOf("\"globalDefault\":true"u8) < 0) continue;
                var candidate = KubeJson.Deserialize<V1PriorityClass>(cached.Json);
                if (candidate.GlobalDefault == true && (pc == null || candidate.Value < pc.Value)) pc = candidate;
            }
            if (pc != null) pod.Spec.PriorityClassName = pc.Metadata.Name;
        }
        var priority = pc?.Value ?? 0;
        if (pod.Spec.Priority is { } given && given != priority)
        {
            throw Errors.Forbidden(resource, pod.Metadata.Name,
                $"the integer value of priority ({given.ToString(CultureInfo.InvariantCulture)}) must not be provided in pod spec; priority admission controller computed {priority.ToString(CultureInfo.InvariantCulture)} from the given PriorityClass name");
        }
        pod.Spec.Priority = priority;
        pod.Spec.PreemptionPolicy ??= pc?.PreemptionPolicy ?? "PreemptLowerPriority";
    }
}
