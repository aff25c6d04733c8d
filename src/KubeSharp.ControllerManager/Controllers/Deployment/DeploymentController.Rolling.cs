using k8s;
using k8s.Models;

namespace KubeSharp.ControllerManager.Controllers.Deployment;

/// <summary>
/// RollingUpdate (upstream's rolloutRolling): grow the new ReplicaSet within maxSurge, shrink old ones within
/// maxUnavailable, one step per sync; every ReplicaSet change brings the Deployment back for the next step.
/// </summary>
internal sealed partial class DeploymentController
{
    private async Task RolloutRollingAsync(V1Deployment d, List<V1ReplicaSet> rsList, CancellationToken ct)
    {
        var (newRS, oldRSs, current) = await GetAllReplicaSetsAndSyncRevisionAsync(d, rsList, true, ct);
        d = current;
        var allRSs = oldRSs.Append(newRS).ToList();

        if (await ReconcileNewReplicaSetAsync(allRSs, newRS!, d, ct) is { } scaledNew)
        {
            await SyncRolloutStatusAsync(oldRSs.Append(scaledNew).ToList(), scaledNew, d, ct);
            return;
        }
        var (scaledDown, oldAfter) = await ReconcileOldReplicaSetsAsync(allRSs, ReplicaSets.Active(oldRSs), newRS!, d, ct);
        var allAfter = oldRSs.Select(rs => oldAfter.FirstOrDefault(o => o.Uid() == rs.Uid()) ?? rs).Append(newRS).ToList();
        if (scaledDown)
        {
            await SyncRolloutStatusAsync(allAfter, newRS, d, ct);
            return;
        }
        if (DeploymentStatusMath.Complete(d, d.Status ?? new V1DeploymentStatus())) await CleanupAsync(oldRSs, d, ct);
        await SyncRolloutStatusAsync(allAfter, newRS, d, ct);
    }

    /// <summary>Scales the new ReplicaSet toward spec.replicas within maxSurge; the written ReplicaSet when it scaled.</summary>
    private async Task<V1ReplicaSet?> ReconcileNewReplicaSetAsync(List<V1ReplicaSet?> allRSs, V1ReplicaSet newRS, V1Deployment d, CancellationToken ct)
    {
        var replicas = RollingMath.Replicas(d);
        var current = ReplicaSets.Replicas(newRS);
        if (current == replicas) return null;
        var target = current > replicas ? replicas : RollingMath.NewRSNewReplicas(d, allRSs, newRS);
        var (scaled, rs) = await ScaleReplicaSetAndRecordEventAsync(newRS, target, d, ct);
        return scaled ? rs : null;
    }

    /// <summary>
    /// Scales old ReplicaSets down as far as availability allows: at most
    /// all pods - (replicas - maxUnavailable) - unavailable pods of the new ReplicaSet. Unhealthy old replicas
    /// go first, so that they never block a rollout; then available ones, oldest ReplicaSet first.
    /// </summary>
    private async Task<(bool Scaled, List<V1ReplicaSet> OldRSs)> ReconcileOldReplicaSetsAsync(List<V1ReplicaSet?> allRSs,
        List<V1ReplicaSet> oldRSs, V1ReplicaSet newRS, V1Deployment d, CancellationToken ct)
    {
        if (ReplicaSets.SpecReplicas(oldRSs) == 0) return (false, oldRSs);
        var allPods = ReplicaSets.SpecReplicas(allRSs);
        var minAvailable = RollingMath.Replicas(d) - RollingMath.MaxUnavailable(d);
        var newUnavailable = ReplicaSets.Replicas(newRS) - (newRS.Status?.AvailableReplicas ?? 0);
        var maxScaledDown = allPods - minAvailable - newUnavailable;
        if (maxScaledDown <= 0) return (false, oldRSs);

        var (cleaned, cleanedCount) = await CleanupUnhealthyReplicasAsync(oldRSs, d, maxScaledDown, ct);
        var (scaledDownCount, afterScaleDown) = await ScaleDownOldReplicaSetsAsync(cleaned.Cast<V1ReplicaSet?>().Append(newRS).ToList(), cleaned, d, ct);
        return (cleanedCount + scaledDownCount > 0, afterScaleDown);
    }

    private async Task<(List<V1ReplicaSet> OldRSs, int Count)> CleanupUnhealthyReplicasAsync(List<V1ReplicaSet> oldRSs, V1Deployment d,
        int maxCleanup, CancellationToken ct)
    {
        var sorted = ReplicaSets.ByCreation(oldRSs);
        var total = 0;
        for (var i = 0; i < sorted.Count && total < maxCleanup; i++)
        {
            var rs = sorted[i];
            var replicas = ReplicaSets.Replicas(rs);
            var count = RollingMath.UnhealthyToCleanUp(rs, maxCleanup - total);
            if (count == 0) continue;
            var (_, updated) = await ScaleReplicaSetAndRecordEventAsync(rs, replicas - count, d, ct);
            total += count;
            sorted[i] = updated;
        }
        return (sorted, total);
    }

    /// <summary>Scales old ReplicaSets down while more than replicas - maxUnavailable pods stay available.</summary>
    private async Task<(int Count, List<V1ReplicaSet> OldRSs)> ScaleDownOldReplicaSetsAsync(List<V1ReplicaSet?> allRSs,
        List<V1ReplicaSet> oldRSs, V1Deployment d, CancellationToken ct)
    {
        var minAvailable = RollingMath.Replicas(d) - RollingMath.MaxUnavailable(d);
        var available = ReplicaSets.AvailableReplicas(allRSs);
        if (available <= minAvailable) return (0, oldRSs);
        var sorted = ReplicaSets.ByCreation(oldRSs);
        var toScaleDown = available - minAvailable;
        var total = 0;
        for (var i = 0; i < sorted.Count && total < toScaleDown; i++)
        {
            var rs = sorted[i];
            var replicas = ReplicaSets.Replicas(rs);
            if (replicas == 0) continue;
            var count = Math.Min(replicas, toScaleDown - total);
            if (replicas - count > replicas)
            {
                throw new InvalidOperationException($"when scaling down old RS, got invalid request to scale down {rs.Namespace()}/{rs.Name()} {replicas} -> {replicas - count}");
            }
            var (_, updated) = await ScaleReplicaSetAndRecordEventAsync(rs, replicas - count, d, ct);
            total += count;
            sorted[i] = updated;
        }
        return (total, sorted);
    }
}
