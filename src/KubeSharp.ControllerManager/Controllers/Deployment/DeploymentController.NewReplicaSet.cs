using k8s;
using k8s.Models;
using KubeSharp.Client;
using KubeSharp.Client.Events;
using KubeSharp.Client.Rest;
using KubeSharp.ControllerManager.Shared;
using System.Globalization;

namespace KubeSharp.ControllerManager.Controllers.Deployment;

/// <summary>Finding or creating the new ReplicaSet and keeping revisions in step (upstream's getNewReplicaSet).</summary>
internal sealed partial class DeploymentController
{
    /// <summary>
    /// The new ReplicaSet (created when <paramref name="create"/> and missing), every old one, and the Deployment
    /// as last written (status writes here return a fresh object; later writes of this sync build on it).
    /// </summary>
    private async Task<(V1ReplicaSet? NewRS, List<V1ReplicaSet> OldRSs, V1Deployment D)> GetAllReplicaSetsAndSyncRevisionAsync(
        V1Deployment d, List<V1ReplicaSet> rsList, bool create, CancellationToken ct)
    {
        var (_, allOld) = ReplicaSets.FindOld(d, rsList);
        var (newRS, current) = await GetNewReplicaSetAsync(d, rsList, allOld, create, ct);
        return (newRS, allOld, current);
    }

    private async Task<(V1ReplicaSet? NewRS, V1Deployment D)> GetNewReplicaSetAsync(
        V1Deployment d, List<V1ReplicaSet> rsList, List<V1ReplicaSet> oldRSs, bool create, CancellationToken ct)
    {
        var existing = ReplicaSets.FindNew(d, rsList);
        var newRevision = Revisions.Max(oldRSs) + 1;
        d.Status ??= new V1DeploymentStatus();
        if (existing != null) return await SyncExistingNewReplicaSetAsync(d, existing, newRevision, ct);
        if (!create) return (null, d);

        var template = KubeObjects.DeepCopy(d.Spec.Template);
        var hash = PodTemplateHash.Compute(template, d.Status.CollisionCount);
        template.Metadata ??= new V1ObjectMeta();
        template.Metadata.Labels = WithLabel(d.Spec.Template.Metadata?.Labels, hash);
        var selector = KubeObjects.DeepCopy(d.Spec.Selector);
        selector.MatchLabels = WithLabel(selector.MatchLabels, hash);
        var rs = new V1ReplicaSet
        {
            ApiVersion = "apps/v1",
            Kind = "ReplicaSet",
            Metadata = new V1ObjectMeta
            {
                Name = d.Name() + "-" + hash,
                NamespaceProperty = d.Namespace(),
                OwnerReferences = [ControllerReference(d)],
                Labels = new Dictionary<string, string>(template.Metadata.Labels),
            },
            Spec = new V1ReplicaSetSpec { Replicas = 0, MinReadySeconds = d.Spec.MinReadySeconds ?? 0, Selector = selector, Template = template },
        };
        var replicas = RollingMath.NewRSNewReplicas(d, oldRSs.Append(rs), rs);
        rs.Spec.Replicas = replicas;
        Revisions.SetNewReplicaSetAnnotations(d, rs, newRevision, false);

        V1ReplicaSet created;
        var alreadyExisted = false;
        try
        {
            created = await _replicaSets.CreateAsync(rs, ct);
        }
        catch (KubeApiException e) when (ApiErrors.IsAlreadyExists(e))
        {
            // Our own create whose event the cache has not delivered yet, or a hash collision.
            var found = await _replicaSets.GetAsync(d.Namespace(), rs.Name(), ct);
            if (PodState.ControllerOf(found.Metadata)?.Uid != d.Uid() || !ReplicaSets.EqualIgnoreHash(d.Spec.Template, found.Spec?.Template))
            {
                var before = d.Status.CollisionCount ?? 0;
                d.Status.CollisionCount = before + 1;
                await _deployments.UpdateStatusAsync(d, ct);
                LogCollision(_logger, KubeObjects.KeyOf(d), rs.Name(), before, before + 1);
                throw;
            }
            created = found;
            alreadyExisted = true;
        }
        catch (KubeApiException e) when (!IsNamespaceTerminating(e))
        {
            var msg = $"Failed to create new replica set \"{rs.Name()}\": {e.Status.Message}";
            if (DeploymentConditions.HasProgressDeadline(d))
            {
                DeploymentConditions.Set(d.Status, DeploymentConditions.New(DeploymentConditions.Progressing, "False",
                    DeploymentConditions.FailedCreate, msg, _time.GetUtcNow()));
                try
                {
                    await _deployments.UpdateStatusAsync(d, ct);
                }
                catch (KubeApiException)
                {
                    // The create error is what is reported and retried.
                }
            }
            _recorder.Event(d, EventTypes.Warning, DeploymentConditions.FailedCreate, msg);
            throw;
        }

        if (!alreadyExisted)
        {
            LogCreated(_logger, created.Name(), KubeObjects.KeyOf(d), replicas);
            if (replicas > 0)
            {
                _recorder.Event(d, EventTypes.Normal, "ScalingReplicaSet", $"Scaled up replica set {created.Name()} to {replicas}");
            }
        }
        var needsUpdate = Revisions.SetDeploymentRevision(d, newRevision.ToString(CultureInfo.InvariantCulture));
        if (!alreadyExisted && DeploymentConditions.HasProgressDeadline(d))
        {
            DeploymentConditions.Set(d.Status, DeploymentConditions.New(DeploymentConditions.Progressing, "True",
                DeploymentConditions.NewReplicaSetCreated, $"Created new replica set \"{created.Name()}\"", _time.GetUtcNow()));
            needsUpdate = true;
        }
        if (needsUpdate) d = await _deployments.UpdateStatusAsync(d, ct);
        return (created, d);
    }

