using k8s;
using k8s.Models;
using KubeSharp.Client;
using KubeSharp.Client.Events;

namespace KubeSharp.ControllerManager.Controllers.Deployment;

/// <summary>The one sync per Deployment key (upstream's syncDeployment) and the paused/scaling path (sync).</summary>
internal sealed partial class DeploymentController
{
    private async Task SyncAsync(string key, CancellationToken ct)
    {
        var (ns, name) = KubeObjects.SplitKey(key);
        var cached = _deploymentInformer.Lister.Get(ns, name);
        if (cached == null) return;
        var d = KubeObjects.DeepCopy(cached);

        if (SelectsEverything(d))
        {
            _recorder.Event(d, EventTypes.Warning, "SelectingAll", "This deployment is selecting all pods. A non-empty selector is required.");
            if ((d.Status?.ObservedGeneration ?? 0) < (d.Metadata?.Generation ?? 0))
            {
                d.Status ??= new V1DeploymentStatus();
                d.Status.ObservedGeneration = d.Metadata!.Generation;
                await _deployments.UpdateStatusAsync(d, ct);
            }
            return;
        }

        var rsList = await ClaimReplicaSetsAsync(d, ct);
        if (d.Metadata?.DeletionTimestamp != null)
        {
            // Being deleted: report, but change nothing (the garbage collector removes the ReplicaSets).
            var (newRS, oldRSs, d1) = await GetAllReplicaSetsAndSyncRevisionAsync(d, rsList, false, ct);
            await SyncDeploymentStatusAsync(oldRSs.Append(newRS).ToList(), newRS, d1, ct);
            return;
        }

        d = await CheckPausedConditionsAsync(d, ct);
        if (d.Spec.Paused == true || IsScalingEvent(d, rsList))
        {
            await ScaleOnlyAsync(d, rsList, ct);
            return;
        }

        if (d.Spec.Strategy?.Type == RollingMath.Recreate) await RolloutRecreateAsync(d, rsList, ct);
        else await RolloutRollingAsync(d, rsList, ct);
    }

    /// <summary>
    /// Records DeploymentPaused / DeploymentResumed in the Progressing condition when spec.paused flips, so that
    /// the time spent paused never counts against the progress deadline.
    /// </summary>
    private async Task<V1Deployment> CheckPausedConditionsAsync(V1Deployment d, CancellationToken ct)
    {
        if (!DeploymentConditions.HasProgressDeadline(d)) return d;
        var cond = DeploymentConditions.Get(d.Status, DeploymentConditions.Progressing);
        if (cond?.Reason == DeploymentConditions.ProgressDeadlineExceeded) return d;
        var pausedRecorded = cond?.Reason == DeploymentConditions.Paused;
        var paused = d.Spec.Paused == true;
        d.Status ??= new V1DeploymentStatus();
        if (paused && !pausedRecorded)
        {
            DeploymentConditions.Set(d.Status, DeploymentConditions.New(DeploymentConditions.Progressing, "Unknown",
                DeploymentConditions.Paused, "Deployment is paused", _time.GetUtcNow()));
        }
        else if (!paused && pausedRecorded)
        {
            DeploymentConditions.Set(d.Status, DeploymentConditions.New(DeploymentConditions.Progressing, "Unknown",
                DeploymentConditions.Resumed, "Deployment is resumed", _time.GetUtcNow()));
        }
        else
        {
            return d;
        }
        return await _deployments.UpdateStatusAsync(d, ct);
    }

    /// <summary>
    /// A ReplicaSet's desired-replicas annotation differs from spec.replicas: the user scaled. Read-only: the
    /// path taken next syncs revisions and annotations.
    /// </summary>
    private static bool IsScalingEvent(V1Deployment d, List<V1ReplicaSet> rsList)
    {
        var newRS = ReplicaSets.FindNew(d, rsList);
        var (_, allOld) = ReplicaSets.FindOld(d, rsList);
        foreach (var rs in ReplicaSets.Active(allOld.Append(newRS)))
        {
            var desired = Revisions.IntAnnotation(rs, DeploymentKeys.DesiredReplicas);
            if (desired != null && desired != RollingMath.Replicas(d)) return true;
        }
        return false;
    }

    /// <summary>Scales without rolling out (a paused Deployment, or a scaling event), then reports status.</summary>
    private async Task ScaleOnlyAsync(V1Deployment d, List<V1ReplicaSet> rsList, CancellationToken ct)
    {
        var (newRS, oldRSs, current) = await GetAllReplicaSetsAndSyncRevisionAsync(d, rsList, false, ct);
        (newRS, oldRSs) = await ScaleAsync(current, newRS, oldRSs, ct);
        if (current.Spec.Paused == true) await CleanupAsync(oldRSs, current, ct);
        await SyncDeploymentStatusAsync(oldRSs.Append(newRS).ToList(), newRS, current, ct);
    }
}
