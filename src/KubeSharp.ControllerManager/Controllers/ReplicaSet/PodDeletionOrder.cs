using k8s.Models;
using KubeSharp.ControllerManager.Shared;

namespace KubeSharp.ControllerManager.Controllers.ReplicaSet;

/// <summary>
/// Orders pods from least to most valuable, the order a scale-down deletes them in (upstream's
/// controller.ActivePods): unscheduled before scheduled, Pending before Unknown before Running, not ready before
/// ready, ready for less time, more container restarts first, newer first.
/// </summary>
internal sealed class PodDeletionOrder : IComparer<V1Pod>
{
    public static readonly PodDeletionOrder Instance = new();

    public int Compare(V1Pod? x, V1Pod? y)
    {
        if (x == null || y == null) return x == null ? (y == null ? 0 : -1) : 1;
        var c = Scheduled(x).CompareTo(Scheduled(y));
        if (c != 0) return c;
        c = PhaseRank(x).CompareTo(PhaseRank(y));
        if (c != 0) return c;
        c = PodState.IsReady(x).CompareTo(PodState.IsReady(y));
        if (c != 0) return c;
        if (PodState.IsReady(x))
        {
            // Both ready: the one ready for less time goes first (a later transition sorts first).
            c = ReadySince(y).CompareTo(ReadySince(x));
            if (c != 0) return c;
        }
        c = PodState.Restarts(y).CompareTo(PodState.Restarts(x));
        if (c != 0) return c;
        return Created(y).CompareTo(Created(x));
    }

    private static bool Scheduled(V1Pod p) => !string.IsNullOrEmpty(p.Spec?.NodeName);

    private static int PhaseRank(V1Pod p) => p.Status?.Phase switch
    {
        "Pending" or null or "" => 0,
        "Unknown" => 1,
        "Running" => 2,
        _ => 3,
    };

    /// <summary>An unknown ready time counts as "just now", as upstream treats an empty time as the smallest age.</summary>
    private static DateTime ReadySince(V1Pod p) => PodState.ReadyCondition(p)?.LastTransitionTime ?? DateTime.MaxValue;

    private static DateTime Created(V1Pod p) => p.Metadata?.CreationTimestamp ?? DateTime.MinValue;
}
