using k8s.Models;
using KubeSharp.ApiMachinery.Resources;
using Microsoft.Extensions.Logging;

namespace KubeSharp.ControllerManager.Controllers.GarbageCollector;

internal sealed partial class GarbageCollector
{
    private async Task SyncAsync(string uid, CancellationToken ct)
    {
        var node = _graph.Get(uid);
        if (node == null) return;
        if (node.BeingDeleted && node.HasFinalizer(FinalizerOrphan))
        {
            await OrphanDependentsAsync(node, ct);
            return;
        }
        if (node.BeingDeleted && node.HasFinalizer(FinalizerForeground))
        {
            await DeleteDependentsFirstAsync(node, ct);
            return;
        }
        if (!node.BeingDeleted && node.Owners.Count > 0) await AttemptToDeleteAsync(node, ct);
    }

    /// <summary>
    /// Upstream's attemptToDeleteItem: reads the dependent live (the graph may be stale, e.g. just after an orphaning
    /// patch), classifies each owner as solid, dangling or waiting for its dependents, and then deletes the
    /// dependent, or drops dangling references and unblocks waiting owners when a solid owner remains.
    /// </summary>
    private async Task AttemptToDeleteAsync(GraphNode node, CancellationToken ct)
    {
        var live = await _dynamic.GetMetadataAsync(node.Resource, node.Namespace, node.Name, ct);
        if (live == null || live.Uid != node.Uid || live.DeletionTimestamp != null) return;
        var refs = live.OwnerReferences ?? [];
        if (refs.Count == 0) return;
        var states = new Dictionary<string, OwnerState>();
        foreach (var r in refs) states[r.Uid] = await ClassifyOwnerAsync(node.Namespace, r, ct);
        if (states.Values.Any(s => s == OwnerState.Solid))
        {
            if (states.Values.All(s => s == OwnerState.Solid)) return;
            var kept = refs
                .Where(r => states[r.Uid] != OwnerState.Dangling)
                .Select(r => states[r.Uid] == OwnerState.Waiting ? WithoutBlocking(r) : r)
                .ToList();
            await PatchOwnerReferencesAsync(node, live, kept, ct);
            return;
        }
        // No solid owner left: foreground if a waiting owner is blocked on this dependent, as the owner asked for.
        var policy = refs.Any(r => states[r.Uid] == OwnerState.Waiting && r.BlockOwnerDeletion == true) ? "Foreground" : "Background";
        if (await _dynamic.DeleteAsync(node.Resource, node.Namespace, node.Name, node.Uid, policy, ct))
        {
            LogDeleted(_logger, node.Key, policy);
        }
    }

    /// <summary>
    /// An owner the graph knows is solid (or waiting); one it does not know is looked up live by name and counted
    /// dangling only when it is absent or a different object now has its name (upstream's virtual-node check).
    /// </summary>
    private async Task<OwnerState> ClassifyOwnerAsync(string ns, V1OwnerReference r, CancellationToken ct)
    {
        var cached = _graph.Get(r.Uid);
        if (cached != null)
        {
            return cached.BeingDeleted && cached.HasFinalizer(FinalizerForeground) ? OwnerState.Waiting : OwnerState.Solid;
        }
        var resource = ResolveOwner(r);
        if (resource == null)
        {
            // A kind the API server does not serve cannot be checked; keeping the dependent is the safe answer.
            LogUnknownOwnerKind(_logger, r.ApiVersion, r.Kind);
            return OwnerState.Solid;
        }
        var live = await _dynamic.GetMetadataAsync(resource, resource.Namespaced ? ns : "", r.Name, ct);
        if (live == null || live.Uid != r.Uid) return OwnerState.Dangling;
        return live.DeletionTimestamp != null && live.Finalizers?.Contains(FinalizerForeground) == true
            ? OwnerState.Waiting
            : OwnerState.Solid;
    }

    private static ResourceInfo? ResolveOwner(V1OwnerReference r)
    {
        var slash = r.ApiVersion?.IndexOf('/') ?? -1;
        var group = slash < 0 ? "" : r.ApiVersion![..slash];
        return ResourceTable.FindByKind(group, r.Kind);
    }

    private static V1OwnerReference WithoutBlocking(V1OwnerReference r) => new()
    {
        ApiVersion = r.ApiVersion,
        Kind = r.Kind,
        Name = r.Name,
        Uid = r.Uid,
        Controller = r.Controller,
        BlockOwnerDeletion = false,
    };

    private enum OwnerState
    {
        Solid,
        Dangling,
        Waiting,
    }

    [LoggerMessage(EventId = 4301, Level = LogLevel.Information, Message = "Deleting {Object}: no owner left (propagation {Policy})")]
    private static partial void LogDeleted(ILogger logger, string @object, string policy);

    [LoggerMessage(EventId = 4302, Level = LogLevel.Warning, Message = "Owner kind {ApiVersion} {Kind} is not served; keeping its dependents")]
    private static partial void LogUnknownOwnerKind(ILogger logger, string apiVersion, string kind);
}
