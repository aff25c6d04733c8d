using k8s;
using k8s.Models;
using KubeSharp.Client;
using KubeSharp.Client.Events;

namespace KubeSharp.ControllerManager.Controllers.Deployment;

/// <summary>Scaling ReplicaSets (upstream's scale, scaleReplicaSetAndRecordEvent, scaleReplicaSet).</summary>
internal sealed partial class DeploymentController
{
    /// <summary>
    /// One active (or, with none active, the newest) ReplicaSet takes spec.replicas; a saturated new ReplicaSet
    /// scales every old one to zero; otherwise a RollingUpdate spreads the change proportionally.
    /// Returns the ReplicaSets as written.
    /// </summary>
    private async Task<(V1ReplicaSet? NewRS, List<V1ReplicaSet> OldRSs)> ScaleAsync(V1Deployment d, V1ReplicaSet? newRS,
        List<V1ReplicaSet> oldRSs, CancellationToken ct)
    {
        var replicas = RollingMath.Replicas(d);
        var written = new Dictionary<string, V1ReplicaSet>();
        if (ReplicaSets.FindActiveOrLatest(newRS, oldRSs) is { } only)
        {
            if (ReplicaSets.Replicas(only) != replicas)
            {
                var (_, rs) = await ScaleReplicaSetAndRecordEventAsync(only, replicas, d, ct);
                written[rs.Uid()] = rs;
            }
        }
        else if (ReplicaSets.IsSaturated(d, newRS))
        {
            foreach (var old in ReplicaSets.Active(oldRSs))
            {
                var (_, rs) = await ScaleReplicaSetAndRecordEventAsync(old, 0, d, ct);
                written[rs.Uid()] = rs;
            }
        }
        else if (RollingMath.IsRollingUpdate(d))
        {
            var (sizes, operation) = ProportionalScaling.Plan(d, ReplicaSets.Active(oldRSs.Append(newRS)), d.Status?.Replicas ?? 0);
            foreach (var (target, size) in sizes)
            {
                var (_, rs) = await ScaleReplicaSetAsync(target, size, d, operation, ct);
                written[rs.Uid()] = rs;
            }
        }
        V1ReplicaSet Latest(V1ReplicaSet rs) => written.GetValueOrDefault(rs.Uid(), rs);
        return (newRS == null ? null : Latest(newRS), oldRSs.Select(Latest).ToList());
    }

    private Task<(bool Scaled, V1ReplicaSet RS)> ScaleReplicaSetAndRecordEventAsync(V1ReplicaSet rs, int newScale, V1Deployment d,
        CancellationToken ct)
    {
        if (ReplicaSets.Replicas(rs) == newScale) return Task.FromResult((false, rs));
        return ScaleReplicaSetAsync(rs, newScale, d, ReplicaSets.Replicas(rs) < newScale ? "up" : "down", ct);
    }

    /// <summary>
    /// Writes spec.replicas and the desired/max-replicas annotations when either changed (PUT with the cached
    /// resourceVersion: a stale cache fails with a conflict and the sync is retried). Event "Scaled up replica set
    /// x to 3 from 1", as 1.32 words it.
    /// </summary>
    private async Task<(bool Scaled, V1ReplicaSet RS)> ScaleReplicaSetAsync(V1ReplicaSet rs, int newScale, V1Deployment d,
        string operation, CancellationToken ct)
    {
        var oldScale = ReplicaSets.Replicas(rs);
        var copy = KubeObjects.DeepCopy(rs);
        var sizeChanged = oldScale != newScale;
        var replicas = RollingMath.Replicas(d);
        var annotationsChanged = Revisions.SetReplicasAnnotations(copy, replicas, replicas + RollingMath.MaxSurge(d));
        if (!sizeChanged && !annotationsChanged) return (false, rs);
        copy.Spec.Replicas = newScale;
        var updated = await _replicaSets.UpdateAsync(copy, ct);
        if (!sizeChanged) return (false, updated);
        LogScaled(_logger, operation, updated.Name(), KubeObjects.KeyOf(d), oldScale, newScale);
        _recorder.Event(d, EventTypes.Normal, "ScalingReplicaSet", $"Scaled {operation} replica set {updated.Name()} to {newScale} from {oldScale}");
        return (true, updated);
    }
}
