using k8s;
using k8s.Models;
using KubeSharp.ApiServer.Http;
using KubeSharp.Storage;

namespace KubeSharp.ApiServer.Registry;

public sealed partial class ResourceStore
{
    /// <summary>
    /// DELETE as upstream's generic store does it: preconditions; propagationPolicy Orphan/Foreground add the
    /// orphan/foregroundDeletion finalizer for the garbage collector; an object with finalizers or a grace period
    /// (a pod on a node) is only marked with deletionTimestamp; otherwise it is removed with compare-and-swap.
    /// </summary>
    public async Task<DeleteOutcome> DeleteAsync(string? ns, string name, V1DeleteOptions? options, bool dryRun,
        CancellationToken cancellationToken)
    {
        var key = Key(ns, name);
        for (var attempt = 0; ; attempt++)
        {
            var current = await ReadAsync(ns, name, cancellationToken) ?? throw Errors.NotFound(Resource, name);
            var obj = current.Object;
            var meta = obj.Metadata;
            CheckPreconditions(options, meta, name);
            _namespaces.AdmitDelete(Resource, name);

            var grace = Strategy.GracePeriodSeconds(obj, options?.GracePeriodSeconds);
            var changed = ApplyPropagation(meta, options);
            var waitsForOthers = false;
            if (meta.DeletionTimestamp == null)
            {
                waitsForOthers = Strategy.MarkForDeletion(obj);
                if (waitsForOthers || meta.Finalizers is { Count: > 0 } || grace > 0)
                {
                    meta.DeletionTimestamp = Now().AddSeconds(grace);
                    meta.DeletionGracePeriodSeconds = grace;
                    changed = true;
                }
            }
            else
            {
                waitsForOthers = !Strategy.ReadyToDelete(obj);
                // A second delete may only shorten the grace period (the kubelet's final delete uses 0).
                if (grace < (meta.DeletionGracePeriodSeconds ?? 0))
                {
                    meta.DeletionTimestamp = Now().AddSeconds(grace);
                    meta.DeletionGracePeriodSeconds = grace;
                    changed = true;
                }
            }

            var mustWait = waitsForOthers || meta.Finalizers is { Count: > 0 } || (meta.DeletionGracePeriodSeconds ?? 0) > 0;
            if (mustWait)
            {
                if (!changed || dryRun) return new DeleteOutcome(obj, false);
                var upd = await _store.UpdateAsync(key, Encode(obj), current.ResourceVersion, cancellationToken);
                if (upd.Status == WriteStatus.Ok)
                {
                    SetVersion(obj, upd.Revision);
                    return new DeleteOutcome(obj, false);
                }
                if (upd.Status == WriteStatus.NotFound) throw Errors.NotFound(Resource, name);
                if (attempt >= MaxConflictRetries) throw Errors.ObjectModified(Resource, name);
                continue;
            }

            if (dryRun) return new DeleteOutcome(obj, true);
            var result = await _store.DeleteAsync(key, current.ResourceVersion, cancellationToken);
            switch (result.Status)
            {
                case WriteStatus.Ok:
                    SetVersion(obj, result.Revision);
                    if (_hooks != null) await _hooks.AfterDeleteAsync(obj, CancellationToken.None);
                    return new DeleteOutcome(obj, true);
                case WriteStatus.NotFound:
                    throw Errors.NotFound(Resource, name);
                default:
                    if (attempt >= MaxConflictRetries) throw Errors.ObjectModified(Resource, name);
                    continue;
            }
        }
    }

    private void CheckPreconditions(V1DeleteOptions? options, V1ObjectMeta meta, string name)
    {
        var pre = options?.Preconditions;
        if (pre == null) return;
        if (!string.IsNullOrEmpty(pre.Uid) && pre.Uid != meta.Uid)
        {
            throw Errors.Conflict(Resource, name, $"Precondition failed: UID in precondition: {pre.Uid}, UID in object meta: {meta.Uid}");
        }
        if (!string.IsNullOrEmpty(pre.ResourceVersion) && pre.ResourceVersion != meta.ResourceVersion)
        {
            throw Errors.Conflict(Resource, name,
                $"Precondition failed: ResourceVersion in precondition: {pre.ResourceVersion}, ResourceVersion in object meta: {meta.ResourceVersion}");
        }
    }

    /// <summary>Maps propagationPolicy (and the deprecated orphanDependents) onto the GC finalizers.</summary>
    private static bool ApplyPropagation(V1ObjectMeta meta, V1DeleteOptions? options)
    {
        var policy = options?.PropagationPolicy;
        if (policy == null && options?.OrphanDependents is { } orphan) policy = orphan ? "Orphan" : "Background";
        if (policy == null) return false;
        if (policy is not ("Orphan" or "Foreground" or "Background"))
        {
            throw Errors.BadRequest($"Unsupported propagation policy: \"{policy}\"");
        }
        var finalizers = meta.Finalizers ?? new List<string>();
        var changed = false;
        void Set(string f, bool on)
        {
            if (on && !finalizers.Contains(f)) { finalizers.Add(f); changed = true; }
            if (!on && finalizers.Remove(f)) changed = true;
        }
        Set("orphan", policy == "Orphan");
        Set("foregroundDeletion", policy == "Foreground");
        meta.Finalizers = finalizers.Count > 0 ? finalizers : null;
        return changed;
    }
}