    /// <summary>
    /// The new ReplicaSet exists: bring its annotations (revision, copied Deployment annotations) and
    /// minReadySeconds up to date, copy its revision to the Deployment, and start progress tracking when no
    /// Progressing condition exists yet.
    /// </summary>
    private async Task<(V1ReplicaSet? NewRS, V1Deployment D)> SyncExistingNewReplicaSetAsync(V1Deployment d, V1ReplicaSet existing,
        long newRevision, CancellationToken ct)
    {
        var copy = KubeObjects.DeepCopy(existing);
        var annotationsChanged = Revisions.SetNewReplicaSetAnnotations(d, copy, newRevision, true);
        var minReadyChanged = (copy.Spec.MinReadySeconds ?? 0) != (d.Spec.MinReadySeconds ?? 0);
        if (annotationsChanged || minReadyChanged)
        {
            copy.Spec.MinReadySeconds = d.Spec.MinReadySeconds ?? 0;
            // As upstream: the Deployment takes the revision on the next pass, which the ReplicaSet update triggers.
            return (await _replicaSets.UpdateAsync(copy, ct), d);
        }
        var needsUpdate = Revisions.SetDeploymentRevision(d, copy.Metadata.Annotations?.TryGetValue(DeploymentKeys.Revision, out var r) == true ? r : null);
        if (DeploymentConditions.HasProgressDeadline(d) && DeploymentConditions.Get(d.Status, DeploymentConditions.Progressing) == null)
        {
            DeploymentConditions.Set(d.Status, DeploymentConditions.New(DeploymentConditions.Progressing, "True",
                DeploymentConditions.FoundNewReplicaSet, $"Found new replica set \"{copy.Name()}\"", _time.GetUtcNow()));
            needsUpdate = true;
        }
        if (needsUpdate) d = await _deployments.UpdateStatusAsync(d, ct);
        return (copy, d);
    }

    private static Dictionary<string, string> WithLabel(IDictionary<string, string>? labels, string hash) =>
        new(labels ?? new Dictionary<string, string>()) { [DeploymentKeys.PodTemplateHashLabel] = hash };

    private static bool IsNamespaceTerminating(KubeApiException e) =>
        e.Status.Details?.Causes?.Any(c => c.Reason == "NamespaceTerminating") == true;
}
