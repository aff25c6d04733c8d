using System.Text.Json;
using k8s;
using k8s.Models;
using KubeSharp.Client.Cache;
using KubeSharp.Client.Rest;
using KubeSharp.ControllerManager.Shared;

namespace KubeSharp.ControllerManager.Controllers.Deployment;

/// <summary>
/// Adoption and release of ReplicaSets (upstream's ReplicaSetControllerRefManager.ClaimReplicaSets): a Deployment
/// keeps those it controls that still match its selector, adopts matching orphans, releases the rest.
/// </summary>
internal sealed partial class DeploymentController
{
    private static readonly JsonSerializerOptions OmitNulls = new()
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private async Task<List<V1ReplicaSet>> ClaimReplicaSetsAsync(V1Deployment d, CancellationToken ct)
    {
        var selector = LabelSelector.FromV1(d.Spec?.Selector);
        var claimed = new List<V1ReplicaSet>();
        var deleting = d.Metadata?.DeletionTimestamp != null;
        bool? canAdopt = null;
        foreach (var rs in _rsInformer.Lister.List(d.Namespace()))
        {
            var matches = selector.Matches(rs.Metadata?.Labels);
            var reference = PodState.ControllerOf(rs.Metadata);
            if (reference != null)
            {
                if (reference.Uid != d.Uid()) continue;
                if (matches)
                {
                    claimed.Add(rs);
                }
                else if (!deleting)
                {
                    await PatchOwnerReferencesAsync(rs, rs.Metadata!.OwnerReferences.Where(r => r.Uid != d.Uid()).ToList(), ct);
                }
                continue;
            }
            if (!matches || deleting || rs.Metadata?.DeletionTimestamp != null) continue;
            // Re-read the Deployment once before adopting: a deleted-and-recreated one must not adopt via a stale cache.
            canAdopt ??= await CanAdoptAsync(d, ct);
            if (canAdopt != true) continue;
            var refs = rs.Metadata?.OwnerReferences?.ToList() ?? [];
            refs.Add(ControllerReference(d));
            if (await PatchOwnerReferencesAsync(rs, refs, ct) is { } adopted) claimed.Add(adopted);
        }
        return claimed;
    }

    private async Task<bool> CanAdoptAsync(V1Deployment d, CancellationToken ct)
    {
        try
        {
            var fresh = await _deployments.GetAsync(d.Namespace(), d.Name(), ct);
            return fresh.Uid() == d.Uid() && fresh.Metadata?.DeletionTimestamp == null;
        }
        catch (KubeApiException e) when (ApiErrors.IsNotFound(e))
        {
            return false;
        }
    }

    /// <summary>Merge patch of ownerReferences with resourceVersion and uid (compare-and-swap); null when the ReplicaSet is gone.</summary>
    private async Task<V1ReplicaSet?> PatchOwnerReferencesAsync(V1ReplicaSet rs, List<V1OwnerReference> refs, CancellationToken ct)
    {
        var patch = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["metadata"] = new Dictionary<string, object?>
            {
                ["ownerReferences"] = refs.Select(r => new Dictionary<string, object?>
                {
                    ["apiVersion"] = r.ApiVersion,
                    ["kind"] = r.Kind,
                    ["name"] = r.Name,
                    ["uid"] = r.Uid,
                    ["controller"] = r.Controller,
                    ["blockOwnerDeletion"] = r.BlockOwnerDeletion,
                }).ToList(),
                ["uid"] = rs.Uid(),
                ["resourceVersion"] = rs.ResourceVersion(),
            },
        }, OmitNulls);
        try
        {
            return await _replicaSets.PatchAsync(rs.Namespace(), rs.Name(), PatchType.Merge, patch, ct: ct);
        }
        catch (KubeApiException e) when (ApiErrors.IsNotFound(e))
        {
            return null;
        }
    }

    private static V1OwnerReference ControllerReference(V1Deployment d) => new()
    {
        ApiVersion = "apps/v1",
        Kind = "Deployment",
        Name = d.Name(),
        Uid = d.Uid(),
        Controller = true,
        BlockOwnerDeletion = true,
    };

    /// <summary>Pods of the claimed ReplicaSets grouped by ReplicaSet uid (upstream's getPodMapForDeployment).</summary>
    private Dictionary<string, List<V1Pod>> PodMap(V1Deployment d, List<V1ReplicaSet> rsList)
    {
        var map = rsList.ToDictionary(rs => rs.Uid(), _ => new List<V1Pod>());
        var selector = LabelSelector.FromV1(d.Spec?.Selector);
        foreach (var pod in _podInformer.Lister.List(d.Namespace(), selector))
        {
            if (PodState.ControllerOf(pod.Metadata) is { } r && map.TryGetValue(r.Uid, out var pods)) pods.Add(pod);
        }
        return map;
    }
}
