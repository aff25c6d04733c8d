using k8s;
using k8s.Models;

namespace KubeSharp.ControllerManager.Controllers.Deployment;

/// <summary>
/// Recreate (upstream's rolloutRecreate): scale every old ReplicaSet to zero, wait until none of their pods is
/// left (terminal pods aside), only then create or scale up the new ReplicaSet.
/// </summary>
internal sealed partial class DeploymentController
{
    private async Task RolloutRecreateAsync(V1Deployment d, List<V1ReplicaSet> rsList, CancellationToken ct)
    {
        // Not created yet on purpose: nothing may scale up before the old pods are gone.
        var (newRS, oldRSs, current) = await GetAllReplicaSetsAndSyncRevisionAsync(d, rsList, false, ct);
        d = current;

        var scaledDown = false;
        var oldAfter = new List<V1ReplicaSet>();
        foreach (var rs in oldRSs)
        {
            if (ReplicaSets.Replicas(rs) == 0)
            {
                oldAfter.Add(rs);
                continue;
            }
            var (scaled, updated) = await ScaleReplicaSetAndRecordEventAsync(rs, 0, d, ct);
            scaledDown |= scaled;
            oldAfter.Add(updated);
        }
        if (scaledDown || OldPodsRunning(newRS, oldAfter, PodMap(d, rsList)))
        {
            await SyncRolloutStatusAsync(oldAfter.Append(newRS).ToList(), newRS, d, ct);
            return;
        }

        if (newRS == null)
        {
            (newRS, oldAfter, d) = await GetAllReplicaSetsAndSyncRevisionAsync(d, rsList, true, ct);
        }
        var (_, scaledNew) = await ScaleReplicaSetAndRecordEventAsync(newRS!, RollingMath.Replicas(d), d, ct);
        if (DeploymentStatusMath.Complete(d, d.Status ?? new V1DeploymentStatus())) await CleanupAsync(oldAfter, d, ct);
        await SyncRolloutStatusAsync(oldAfter.Append(scaledNew).ToList(), scaledNew, d, ct);
    }

    /// <summary>Old ReplicaSets still report pods, or a pod of theirs that is not terminal still exists.</summary>
    private static bool OldPodsRunning(V1ReplicaSet? newRS, List<V1ReplicaSet> oldRSs, Dictionary<string, List<V1Pod>> podMap)
    {
        if (ReplicaSets.StatusReplicas(oldRSs) > 0) return true;
        foreach (var (rsUid, pods) in podMap)
        {
            if (newRS != null && newRS.Uid() == rsUid) continue;
            if (pods.Any(p => p.Status?.Phase is not ("Failed" or "Succeeded"))) return true;
        }
        return false;
    }
}
