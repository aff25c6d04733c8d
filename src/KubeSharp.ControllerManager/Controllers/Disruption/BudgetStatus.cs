using k8s.Models;
using KubeSharp.ControllerManager.Shared;

namespace KubeSharp.ControllerManager.Controllers.Disruption;

/// <summary>
/// The status arithmetic of upstream's disruption controller (trySync, buildDisruptedPodMap, countHealthyPods,
/// updatePdbStatus, failSafe), free of I/O so it can be tested row by row.
/// </summary>
internal static class BudgetStatus
{
    /// <summary>How long a pod the eviction API admitted may take to be deleted before it counts again (upstream DeletionTimeout).</summary>
    public static readonly TimeSpan DeletionTimeout = TimeSpan.FromMinutes(2);

    public const string ConditionType = "DisruptionAllowed";
    public const string SufficientPods = "SufficientPods";
    public const string InsufficientPods = "InsufficientPods";
    public const string SyncFailed = "SyncFailed";

    /// <summary>
    /// Keeps the entries of status.disruptedPods whose pod still exists, is not being deleted and is within the
    /// deletion timeout; returns them, the earliest time one of them expires (to look again then), and the pods
    /// whose eviction was admitted but which were never deleted.
    /// </summary>
    public static (Dictionary<string, DateTime> Disrupted, DateTimeOffset? RecheckAt, List<V1Pod> NotDeleted) DisruptedPods(
        V1PodDisruptionBudget pdb, IReadOnlyList<V1Pod> pods, DateTimeOffset now)
    {
        var result = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        var notDeleted = new List<V1Pod>();
        DateTimeOffset? recheck = null;
        var recorded = pdb.Status?.DisruptedPods;
        if (recorded == null || recorded.Count == 0) return (result, null, notDeleted);
        foreach (var pod in pods)
        {
            if (pod.Metadata.DeletionTimestamp != null) continue;
            if (!recorded.TryGetValue(pod.Metadata.Name, out var recordedAt) || recordedAt is not { } at) continue;
            var expectedDeletion = Utc(at) + DeletionTimeout;
            if (expectedDeletion < now)
            {
                notDeleted.Add(pod);
                continue;
            }
            if (recheck == null || expectedDeletion < recheck) recheck = expectedDeletion;
            result[pod.Metadata.Name] = at;
        }
        return (result, recheck, notDeleted);
    }

    /// <summary>Ready pods that are neither being deleted nor admitted for eviction within the timeout.</summary>
    public static int CountHealthy(IReadOnlyList<V1Pod> pods, IReadOnlyDictionary<string, DateTime> disrupted, DateTimeOffset now)
    {
        var healthy = 0;
        foreach (var pod in pods)
        {
            if (pod.Metadata.DeletionTimestamp != null) continue;
            if (disrupted.TryGetValue(pod.Metadata.Name, out var at) && Utc(at) + DeletionTimeout > now) continue;
            if (PodState.IsReady(pod)) healthy++;
        }
        return healthy;
    }

    /// <summary>
    /// The status to write, or null when the current one already says all of it. disruptionsAllowed is zero
    /// while no pods are expected, so a budget whose first pods appear before this controller has looked at them
    /// does not allow evicting them.
    /// </summary>
    public static V1PodDisruptionBudgetStatus? Desired(V1PodDisruptionBudget pdb, int currentHealthy, int desiredHealthy, int expected,
        Dictionary<string, DateTime> disrupted, DateTimeOffset now)
    {
        var allowed = currentHealthy - desiredHealthy;
        if (expected <= 0 || allowed <= 0) allowed = 0;
        var status = pdb.Status;
        var generation = pdb.Metadata.Generation ?? 0;
        if (status != null && status.CurrentHealthy == currentHealthy && status.DesiredHealthy == desiredHealthy
            && status.ExpectedPods == expected && status.DisruptionsAllowed == allowed && SameDisrupted(status.DisruptedPods, disrupted)
            && status.ObservedGeneration == generation && ConditionsUpToDate(pdb))
        {
            return null;
        }
        var next = new V1PodDisruptionBudgetStatus
        {
            CurrentHealthy = currentHealthy,
            DesiredHealthy = desiredHealthy,
            ExpectedPods = expected,
            DisruptionsAllowed = allowed,
            DisruptedPods = disrupted.Count == 0 ? null : disrupted.ToDictionary(kv => kv.Key, kv => (DateTime?)kv.Value, StringComparer.Ordinal),
            ObservedGeneration = generation,
            Conditions = CopyConditions(status?.Conditions),
        };
        SetCondition(next.Conditions, allowed > 0
            ? new V1Condition { Type = ConditionType, Status = "True", Reason = SufficientPods, Message = "", ObservedGeneration = generation }
            : new V1Condition { Type = ConditionType, Status = "False", Reason = InsufficientPods, Message = "", ObservedGeneration = generation }, now);
        return next;
    }

