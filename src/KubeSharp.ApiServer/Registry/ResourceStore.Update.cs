using k8s;
using k8s.Models;
using KubeSharp.ApiMachinery.Serialization;
using KubeSharp.ApiServer.Http;
using KubeSharp.Storage;

namespace KubeSharp.ApiServer.Registry;

/// <summary>Computes the desired object from the current one; may throw a <see cref="StatusException"/>.</summary>
public delegate IKubernetesObject<V1ObjectMeta> UpdateFunc(StoredObject current);

/// <summary>The outcome of an update: the object as stored (or unchanged), and whether it is now gone
/// (the update removed the last finalizer of an object marked for deletion).</summary>
public sealed record UpdateOutcome(IKubernetesObject<V1ObjectMeta> Object, bool Deleted, bool Changed)
{
    /// <summary>The served JSON of <see cref="Object"/> when the store write produced it (saves a serialization).</summary>
    public byte[]? Json { get; init; }
}

public sealed partial class ResourceStore
{
    /// <summary>
    /// PUT, PATCH and subresource writes: read the current object, compute the new one, keep the server-owned
    /// fields, validate, and compare-and-swap. A store conflict re-runs the whole function on the fresh object,
    /// unless the new object names a resourceVersion (a client precondition), which then answers 409 Conflict.
    /// An update that changes nothing is not written, so resourceVersion does not move.
    /// </summary>
    public async Task<UpdateOutcome> UpdateAsync(string? ns, string name, UpdateFunc update, UpdateScope scope,
        WriteOptions options, CancellationToken cancellationToken)
    {
        var key = Key(ns, name);
        // The first attempt starts from the watch cache's copy, as upstream's cacher does: usually current, and when
        // it is not, the compare-and-swap fails. Any refusal or "nothing to change" decided on that copy is decided
        // again on the store's value, since a lagging copy can be wrong either way.
        var fromCache = Cache.Get(key) is not null;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var (outcome, retry) = await AttemptUpdateAsync(key, ns, name, update, scope, options, attempt, fromCache, cancellationToken);
                if (!retry) return outcome!;
            }
            catch (StatusException) when (fromCache)
            {
                // Decided on a possibly stale copy: try again on the stored value.
            }
            fromCache = false;
        }
    }

    private async Task<(UpdateOutcome? Outcome, bool Retry)> AttemptUpdateAsync(string key, string? ns, string name, UpdateFunc update,
        UpdateScope scope, WriteOptions options, int attempt, bool fromCache, CancellationToken cancellationToken)
    {
        var (value, revision) = fromCache ? FromCache(key) : await FromStoreAsync(key, name, cancellationToken);
        if (value == null)
        {
            fromCache = false;
            (value, revision) = await FromStoreAsync(key, name, cancellationToken);
        }
        // Two decodes of the same stored bytes: the update function gets its own copy to change, "old" stays intact.
        var current = Decode(value!, revision);
        var old = current.Object;
        var obj = update(Decode(value!, revision));
        var meta = obj.Metadata ??= new V1ObjectMeta();

        if (!string.IsNullOrEmpty(meta.Name) && meta.Name != name)
        {
            throw Errors.BadRequest($"the name of the object ({meta.Name}) does not match the name on the URL ({name})");
        }
        if (Resource.Namespaced && !string.IsNullOrEmpty(meta.NamespaceProperty) && meta.NamespaceProperty != ns)
        {
            throw Errors.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }
        if (!string.IsNullOrEmpty(meta.ResourceVersion) && meta.ResourceVersion != old.Metadata.ResourceVersion)
        {
            throw Errors.ObjectModified(Resource, name);
        }
        if (!string.IsNullOrEmpty(meta.Uid) && meta.Uid != old.Metadata.Uid)
        {
            throw Errors.Conflict(Resource, name, $"Precondition failed: UID in precondition: {meta.Uid}, UID in object meta: {old.Metadata.Uid}");
        }

        obj = scope switch
        {
            UpdateScope.Status => Strategy.PrepareForStatusUpdate(obj, old),
            UpdateScope.Finalize => Strategies.NamespaceStrategy.Finalize(obj, old),
            _ => obj,
        };
        meta = obj.Metadata;
        KeepServerFields(meta, old.Metadata, name);
        if (scope == UpdateScope.Main)
        {
            Strategy.PrepareForUpdate(obj, old);
            if (Strategy.TracksGeneration && Strategy is Strategies.DefaultStrategy d && d.SpecChanged(obj, old))
            {
                meta.Generation = (old.Metadata.Generation ?? 0) + 1;
            }
        }

        // A binding is not a write of the pod by a field manager (upstream assigns the node straight in storage).
        if (!options.Apply && scope != UpdateScope.Binding) RecordManagedFields(obj, old, options with { Subresource = options.Subresource ?? (scope == UpdateScope.Status ? "status" : null) });
        // As on create, allocations come before validation (upstream's BeginUpdate) and are reverted if this
        // attempt does not write.
        var txn = _hooks != null && scope == UpdateScope.Main && meta.DeletionTimestamp == null
            ? await _hooks.BeginUpdateAsync(obj, old, options.DryRun, cancellationToken)
            : null;
        var committed = false;
        try
        {
            var errors = scope == UpdateScope.Binding ? [] : Strategy.ValidateUpdate(obj, old);
            if (errors.Count > 0) throw Errors.Invalid(Resource, name, errors);

            var (outcome, retry) = await WriteUpdateAsync(key, name, obj, current, attempt, scope, options, fromCache, cancellationToken);
            committed = outcome is { Changed: true, Deleted: false };
            if (outcome is { Deleted: true } && !options.DryRun && _hooks != null) await _hooks.AfterDeleteAsync(current.Object, CancellationToken.None);
            return (outcome, retry);
        }
        finally
        {
            if (txn != null)
            {
                if (committed) await txn.CommitAsync(CancellationToken.None);
                else await txn.RevertAsync(CancellationToken.None);
            }
        }
    }

    /// <summary>One compare-and-swap attempt of <see cref="UpdateAsync"/>: returns the outcome, or retry=true on a
    /// store conflict that the caller should answer by recomputing the update.</summary>
    private async Task<(UpdateOutcome? Outcome, bool Retry)> WriteUpdateAsync(string key, string name, IKubernetesObject<V1ObjectMeta> obj,
        StoredObject current, int attempt, UpdateScope scope, WriteOptions options, bool fromCache, CancellationToken cancellationToken)
    {
        var old = current.Object;
        var meta = obj.Metadata;
        var bytes = Encode(obj);
        if (bytes.AsSpan().SequenceEqual(Encode(old)))
        {
            // "Unchanged" must be judged against the stored value, not a cached copy that may lag behind it.
            return fromCache ? (null, true) : (new UpdateOutcome(old, false, false), false);
        }

        // An object marked for deletion goes once nothing holds it any more (finalizers removed).
        if (meta.DeletionTimestamp != null && meta.Finalizers is not { Count: > 0 } && (meta.DeletionGracePeriodSeconds ?? 0) == 0
            && Strategy.ReadyToDelete(obj))
        {
            if (options.DryRun) return (new UpdateOutcome(obj, true, true), false);
            var del = await _store.DeleteAsync(key, current.ResourceVersion, cancellationToken);
            if (del.Status == WriteStatus.Ok)
            {
                SetVersion(obj, del.Revision);
                return (new UpdateOutcome(obj, true, true), false);
            }
            if (del.Status == WriteStatus.NotFound) throw Errors.NotFound(Resource, name);
            if (attempt >= MaxConflictRetries) throw Errors.ObjectModified(Resource, name);
            return (null, true);
        }

        // Status, binding and finalize writes are not admitted (upstream's quota and limit ranger skip subresources).
        var undos = scope == UpdateScope.Main
            ? await ValidateAdmissionAsync(new AdmissionRequest(Resource, obj, old, options.DryRun), cancellationToken)
            : [];
        if (options.DryRun) return (new UpdateOutcome(obj, false, true), false);
        var result = await _store.UpdateAsync(key, bytes, current.ResourceVersion, cancellationToken);
        // Not written (conflict, gone): give back admission's charges; the retry admits again.
        if (result.Status != WriteStatus.Ok) await UndoAsync(undos);
        switch (result.Status)
        {
            case WriteStatus.Ok:
                SetVersion(obj, result.Revision);
                return (new UpdateOutcome(obj, false, true) { Json = KubeSharp.ApiServer.Cache.ResourceVersionInjector.Inject(bytes, result.Revision) }, false);
            case WriteStatus.NotFound:
                throw Errors.NotFound(Resource, name);
            default:
                if (attempt >= MaxConflictRetries) throw Errors.ObjectModified(Resource, name);
                return (null, true);
        }
    }

    private (byte[]? Value, long Revision) FromCache(string key) =>
        Cache.Get(key) is { } cached ? (cached.Json, cached.ResourceVersion) : (null, 0);

    private async Task<(byte[]? Value, long Revision)> FromStoreAsync(string key, string name, CancellationToken cancellationToken)
    {
        var kv = await _store.GetAsync(key, 0, cancellationToken) ?? throw Errors.NotFound(Resource, name);
        return (kv.Value, kv.ModRevision);
    }

    /// <summary>Fields only the server sets; a client's update cannot change them (upstream's
    /// rest.FillObjectMetaSystemFields / BeforeUpdate).</summary>
    private static void KeepServerFields(V1ObjectMeta meta, V1ObjectMeta old, string name)
    {
        meta.Name = name;
        meta.NamespaceProperty = old.NamespaceProperty;
        meta.Uid = old.Uid;
        meta.CreationTimestamp = old.CreationTimestamp;
        meta.DeletionTimestamp = old.DeletionTimestamp;
        meta.DeletionGracePeriodSeconds = old.DeletionGracePeriodSeconds;
        meta.Generation = old.Generation;
        meta.GenerateName ??= old.GenerateName;
        meta.SelfLink = null;
        // Once marked for deletion, an object may lose finalizers but not gain new ones.
        if (old.DeletionTimestamp != null && meta.Finalizers != null && old.Finalizers != null)
        {
            foreach (var f in meta.Finalizers)
            {
                if (!old.Finalizers.Contains(f)) meta.Finalizers = old.Finalizers.Intersect(meta.Finalizers).ToList();
            }
        }
    }
}
