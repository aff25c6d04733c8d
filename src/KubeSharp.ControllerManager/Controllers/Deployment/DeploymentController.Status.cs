using k8s;
using k8s.Models;
using KubeSharp.Client;
using KubeSharp.Client.Rest;

namespace KubeSharp.ControllerManager.Controllers.Deployment;

/// <summary>Status, the Progressing condition and the progress deadline (upstream's syncRolloutStatus, requeueStuckDeployment).</summary>
internal sealed partial class DeploymentController
{
    /// <summary>Counts and the Available condition only (paused, scaling, or being deleted).</summary>
    private async Task SyncDeploymentStatusAsync(IReadOnlyList<V1ReplicaSet?> allRSs, V1ReplicaSet? newRS, V1Deployment d, CancellationToken ct)
    {
        var status = DeploymentStatusMath.Calculate(allRSs, newRS, d, _time.GetUtcNow());
        if (DeploymentStatusMath.Equal(d.Status, status)) return;
        d.Status = status;
        await _deployments.UpdateStatusAsync(d, ct);
    }

    /// <summary>
    /// Counts, Available, and the Progressing condition of a rollout: NewReplicaSetAvailable once complete,
    /// ReplicaSetUpdated whenever something moved (refreshing lastUpdateTime), ProgressDeadlineExceeded when
    /// nothing moved for progressDeadlineSeconds. Without a change a stuck rollout is requeued for its deadline.
    /// </summary>
    private async Task SyncRolloutStatusAsync(IReadOnlyList<V1ReplicaSet?> allRSs, V1ReplicaSet? newRS, V1Deployment d, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        var status = DeploymentStatusMath.Calculate(allRSs, newRS, d, now);
        if (!DeploymentConditions.HasProgressDeadline(d)) DeploymentConditions.Remove(status, DeploymentConditions.Progressing);

        var current = DeploymentConditions.Get(d.Status, DeploymentConditions.Progressing);
        var complete = status.Replicas == status.UpdatedReplicas && current?.Reason == DeploymentConditions.NewReplicaSetAvailable;
        if (DeploymentConditions.HasProgressDeadline(d) && !complete)
        {
            var rsName = newRS?.Name();
            if (DeploymentStatusMath.Complete(d, status))
            {
                var msg = rsName != null ? $"ReplicaSet \"{rsName}\" has successfully progressed." : $"Deployment \"{d.Name()}\" has successfully progressed.";
                DeploymentConditions.Set(status, DeploymentConditions.New(DeploymentConditions.Progressing, "True",
                    DeploymentConditions.NewReplicaSetAvailable, msg, now));
            }
            else if (DeploymentStatusMath.Progressing(d, status))
            {
                var msg = rsName != null ? $"ReplicaSet \"{rsName}\" is progressing." : $"Deployment \"{d.Name()}\" is progressing.";
                var condition = DeploymentConditions.New(DeploymentConditions.Progressing, "True", DeploymentConditions.ReplicaSetUpdated, msg, now);
                // Progress refreshes lastUpdateTime even with an unchanged reason; the transition time stays while True.
                if (current != null)
                {
                    if (current.Status == "True") condition.LastTransitionTime = current.LastTransitionTime;
                    DeploymentConditions.Remove(status, DeploymentConditions.Progressing);
                }
                DeploymentConditions.Set(status, condition);
            }
            else if (DeploymentStatusMath.TimedOut(d, status, now))
            {
                var msg = rsName != null ? $"ReplicaSet \"{rsName}\" has timed out progressing." : $"Deployment \"{d.Name()}\" has timed out progressing.";
                DeploymentConditions.Set(status, DeploymentConditions.New(DeploymentConditions.Progressing, "False",
                    DeploymentConditions.ProgressDeadlineExceeded, msg, now));
            }
        }

        if (ReplicaFailure(allRSs, newRS) is { } failure) DeploymentConditions.Set(status, failure);
        else DeploymentConditions.Remove(status, DeploymentConditions.ReplicaFailure);

        if (DeploymentStatusMath.Equal(d.Status, status))
        {
            RequeueStuck(d, status, now);
            return;
        }
        d.Status = status;
        await _deployments.UpdateStatusAsync(d, ct);
    }

    /// <summary>
    /// A rollout with a deadline that is neither complete nor timed out comes back when its deadline passes
    /// (lastUpdateTime + progressDeadlineSeconds), since nothing else may ever wake it.
    /// </summary>
    private void RequeueStuck(V1Deployment d, V1DeploymentStatus status, DateTimeOffset now)
    {
        var current = DeploymentConditions.Get(d.Status, DeploymentConditions.Progressing);
        if (!DeploymentConditions.HasProgressDeadline(d) || current == null) return;
        if (DeploymentStatusMath.Complete(d, status) || current.Reason == DeploymentConditions.ProgressDeadlineExceeded) return;
        var after = DeploymentStatusMath.Utc(current.LastUpdateTime).AddSeconds(d.Spec.ProgressDeadlineSeconds!.Value) - now;
        var key = KubeObjects.KeyOf(d);
        if (after < TimeSpan.FromSeconds(1)) _queue.AddRateLimited(key);
        else _queue.AddAfter(key, after + TimeSpan.FromSeconds(1));
    }

    /// <summary>The new ReplicaSet's ReplicaFailure condition, else an old one's, as a Deployment condition.</summary>
    private static V1DeploymentCondition? ReplicaFailure(IReadOnlyList<V1ReplicaSet?> allRSs, V1ReplicaSet? newRS)
    {
        var c = newRS?.Status?.Conditions?.FirstOrDefault(x => x.Type == DeploymentConditions.ReplicaFailure)
            ?? allRSs.SelectMany(rs => rs?.Status?.Conditions ?? []).FirstOrDefault(x => x.Type == DeploymentConditions.ReplicaFailure);
        return c == null ? null : new V1DeploymentCondition
        {
            Type = c.Type,
            Status = c.Status,
            Reason = c.Reason,
            Message = c.Message,
            LastUpdateTime = c.LastTransitionTime,
            LastTransitionTime = c.LastTransitionTime,
        };
    }

    /// <summary>
    /// Deletes the oldest revisions beyond revisionHistoryLimit, only ReplicaSets at zero replicas whose status
    /// has caught up (upstream's cleanupDeployment).
    /// </summary>
    private async Task CleanupAsync(List<V1ReplicaSet> oldRSs, V1Deployment d, CancellationToken ct)
    {
        if (d.Spec?.RevisionHistoryLimit is not { } limit) return;
        var alive = oldRSs.Where(rs => rs.Metadata?.DeletionTimestamp == null).ToList();
        var diff = alive.Count - limit;
        if (diff <= 0) return;
        foreach (var rs in ReplicaSets.ByRevision(alive).Take(diff))
        {
            if ((rs.Status?.Replicas ?? 0) != 0 || ReplicaSets.Replicas(rs) != 0
                || (rs.Metadata?.Generation ?? 0) > (rs.Status?.ObservedGeneration ?? 0)) continue;
            try
            {
                await _replicaSets.DeleteAsync(rs.Namespace(), rs.Name(), ct: ct);
                LogCleanedUp(_logger, rs.Name(), KubeObjects.KeyOf(d));
            }
            catch (KubeApiException e) when (ApiErrors.IsNotFound(e))
            {
                // Already gone.
            }
        }
    }
}
