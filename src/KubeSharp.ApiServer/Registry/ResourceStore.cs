using System.Globalization;
using k8s;
using k8s.Models;
using KubeSharp.ApiMachinery.Resources;
using KubeSharp.ApiMachinery.Serialization;
using KubeSharp.ApiServer.Cache;
using KubeSharp.ApiServer.Http;
using KubeSharp.Storage;

namespace KubeSharp.ApiServer.Registry;

/// <summary>
/// The generic registry of one resource (upstream's generic registry Store): CRUD with compare-and-swap on the
/// store, server-set metadata, finalizers and graceful deletion, dry-run; per-kind rules come from the
/// <see cref="IResourceStrategy"/>. Reads are served by the watch cache.
/// </summary>
public sealed partial class ResourceStore
{
    private const int MaxConflictRetries = 16;
    private readonly IStore _store;
    private readonly CacheFeeder _feeder;
    private readonly TimeProvider _time;
    private readonly NamespaceLifecycle _namespaces;
    private readonly IReadOnlyList<IAdmissionPlugin> _admission;
    private readonly IWriteHooks? _hooks;
    private readonly IReadOnlyList<IValidatingAdmissionPlugin> _validating;

    public ResourceStore(ResourceInfo resource, IResourceStrategy strategy, IStore store, CacheFeeder feeder,
        NamespaceLifecycle namespaces, TimeProvider time, IReadOnlyList<IAdmissionPlugin>? admission = null,
        IReadOnlyList<IValidatingAdmissionPlugin>? validating = null, IWriteHooks? hooks = null)
    {
        _admission = admission ?? [];
        _validating = validating ?? [];
        _hooks = hooks;
        Resource = resource;
        Strategy = strategy;
        _store = store;
        _feeder = feeder;
        _namespaces = namespaces;
        _time = time;
    }

    public ResourceInfo Resource { get; }

    public IResourceStrategy Strategy { get; }

    public WatchCache Cache => _feeder.For(Resource);

    public string Key(string? ns, string name) =>
        Resource.Namespaced ? $"{Resource.KeyPrefix}{ns}/{name}" : $"{Resource.KeyPrefix}{name}";

    /// <summary>The key prefix of one namespace's objects, or of the whole resource when <paramref name="ns"/> is null.</summary>
    public string KeyPrefix(string? ns) => Resource.Namespaced && ns != null ? $"{Resource.KeyPrefix}{ns}/" : Resource.KeyPrefix;

    /// <summary>Reads the latest state straight from the store (writes need the exact current revision).</summary>
    public async Task<StoredObject?> ReadAsync(string? ns, string name, CancellationToken cancellationToken)
    {
        var kv = await _store.GetAsync(Key(ns, name), 0, cancellationToken);
        return kv == null ? null : Decode(kv.Value, kv.ModRevision);
    }

    /// <summary>GET: from the cache once it has caught up with the store, so a read follows every acknowledged write.</summary>
    public async Task<CachedObject> GetAsync(string? ns, string name, CancellationToken cancellationToken)
    {
        await _feeder.WaitFreshAsync(cancellationToken);
        return Cache.Get(Key(ns, name)) ?? throw Errors.NotFound(Resource, name);
    }

    public StoredObject Decode(byte[] value, long revision)
    {
        var obj = (IKubernetesObject<V1ObjectMeta>)KubeJson.Deserialize(value, Resource.ModelType);
        obj.Metadata ??= new V1ObjectMeta();
        obj.Metadata.ResourceVersion = revision.ToString(CultureInfo.InvariantCulture);
        obj.ApiVersion = Resource.GroupVersion;
        obj.Kind = Resource.Kind;
        return new StoredObject(obj, revision);
    }

    /// <summary>Serializes for the store: without resourceVersion, which only the store's revision defines.</summary>
    private byte[] Encode(IKubernetesObject<V1ObjectMeta> obj)
    {
        var rv = obj.Metadata.ResourceVersion;
        obj.Metadata.ResourceVersion = null;
        obj.ApiVersion = Resource.GroupVersion;
        obj.Kind = Resource.Kind;
        try
        {
            return KubeJson.Serialize(obj, Resource.ModelType);
        }
        finally
        {
            obj.Metadata.ResourceVersion = rv;
        }
    }

    /// <summary>Runs the validating admission steps in order; returns the undos of those with side effects. A refusal
    /// undoes what the earlier steps did before it propagates.</summary>
    private async Task<List<Func<CancellationToken, Task>>> ValidateAdmissionAsync(AdmissionRequest request, CancellationToken cancellationToken)
    {
        var undos = new List<Func<CancellationToken, Task>>();
        try
        {
            foreach (var plugin in _validating)
            {
                if (await plugin.ValidateAsync(request, cancellationToken) is { } undo) undos.Add(undo);
            }
        }
        catch
        {
            await UndoAsync(undos);
            throw;
        }
        return undos;
    }

    /// <summary>Reverts admission side effects of a write that was not persisted; never throws (a leftover charge is
    /// corrected by the resourcequota controller's next recalculation).</summary>
    private static async Task UndoAsync(List<Func<CancellationToken, Task>> undos)
    {
        foreach (var undo in undos)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await undo(timeout.Token);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Best effort by design; see the summary.
            }
        }
    }

    /// <summary>After a committed write: the object's new resourceVersion, and the cache learns that this server
    /// wrote the resource at that revision (see <see cref="WatchCache.LastLocalWrite"/>).</summary>
    private void SetVersion(IKubernetesObject<V1ObjectMeta> obj, long revision)
    {
        obj.Metadata.ResourceVersion = revision.ToString(CultureInfo.InvariantCulture);
        Cache.NoteLocalWrite(revision);
    }

    /// <summary>metav1.Time has second precision; a sub-second timestamp would not round-trip through Go clients.</summary>
    private DateTime Now()
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
    }
}
