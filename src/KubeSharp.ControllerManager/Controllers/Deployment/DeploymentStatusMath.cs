using k8s;
using k8s.Models;
using KubeSharp.ApiMachinery.Serialization;

namespace KubeSharp.ControllerManager.Controllers.Deployment;

/// <summary>Status from the ReplicaSets and the rollout predicates (upstream's calculateStatus, DeploymentComplete,
/// DeploymentProgressing, DeploymentTimedOut).</summary>
internal static class DeploymentStatusMath
{
    /// <summary>
    /// replicas/ready/available sum the ReplicaSets' status; updatedReplicas is the new ReplicaSet's;
    /// unavailableReplicas compares spec sizes with availability. Available is True while at least
    /// replicas - maxUnavailable pods are available. Other conditions are carried over unchanged.
    /// </summary>
    public static V1DeploymentStatus Calculate(IReadOnlyList<V1ReplicaSet?> allRSs, V1ReplicaSet? newRS, V1Deployment d, DateTimeOffset now)
    {
        var available = ReplicaSets.AvailableReplicas(allRSs);
        var unavailable = Math.Max(0, ReplicaSets.SpecReplicas(allRSs) - available);
        var status = new V1DeploymentStatus
        {
            ObservedGeneration = d.Metadata?.Generation,
            Replicas = ReplicaSets.StatusReplicas(allRSs),
            UpdatedReplicas = ReplicaSets.StatusReplicas([newRS]),
            ReadyReplicas = ReplicaSets.ReadyReplicas(allRSs),
            AvailableReplicas = available,
            UnavailableReplicas = unavailable,
            CollisionCount = d.Status?.CollisionCount,
            Conditions = d.Status?.Conditions?.Select(CopyCondition).ToList(),
        };
        if (available >= RollingMath.Replicas(d) - RollingMath.MaxUnavailable(d))
        {
            DeploymentConditions.Set(status, DeploymentConditions.New(DeploymentConditions.Available, "True",
                DeploymentConditions.MinimumReplicasAvailable, "Deployment has minimum availability.", now));
        }
        else
        {
            DeploymentConditions.Set(status, DeploymentConditions.New(DeploymentConditions.Available, "False",
                DeploymentConditions.MinimumReplicasUnavailable, "Deployment does not have minimum availability.", now));
        }
        return status;
    }

    /// <summary>Every replica updated, running and available, at the current generation.</summary>
    public static bool Complete(V1Deployment d, V1DeploymentStatus status)
    {
        var replicas = RollingMath.Replicas(d);
        return (status.UpdatedReplicas ?? 0) == replicas && (status.Replicas ?? 0) == replicas
            && (status.AvailableReplicas ?? 0) == replicas && (status.ObservedGeneration ?? 0) >= (d.Metadata?.Generation ?? 0);
    }

    /// <summary>More updated, ready or available pods than the stored status says, or fewer old ones.</summary>
    public static bool Progressing(V1Deployment d, V1DeploymentStatus status)
    {
        var old = d.Status ?? new V1DeploymentStatus();
        var oldOld = (old.Replicas ?? 0) - (old.UpdatedReplicas ?? 0);
        var newOld = (status.Replicas ?? 0) - (status.UpdatedReplicas ?? 0);
        return (status.UpdatedReplicas ?? 0) > (old.UpdatedReplicas ?? 0) || newOld < oldOld
            || (status.ReadyReplicas ?? 0) > (old.ReadyReplicas ?? 0) || (status.AvailableReplicas ?? 0) > (old.AvailableReplicas ?? 0);
    }

    /// <summary>
    /// No progress reported for progressDeadlineSeconds since the Progressing condition's lastUpdateTime. A rollout
    /// already complete (NewReplicaSetAvailable) never times out; one already timed out stays so.
    /// </summary>
    public static bool TimedOut(V1Deployment d, V1DeploymentStatus status, DateTimeOffset now)
    {
        if (!DeploymentConditions.HasProgressDeadline(d)) return false;
        var condition = DeploymentConditions.Get(status, DeploymentConditions.Progressing);
        if (condition == null || condition.Reason == DeploymentConditions.NewReplicaSetAvailable) return false;
        if (condition.Reason == DeploymentConditions.ProgressDeadlineExceeded) return true;
        var from = Utc(condition.LastUpdateTime);
        return from.AddSeconds(d.Spec.ProgressDeadlineSeconds!.Value) < now;
    }

    /// <summary>Status equality as the API would store it (upstream compares with reflect.DeepEqual).</summary>
    public static bool Equal(V1DeploymentStatus? a, V1DeploymentStatus? b) =>
        KubeJson.Serialize(a ?? new V1DeploymentStatus(), typeof(V1DeploymentStatus))
            .AsSpan().SequenceEqual(KubeJson.Serialize(b ?? new V1DeploymentStatus(), typeof(V1DeploymentStatus)));

    public static DateTimeOffset Utc(DateTime? t) =>
        t == null ? DateTimeOffset.MinValue : new DateTimeOffset(DateTime.SpecifyKind(t.Value, DateTimeKind.Utc));

    private static V1DeploymentCondition CopyCondition(V1DeploymentCondition c) => new()
    {
        Type = c.Type,
        Status = c.Status,
        Reason = c.Reason,
        Message = c.Message,
        LastUpdateTime = c.LastUpdateTime,
        LastTransitionTime = c.LastTransitionTime,
    };
}