    /// <summary>Upstream's failSafe: when the status cannot be worked out, allow no disruptions and say why.</summary>
    public static V1PodDisruptionBudgetStatus FailSafe(V1PodDisruptionBudget pdb, string error, DateTimeOffset now)
    {
        var status = pdb.Status ?? new V1PodDisruptionBudgetStatus();
        var next = new V1PodDisruptionBudgetStatus
        {
            CurrentHealthy = status.CurrentHealthy,
            DesiredHealthy = status.DesiredHealthy,
            ExpectedPods = status.ExpectedPods,
            DisruptionsAllowed = 0,
            DisruptedPods = status.DisruptedPods,
            ObservedGeneration = status.ObservedGeneration,
            Conditions = CopyConditions(status.Conditions),
        };
        SetCondition(next.Conditions, new V1Condition
        {
            Type = ConditionType, Status = "False", Reason = SyncFailed, Message = error, ObservedGeneration = status.ObservedGeneration,
        }, now);
        return next;
    }

    /// <summary>Upstream's pdbhelper.ConditionsAreUpToDate.</summary>
    public static bool ConditionsUpToDate(V1PodDisruptionBudget pdb)
    {
        var condition = pdb.Status?.Conditions?.FirstOrDefault(c => c.Type == ConditionType);
        var generation = pdb.Metadata.Generation ?? 0;
        if (condition == null || pdb.Status!.ObservedGeneration != generation || condition.ObservedGeneration != generation) return false;
        return pdb.Status.DisruptionsAllowed > 0
            ? condition.Status == "True" && condition.Reason == SufficientPods
            : condition.Status == "False" && condition.Reason is InsufficientPods or SyncFailed;
    }

    /// <summary>meta.SetStatusCondition: the transition time moves only when the status does.</summary>
    private static void SetCondition(IList<V1Condition> conditions, V1Condition condition, DateTimeOffset now)
    {
        var stamp = new DateTime(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        for (var i = 0; i < conditions.Count; i++)
        {
            if (conditions[i].Type != condition.Type) continue;
            condition.LastTransitionTime = conditions[i].Status == condition.Status ? conditions[i].LastTransitionTime : stamp;
            conditions[i] = condition;
            return;
        }
        condition.LastTransitionTime = stamp;
        conditions.Add(condition);
    }

    private static List<V1Condition> CopyConditions(IList<V1Condition>? conditions) =>
        conditions?.Select(c => new V1Condition
        {
            Type = c.Type, Status = c.Status, Reason = c.Reason, Message = c.Message,
            ObservedGeneration = c.ObservedGeneration, LastTransitionTime = c.LastTransitionTime,
        }).ToList() ?? [];

    private static bool SameDisrupted(IDictionary<string, DateTime?>? current, Dictionary<string, DateTime> desired)
    {
        if ((current?.Count ?? 0) != desired.Count) return false;
        foreach (var (name, at) in desired)
        {
            if (!current!.TryGetValue(name, out var other) || other is not { } t || Utc(t) != Utc(at)) return false;
        }
        return true;
    }

    private static DateTimeOffset Utc(DateTime t) => new(DateTime.SpecifyKind(t, DateTimeKind.Utc));
}
