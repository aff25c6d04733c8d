using k8s.Models;

namespace KubeSharp.ControllerManager.Controllers.Deployment;

/// <summary>Deployment condition types, reasons and the set/remove rules of upstream's deploymentutil.</summary>
internal static class DeploymentConditions
{
    public const string Available = "Available";
    public const string Progressing = "Progressing";
    public const string ReplicaFailure = "ReplicaFailure";

    public const string NewReplicaSetCreated = "NewReplicaSetCreated";
    public const string FoundNewReplicaSet = "FoundNewReplicaSet";
    public const string ReplicaSetUpdated = "ReplicaSetUpdated";
    public const string NewReplicaSetAvailable = "NewReplicaSetAvailable";
    public const string ProgressDeadlineExceeded = "ProgressDeadlineExceeded";
    public const string FailedCreate = "ReplicaSetCreateError";
    public const string Paused = "DeploymentPaused";
    public const string Resumed = "DeploymentResumed";
    public const string MinimumReplicasAvailable = "MinimumReplicasAvailable";
    public const string MinimumReplicasUnavailable = "MinimumReplicasUnavailable";

    /// <summary>Both times set to now, in whole seconds (what metav1.Time keeps on the wire).</summary>
    public static V1DeploymentCondition New(string type, string status, string reason, string message, DateTimeOffset now)
    {
        var seconds = new DateTime(now.UtcDateTime.Ticks - now.UtcDateTime.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        return new V1DeploymentCondition
        {
            Type = type,
            Status = status,
            Reason = reason,
            Message = message,
            LastUpdateTime = seconds,
            LastTransitionTime = seconds,
        };
    }

    public static V1DeploymentCondition? Get(V1DeploymentStatus? status, string type) =>
        status?.Conditions?.FirstOrDefault(c => c.Type == type);

    /// <summary>
    /// Replaces the condition of the same type unless status and reason are unchanged (then nothing happens, the
    /// old times stay); a condition keeping its status keeps its lastTransitionTime.
    /// </summary>
    public static void Set(V1DeploymentStatus status, V1DeploymentCondition condition)
    {
        var current = Get(status, condition.Type);
        if (current != null && current.Status == condition.Status && current.Reason == condition.Reason) return;
        if (current != null && current.Status == condition.Status) condition.LastTransitionTime = current.LastTransitionTime;
        Remove(status, condition.Type);
        status.Conditions ??= [];
        status.Conditions.Add(condition);
    }

    public static void Remove(V1DeploymentStatus status, string type)
    {
        if (status.Conditions == null) return;
        status.Conditions = status.Conditions.Where(c => c.Type != type).ToList();
    }

    /// <summary>progressDeadlineSeconds is set and not the "no deadline" MaxInt32.</summary>
    public static bool HasProgressDeadline(V1Deployment d) =>
        d.Spec?.ProgressDeadlineSeconds is { } s && s != int.MaxValue;
}
