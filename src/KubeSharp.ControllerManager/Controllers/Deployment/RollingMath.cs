using System.Globalization;
using k8s.Models;

namespace KubeSharp.ControllerManager.Controllers.Deployment;

/// <summary>
/// maxSurge / maxUnavailable arithmetic (upstream's intstr.GetScaledValueFromIntOrPercent and deploymentutil's
/// ResolveFenceposts, MaxSurge, MaxUnavailable, NewRSNewReplicas). Surge rounds up, unavailability rounds down.
/// </summary>
internal static class RollingMath
{
    public const string RollingUpdate = "RollingUpdate";
    public const string Recreate = "Recreate";

    /// <summary>An int as is; "N%" of <paramref name="total"/>, rounded up or down. Anything else is rejected.</summary>
    public static int ScaledValue(IntOrString? value, int total, bool roundUp)
    {
        var text = value?.Value;
        if (string.IsNullOrEmpty(text)) return 0;
        if (!text.EndsWith('%'))
        {
            return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
                ? n
                : throw new FormatException($"invalid value for IntOrString: invalid type: string is not a percentage: \"{text}\"");
        }
        if (!int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var percent))
        {
            throw new FormatException($"invalid value \"{text}\": not a percentage");
        }
        var exact = (double)percent * total / 100;
        return (int)(roundUp ? Math.Ceiling(exact) : Math.Floor(exact));
    }

    /// <summary>
    /// Both limits for <paramref name="desired"/> replicas. When both resolve to zero (a small percentage rounded
    /// down) unavailability becomes 1, as upstream does, on the theory that surge may be blocked by quota.
    /// </summary>
    public static (int Surge, int Unavailable) ResolveFenceposts(IntOrString? maxSurge, IntOrString? maxUnavailable, int desired)
    {
        var surge = ScaledValue(maxSurge, desired, true);
        var unavailable = ScaledValue(maxUnavailable, desired, false);
        if (surge == 0 && unavailable == 0) unavailable = 1;
        return (surge, unavailable);
    }

    public static bool IsRollingUpdate(V1Deployment d) => d.Spec?.Strategy?.Type == RollingUpdate;

    public static int Replicas(V1Deployment d) => d.Spec?.Replicas ?? 1;

    public static int MaxSurge(V1Deployment d)
    {
        if (!IsRollingUpdate(d)) return 0;
        var ru = d.Spec.Strategy.RollingUpdate;
        return ResolveFenceposts(ru?.MaxSurge, ru?.MaxUnavailable, Replicas(d)).Surge;
    }

    /// <summary>Never more than spec.replicas; zero for Recreate and for a Deployment scaled to zero.</summary>
    public static int MaxUnavailable(V1Deployment d)
    {
        if (!IsRollingUpdate(d) || Replicas(d) == 0) return 0;
        var ru = d.Spec.Strategy.RollingUpdate;
        var unavailable = ResolveFenceposts(ru?.MaxSurge, ru?.MaxUnavailable, Replicas(d)).Unavailable;
        return Math.Min(unavailable, Replicas(d));
    }

    /// <summary>
    /// How far the new ReplicaSet may grow now: RollingUpdate keeps the total of all ReplicaSets at or below
    /// replicas + maxSurge; Recreate goes straight to replicas (old pods are gone by then).
    /// </summary>
    public static int NewRSNewReplicas(V1Deployment d, IEnumerable<V1ReplicaSet?> allRSs, V1ReplicaSet newRS)
    {
        var desired = Replicas(d);
        var current = ReplicaSets.Replicas(newRS);
        if (!IsRollingUpdate(d)) return desired;
        var maxTotal = desired + ScaledValue(d.Spec.Strategy.RollingUpdate?.MaxSurge, desired, true);
        var currentPods = ReplicaSets.SpecReplicas(allRSs);
        if (currentPods >= maxTotal) return current;
        var scaleUp = Math.Min(maxTotal - currentPods, desired - current);
        return current + scaleUp;
    }

    /// <summary>
    /// How many replicas of an old ReplicaSet cleanupUnhealthyReplicas removes: its not-available ones, at most
    /// <paramref name="budget"/>; 0 when it has none (or no replicas). A status that still counts more available
    /// pods than spec.replicas (the ReplicaSet was just scaled down and its controller has not reported yet) would
    /// give a negative count, i.e. a scale-up of an old ReplicaSet: pods created only to be deleted again. Upstream
    /// refuses that with an error (the sync is retried once the status caught up), and so does this.
    /// </summary>
    public static int UnhealthyToCleanUp(V1ReplicaSet rs, int budget)
    {
        var replicas = ReplicaSets.Replicas(rs);
        var available = rs.Status?.AvailableReplicas ?? 0;
        if (replicas == 0 || replicas == available || budget <= 0) return 0;
        var count = Math.Min(budget, replicas - available);
        if (count < 0)
        {
            throw new InvalidOperationException(
                $"when cleaning up unhealthy replicas, got invalid request to scale down {rs.Metadata?.NamespaceProperty}/{rs.Metadata?.Name} {replicas} -> {replicas - count}");
        }
        return count;
    }
}
