using k8s;
using k8s.Models;
using KubeSharp.Client.Cache;
using KubeSharp.Client.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KubeSharp.Client.Informers;

/// <summary>
/// Keeps an indexed cache of one resource in step with the API server by list + watch (client-go's
/// sharedIndexInformer and reflector) and fans changes out to any number of handlers. Run it once per process per
/// resource (see <see cref="SharedInformerFactory"/>).
/// </summary>
public sealed partial class SharedInformer<T> : ISharedInformer
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly ResourceClient<T> _client;
    private readonly InformerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Indexer<T> _indexer = new();
    // Guards the cache writes together with their fan-out, so a handler added mid-stream gets a consistent
    // snapshot as Adds and then exactly the changes after it.
    private readonly object _dispatchLock = new();
    private readonly List<ProcessorListener<T>> _listeners = [];
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile string _lastResourceVersion = "";
    private int _started;
    private int _listCount;

    public SharedInformer(ResourceClient<T> client, InformerOptions? options = null, TimeProvider? time = null, ILogger? logger = null)
    {
        _client = client;
        _options = options ?? new InformerOptions();
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        if (_client.Resource.Namespaced) _indexer.AddIndex(Indexes.Namespace, Indexes.ByNamespace);
        Lister = new Lister<T>(_indexer);
    }

    /// <summary>Read access to the cache; objects are shared, copy before mutating.</summary>
    public ICacheReader<T> Cache => _indexer;

    public Lister<T> Lister { get; }

    public bool HasSynced => _synced.Task.IsCompleted;

    public string LastSyncResourceVersion => _lastResourceVersion;

    /// <summary>How many full lists have been done (the first one plus relists after 410 or errors); for tests and metrics.</summary>
    public int ListCount => Volatile.Read(ref _listCount);

    /// <summary>Adds a secondary index; may be called before or after the informer starts.</summary>
    public void AddIndex(string name, Func<T, IEnumerable<string>> indexFunc) => _indexer.AddIndex(name, indexFunc);

    /// <summary>Registers a handler. When the cache already holds objects, the handler first gets them as Adds.</summary>
    public void AddEventHandler(IResourceEventHandler<T> handler)
    {
        var listener = new ProcessorListener<T>(handler, _logger, _client.Resource.QualifiedResource);
        lock (_dispatchLock)
        {
            foreach (var obj in _indexer.List()) listener.Post(new Notification<T>(NotificationKind.Add, obj, default, false));
            _listeners.Add(listener);
        }
    }

    public async Task<bool> WaitForCacheSyncAsync(CancellationToken ct)
    {
        try
        {
            await _synced.Task.WaitAsync(ct);
            return true;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return false;
        }
    }

    public async Task RunAsync(CancellationToken ct)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0) throw new InvalidOperationException("informer already started");
        using var resync = _options.ResyncPeriod > TimeSpan.Zero
            ? _time.CreateTimer(_ => Resync(), null, _options.ResyncPeriod, _options.ResyncPeriod)
            : null;
        try
        {
            await ListAndWatchLoopAsync(ct);
        }
        finally
        {
            ProcessorListener<T>[] listeners;
            lock (_dispatchLock) listeners = _listeners.ToArray();
            foreach (var l in listeners) l.Stop();
            await Task.WhenAll(listeners.Select(l => l.Completion));
        }
    }

    /// <summary>Re-delivers every cached object as an update, so level-based controllers re-check their world.</summary>
    private void Resync()
    {
        if (!HasSynced) return;
        lock (_dispatchLock)
        {
            foreach (var obj in _indexer.List()) Dispatch(new Notification<T>(NotificationKind.Update, obj, obj, false));
        }
    }

    private void Dispatch(Notification<T> n)
    {
        foreach (var l in _listeners) l.Post(n);
    }
}
