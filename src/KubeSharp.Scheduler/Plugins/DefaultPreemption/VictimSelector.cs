using k8s.Models;
using KubeSharp.Scheduler.Cache;
using KubeSharp.Scheduler.Framework;
using KubeSharp.Scheduler.Queue;

namespace KubeSharp.Scheduler.Plugins.DefaultPreemption;

/// <summary>
/// Upstream's SelectVictimsOnNode without PodDisruptionBudgets: remove every pod of strictly lower priority; if
/// the preemptor still does not fit, the node cannot help. Otherwise re-add the removed pods, most important
/// first (higher priority, then earlier start), keeping each one that still leaves room; the rest are victims.
/// </summary>
internal static class VictimSelector
{
    public const string NoVictims = "No preemption victims found for incoming pod";

    public static (IReadOnlyList<V1Pod> Victims, Status Status) Select(CycleState state, V1Pod pod, NodeInfo node,
        Func<CycleState, V1Pod, NodeInfo, Status> filter,
        Func<CycleState, V1Pod, V1Pod, NodeInfo, Status>? addPod = null,
        Func<CycleState, V1Pod, V1Pod, NodeInfo, Status>? removePod = null)
    {
        var priority = PodOrder.Priority(pod);
        var trimmed = node.Clone();
        // Each node's what-if gets its own copy of the plugins' cluster-wide counts (affinity, spread).
        state = state.Clone();
        var lower = new List<V1Pod>();
        foreach (var p in node.Pods)
        {
            if (PodOrder.Priority(p) >= priority) continue;
            lower.Add(p);
            trimmed.RemovePod(p.Metadata.Uid);
            if (removePod?.Invoke(state, pod, p, trimmed) is { IsSuccess: false } removed) return ([], removed);
        }
        if (lower.Count == 0) return ([], Status.Unresolvable(NoVictims));
        var fits = filter(state, pod, trimmed);
        if (!fits.IsSuccess) return ([], fits);
        lower.Sort(MoreImportantFirst);
        var victims = new List<V1Pod>();
        foreach (var p in lower)
        {
            trimmed.AddPod(p);
            if (addPod?.Invoke(state, pod, p, trimmed) is { IsSuccess: false } added) return ([], added);
            if (filter(state, pod, trimmed).IsSuccess) continue;
            trimmed.RemovePod(p.Metadata.Uid);
            removePod?.Invoke(state, pod, p, trimmed);
            victims.Add(p);
        }
        // All of them fit back: the pod fits without preemption (a race with a pod leaving); nothing to evict.
        return victims.Count == 0 ? ([], Status.Unresolvable(NoVictims)) : (victims, Status.Success);
    }

    /// <summary>Upstream MoreImportantPod: higher priority, then the earlier start; the name keeps it deterministic.</summary>
    public static int MoreImportantFirst(V1Pod a, V1Pod b)
    {
        var byPriority = PodOrder.Priority(b).CompareTo(PodOrder.Priority(a));
        if (byPriority != 0) return byPriority;
        var byStart = StartTime(a).CompareTo(StartTime(b));
        return byStart != 0 ? byStart : string.CompareOrdinal(a.Metadata.Name, b.Metadata.Name);
    }

    /// <summary>status.startTime, else creationTimestamp (upstream GetPodStartTime).</summary>
    public static DateTime StartTime(V1Pod pod) => pod.Status?.StartTime ?? pod.Metadata.CreationTimestamp ?? DateTime.MinValue;
}
