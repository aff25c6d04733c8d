using k8s.Models;
using KubeSharp.Client.Rest;
using Microsoft.Extensions.Logging;

namespace KubeSharp.ControllerManager.Controllers.GarbageCollector;

internal sealed partial class GarbageCollector
{
    /// <summary>Upstream's orphanDependents then removal of the "orphan" finalizer, after which the owner goes.</summary>
    private async Task OrphanDependentsAsync(GraphNode owner, CancellationToken ct)
    {
        foreach (var dependent in _graph.DependentsOf(owner.Uid))
        {
            var live = await _dynamic.GetMetadataAsync(dependent.Resource, dependent.Namespace, dependent.Name, ct);
            if (live == null || live.Uid != dependent.Uid) continue;
            var refs = live.OwnerReferences ?? [];
            if (!refs.Any(r => r.Uid == owner.Uid)) continue;
            await PatchOwnerReferencesAsync(dependent, live, refs.Where(r => r.Uid != owner.Uid).ToList(), ct);
        }
        await RemoveFinalizerAsync(owner, FinalizerOrphan, ct);
    }

    /// <summary>
    /// Foreground deletion (upstream's processDeletingDependentsItem): dependents that block the owner's deletion are
    /// queued for deletion; the owner keeps its finalizer until none of them is left in the graph. Their delete
    /// events requeue the owner. Non-blocking dependents are collected after the owner is gone.
    /// </summary>
    private async Task DeleteDependentsFirstAsync(GraphNode owner, CancellationToken ct)
    {
        var blocking = _graph.DependentsOf(owner.Uid).Where(d => d.RefTo(owner.Uid)?.BlockOwnerDeletion == true).ToList();
        if (blocking.Count == 0)
        {
            await RemoveFinalizerAsync(owner, FinalizerForeground, ct);
            return;
        }
        foreach (var d in blocking.Where(d => !d.BeingDeleted)) _queue.Add(d.Uid);
    }

    /// <summary>Merge patch carrying resourceVersion and uid, so a concurrent change fails it (and the sync retries).</summary>
    private async Task PatchOwnerReferencesAsync(GraphNode node, V1ObjectMeta live, List<V1OwnerReference> refs, CancellationToken ct)
    {
        var patch = new Dictionary<string, object?>
        {
            ["metadata"] = new Dictionary<string, object?>
            {
                ["ownerReferences"] = refs.Count == 0 ? null : refs,
                ["resourceVersion"] = live.ResourceVersion,
                ["uid"] = live.Uid,
            },
        };
        try
        {
            await _dynamic.MergePatchAsync(node.Resource, node.Namespace, node.Name, patch, ct);
            LogOwnerReferencesPatched(_logger, node.Key, refs.Count);
        }
        catch (KubeApiException e) when (ApiErrors.IsNotFound(e))
        {
            // Deleted meanwhile: nothing to orphan.
        }
    }

    private async Task RemoveFinalizerAsync(GraphNode node, string finalizer, CancellationToken ct)
    {
        var live = await _dynamic.GetMetadataAsync(node.Resource, node.Namespace, node.Name, ct);
        if (live == null || live.Uid != node.Uid || live.Finalizers?.Contains(finalizer) != true) return;
        var patch = new Dictionary<string, object?>
        {
            ["metadata"] = new Dictionary<string, object?>
            {
                ["finalizers"] = live.Finalizers.Where(f => f != finalizer).ToList(),
                ["resourceVersion"] = live.ResourceVersion,
                ["uid"] = live.Uid,
            },
        };
        try
        {
            await _dynamic.MergePatchAsync(node.Resource, node.Namespace, node.Name, patch, ct);
            LogFinalizerRemoved(_logger, finalizer, node.Key);
        }
        catch (KubeApiException e) when (ApiErrors.IsNotFound(e))
        {
            // Gone already.
        }
    }

    [LoggerMessage(EventId = 4303, Level = LogLevel.Information, Message = "Patched {Object}: {Count} ownerReferences kept")]
    private static partial void LogOwnerReferencesPatched(ILogger logger, string @object, int count);

    [LoggerMessage(EventId = 4304, Level = LogLevel.Information, Message = "Removed finalizer {Finalizer} from {Object}")]
    private static partial void LogFinalizerRemoved(ILogger logger, string finalizer, string @object);
}
