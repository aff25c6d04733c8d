using k8s.Models;
using KubeSharp.Scheduler.Cache;
using KubeSharp.Scheduler.Framework;
using KubeSharp.Scheduler.Queue;

namespace KubeSharp.Scheduler.Plugins.DefaultPreemption;

/// <summary>
/// Upstream's SelectVictimsOnNode: remove every pod of strictly lower priority; if the preemptor still does not
/// fit, the node cannot help. Otherwise re-add the removed pods, keeping each one that still leaves room; the rest
/// are victims. Pods whose eviction would break a PodDisruptionBudget get this reprieve first, then the others,
/// each group most important first (higher priority, then earlier start); the victims that still break a budget
/// are counted, so that the candidate with the fewest such evictions can be preferred.
/// </summary>
internal static class VictimSelector
{
    public const string NoVictims = "No preemption victims found for incoming pod";

    public static (IReadOnlyList<V1Pod> Victims, Status Status) Select(CycleState state, V1Pod pod, NodeInfo node,
        Func<CycleState, V1Pod, NodeInfo, Status> filter,
        Func<CycleState, V1Pod, V1Pod, NodeInfo, Status>? addPod = null,
        Func<CycleState, V1Pod, V1Pod, NodeInfo, Status>? removePod = null)
    {
        var (victims, _, status) = Select(state, pod, node, [], filter, addPod, removePod);
        return (victims, status);
    }

    public static (IReadOnlyList<V1Pod> Victims, int PdbViolations, Status Status) Select(CycleState state, V1Pod pod, NodeInfo node,
        IReadOnlyList<V1PodDisruptionBudget> pdbs,
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
            if (removePod?.Invoke(state, pod, p, trimmed) is { IsSuccess: false } removed) return ([], 0, removed);
        }
        if (lower.Count == 0) return ([], 0, Status.Unresolvable(NoVictims));
        var fits = filter(state, pod, trimmed);
        if (!fits.IsSuccess) return ([], 0, fits);
        lower.Sort(MoreImportantFirst);
        var (violating, nonViolating) = PdbViolations.Split(lower, pdbs);
        var victims = new List<V1Pod>();
        var violations = 0;
        foreach (var p in violating)
        {
            var (reprieved, error) = Reprieve(state, pod, p, trimmed, filter, addPod, removePod, victims);
            if (error != null) return ([], 0, error);
            if (!reprieved) violations++;
        }
        foreach (var p in nonViolating)
        {
            var (_, error) = Reprieve(state, pod, p, trimmed, filter, addPod, removePod, victims);
            if (error != null) return ([], 0, error);
        }
        // All of them fit back: the pod fits without preemption (a race with a pod leaving); nothing to evict.
        if (victims.Count == 0) return ([], 0, Status.Unresolvable(NoVictims));
        // Two passes may have interleaved priorities: victims are reported most important first, as upstream.
        if (violating.Count > 0 && nonViolating.Count > 0) victims.Sort(MoreImportantFirst);
        return (victims, violations, Status.Success);
    }

    /// <summary>Puts the pod back; if the preemptor no longer fits, takes it out again as a victim.</summary>
    private static (bool Reprieved, Status? Error) Reprieve(CycleState state, V1Pod pod, V1Pod p, NodeInfo trimmed,
        Func<CycleState, V1Pod, NodeInfo, Status> filter,
        Func<CycleState, V1Pod, V1Pod, NodeInfo, Status>? addPod,
        Func<CycleState, V1Pod, V1Pod, NodeInfo, Status>? removePod,
        List<V1Pod> victims)
    {
        trimmed.AddPod(p);
        if (addPod?.Invoke(state, pod, p, trimmed) is { IsSuccess: false } added) return (false, added);
        if (filter(state, pod, trimmed).IsSuccess) return (true, null);
        trimmed.RemovePod(p.Metadata.Uid);
        removePod?.Invoke(state, pod, p, trimmed);
        victims.Add(p);
        return (false, null);
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
