using k8s.Models;

namespace KubeSharp.Kubelet.Eviction;

/// <summary>
/// The order in which pods are evicted for a signal, as upstream ranks them. Memory and disk: pods using more than
/// they requested first, then lower priority first, then larger usage above the request first. PIDs: lower
/// priority, then more processes. Pods without stats come first in every usage comparison (upstream does the same:
/// nothing is known to protect them). Inode signals are ranked by disk bytes (per-pod inode counts are not read).
/// </summary>
public static class PodRanking
{
    public static List<V1Pod> Rank(string signal, IEnumerable<V1Pod> pods, Func<V1Pod, PodUsage?> stats)
    {
        var list = pods.ToList();
        Comparison<V1Pod> order = EvictionSignals.Resource(signal) switch
        {
            "memory" => Chain(Exceeds(stats, "memory", u => u.MemoryWorkingSetBytes), ByPriority, AboveRequest(stats, "memory", u => u.MemoryWorkingSetBytes)),
            "pids" => Chain(ByPriority, Larger(stats, u => u.Processes)),
            _ => Chain(Exceeds(stats, "ephemeral-storage", u => u.DiskBytes), ByPriority, AboveRequest(stats, "ephemeral-storage", u => u.DiskBytes)),
        };
        // A stable sort, so equal pods keep the caller's order.
        return list.Select((pod, index) => (pod, index))
            .OrderBy(x => x, Comparer<(V1Pod Pod, int Index)>.Create((a, b) => order(a.Pod, b.Pod) is var c && c != 0 ? c : a.Index.CompareTo(b.Index)))
            .Select(x => x.pod)
            .ToList();
    }

    /// <summary>upstream's podRequest: the larger of the containers' sum and the largest init container.</summary>
    public static long Request(V1Pod pod, string resource)
    {
        static long Of(V1Container c, string resource) =>
            c.Resources?.Requests != null && c.Resources.Requests.TryGetValue(resource, out var q) ? (long)Math.Ceiling(q.ToDecimal()) : 0;
        var containers = (pod.Spec.Containers ?? []).Sum(c => Of(c, resource));
        var init = (pod.Spec.InitContainers ?? []).Select(c => Of(c, resource)).DefaultIfEmpty(0).Max();
        return Math.Max(containers, init);
    }

    public static int Priority(V1Pod pod) => pod.Spec.Priority ?? 0;

    private static int ByPriority(V1Pod a, V1Pod b) => Priority(a).CompareTo(Priority(b));

    private static Comparison<V1Pod> Exceeds(Func<V1Pod, PodUsage?> stats, string resource, Func<PodUsage, long?> usage) => (a, b) =>
    {
        var (ua, ub) = (Usage(stats, a, usage), Usage(stats, b, usage));
        if (ua == null || ub == null) return TrueFirst(ua == null, ub == null);
        return TrueFirst(ua > Request(a, resource), ub > Request(b, resource));
    };

    private static Comparison<V1Pod> AboveRequest(Func<V1Pod, PodUsage?> stats, string resource, Func<PodUsage, long?> usage) => (a, b) =>
    {
        var (ua, ub) = (Usage(stats, a, usage), Usage(stats, b, usage));
        if (ua == null || ub == null) return TrueFirst(ua == null, ub == null);
        return (ub.Value - Request(b, resource)).CompareTo(ua.Value - Request(a, resource));
    };

    private static Comparison<V1Pod> Larger(Func<V1Pod, PodUsage?> stats, Func<PodUsage, long?> usage) => (a, b) =>
    {
        var (ua, ub) = (Usage(stats, a, usage), Usage(stats, b, usage));
        if (ua == null || ub == null) return TrueFirst(ua == null, ub == null);
        return ub.Value.CompareTo(ua.Value);
    };

    private static long? Usage(Func<V1Pod, PodUsage?> stats, V1Pod pod, Func<PodUsage, long?> usage) =>
        stats(pod) is { } u ? usage(u) : null;

    private static int TrueFirst(bool a, bool b) => a == b ? 0 : a ? -1 : 1;

    private static Comparison<V1Pod> Chain(params Comparison<V1Pod>[] comparisons) => (a, b) =>
    {
        foreach (var c in comparisons)
        {
            var result = c(a, b);
            if (result != 0) return result;
        }
        return 0;
    };
}
