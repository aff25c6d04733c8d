using System.Text.Json;
using k8s;
using k8s.Models;
using KubeSharp.Client.Cache;
using KubeSharp.Client.Rest;
using KubeSharp.ControllerManager.Shared;

namespace KubeSharp.ControllerManager.Controllers.ReplicaSet;

/// <summary>
/// Adoption and release (upstream's PodControllerRefManager.ClaimPods): an owner keeps the pods it controls that
/// still match, adopts matching orphans and releases controlled pods whose labels no longer match.
/// </summary>
internal sealed partial class ReplicaSetController<TOwner>
{
    private static readonly JsonSerializerOptions OmitNulls = new()
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private async Task<List<V1Pod>> ClaimPodsAsync(TOwner owner, LabelSelector selector, List<V1Pod> candidates, CancellationToken ct)
    {
        var claimed = new List<V1Pod>();
        bool? canAdopt = null;
        foreach (var pod in candidates)
        {
            var reference = PodState.ControllerOf(pod.Metadata);
            var matches = selector.Matches(pod.Metadata?.Labels);
            if (reference != null)
            {
                if (reference.Uid != owner.Uid()) continue; // someone else's
                if (matches)
                {
                    claimed.Add(pod);
                }
                else if (owner.Metadata?.DeletionTimestamp == null)
                {
                    await PatchOwnerReferencesAsync(pod, pod.Metadata!.OwnerReferences.Where(r => r.Uid != owner.Uid()).ToList(), ct);
                }
                continue;
            }
            if (!matches || owner.Metadata?.DeletionTimestamp != null || pod.Metadata?.DeletionTimestamp != null) continue;
            // Upstream re-reads the owner from the API before the first adoption, so a deleted-and-recreated owner
            // (same name, new uid) never adopts through a stale cache.
            canAdopt ??= await CanAdoptAsync(owner, ct);
            if (canAdopt != true) continue;
            var refs = pod.Metadata?.OwnerReferences?.ToList() ?? [];
            refs.Add(ControllerReference(owner));
            if (await PatchOwnerReferencesAsync(pod, refs, ct)) claimed.Add(pod);
        }
        return claimed;
    }

    private async Task<bool> CanAdoptAsync(TOwner owner, CancellationToken ct)
    {
        try
        {
            var fresh = await _owners.GetAsync(owner.Namespace(), owner.Name(), ct);
            return fresh.Uid() == owner.Uid() && fresh.Metadata?.DeletionTimestamp == null;
        }
        catch (KubeApiException e) when (ApiErrors.IsNotFound(e))
        {
            return false;
        }
    }

    /// <summary>
    /// Replaces the pod's ownerReferences with a merge patch carrying its resourceVersion and uid, so the write
    /// fails instead of clobbering a concurrent change. A pod that is gone is simply not claimed.
    /// </summary>
    private async Task<bool> PatchOwnerReferencesAsync(V1Pod pod, List<V1OwnerReference> refs, CancellationToken ct)
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
                ["uid"] = pod.Uid(),
                ["resourceVersion"] = pod.ResourceVersion(),
            },
        }, OmitNulls);
        try
        {
            await _pods.PatchAsync(pod.Namespace(), pod.Name(), PatchType.Merge, patch, ct: ct);
            return true;
        }
        catch (KubeApiException e) when (ApiErrors.IsNotFound(e))
        {
            return false;
        }
    }

    private V1OwnerReference ControllerReference(TOwner owner) => new()
    {
        ApiVersion = _adapter.ApiVersion,
        Kind = _adapter.Kind,
        Name = owner.Name(),
        Uid = owner.Uid(),
        Controller = true,
        BlockOwnerDeletion = true,
    };
}
