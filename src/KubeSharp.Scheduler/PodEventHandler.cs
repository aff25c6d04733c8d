using k8s.Models;
using KubeSharp.Client.Informers;
using KubeSharp.Scheduler.Cache;
using KubeSharp.Scheduler.Plugins;
using KubeSharp.Scheduler.Queue;

namespace KubeSharp.Scheduler;

/// <summary>
/// Routes pod changes (upstream eventhandlers.go): pending pods of this scheduler go to the queue; assigned pods
/// go to the cache. Terminal pods free their node, as upstream's informer excludes Succeeded/Failed pods.
/// </summary>
internal sealed class PodEventHandler(IReadOnlySet<string> schedulerNames, SchedulerCache cache, SchedulingQueue queue) : IResourceEventHandler<V1Pod>
{
    public PodEventHandler(string schedulerName, SchedulerCache cache, SchedulingQueue queue)
        : this(new HashSet<string>(StringComparer.Ordinal) { schedulerName }, cache, queue)
    {
    }

    public void OnAdd(V1Pod pod)
    {
        if (IsAssigned(pod))
        {
            if (IsTerminal(pod)) return;
            cache.AddPod(pod);
            // A new pod in a domain may satisfy a waiting pod's affinity or even out a spread constraint.
            queue.MoveToActiveOrBackoff(RejectedByPodPlacement);
        }
        else if (IsResponsible(pod))
        {
            queue.Add(pod);
        }
    }

    public void OnUpdate(V1Pod oldPod, V1Pod newPod)
    {
        if (IsAssigned(newPod))
        {
            if (!IsAssigned(oldPod)) queue.Delete(oldPod);
            if (IsTerminal(newPod))
            {
                cache.RemovePod(newPod);
                queue.MoveAllToActiveOrBackoff();
            }
            else
            {
                cache.UpdatePod(newPod);
                if (!IsAssigned(oldPod) || !SameLabels(oldPod, newPod)) queue.MoveToActiveOrBackoff(RejectedByPodPlacement);
            }
            return;
        }
        if (!IsResponsible(newPod))
        {
            // Finished, being deleted, or handed to another scheduler while pending: no longer ours to place.
            queue.Delete(newPod);
            return;
        }
        // Identical objects (resync) and assumed pods (bound, binding not yet seen) need no new attempt.
        if (oldPod.Metadata.ResourceVersion == newPod.Metadata.ResourceVersion) return;
        if (cache.IsAssumed(newPod.Metadata.Uid)) return;
        queue.Update(oldPod, newPod);
    }

    public void OnDelete(V1Pod pod, bool finalStateUnknown)
    {
        if (IsAssigned(pod))
        {
            cache.RemovePod(pod);
            // Freed capacity may let a waiting pod fit.
            queue.MoveAllToActiveOrBackoff();
        }
        else if (IsResponsible(pod))
        {
            queue.Delete(pod);
        }
    }

    /// <summary>Plugins that count other pods by their labels: an assigned pod's arrival or relabelling can change their answer.</summary>
    private static bool RejectedByPodPlacement(QueuedPodInfo info) =>
        info.UnschedulablePlugins.Contains(PluginNames.InterPodAffinity) || info.UnschedulablePlugins.Contains(PluginNames.PodTopologySpread);

    private static bool SameLabels(V1Pod a, V1Pod b)
    {
        var x = a.Metadata.Labels;
        var y = b.Metadata.Labels;
        if (x == null || y == null) return (x?.Count ?? 0) == (y?.Count ?? 0);
        return x.Count == y.Count && x.All(kv => y.TryGetValue(kv.Key, out var v) && v == kv.Value);
    }

    private static bool IsAssigned(V1Pod pod) => !string.IsNullOrEmpty(pod.Spec?.NodeName);

    private static bool IsTerminal(V1Pod pod) => pod.Status?.Phase is "Succeeded" or "Failed";

    // The API server defaults an empty schedulerName to "default-scheduler".
    private bool IsResponsible(V1Pod pod) =>
        schedulerNames.Contains(string.IsNullOrEmpty(pod.Spec?.SchedulerName) ? "default-scheduler" : pod.Spec.SchedulerName)
        && !IsTerminal(pod) && pod.Metadata.DeletionTimestamp == null;
}
