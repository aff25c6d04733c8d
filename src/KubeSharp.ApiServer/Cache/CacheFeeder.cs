using KubeSharp.ApiMachinery.Resources;
using KubeSharp.Storage;
using Microsoft.Extensions.Logging;

namespace KubeSharp.ApiServer.Cache;

/// <summary>
/// Fills every resource's <see cref="WatchCache"/> from the store: one list per resource at a common revision, then
/// one store watch on the whole registry prefix. Because every write in the store passes through this single
/// ordered stream, <see cref="Revision"/> is a cluster-wide progress marker: once it reaches R, every cache reflects
/// every write up to R, which is what consistent reads wait for.
/// </summary>
public sealed partial class CacheFeeder : IAsyncDisposable
{
    private const string RegistryPrefix = "/registry/";
    private readonly IStore _store;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, WatchCache> _byPrefix = new(StringComparer.Ordinal);
    private readonly Dictionary<ResourceInfo, WatchCache> _byResource = [];
    private readonly List<(long Revision, TaskCompletionSource Signal)> _waiters = [];
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;
    private ITimer? _bookmarkTimer;
    private long _revision;

    public CacheFeeder(IStore store, IEnumerable<ResourceInfo> resources, int eventWindow, TimeProvider time, ILogger logger)
    {
        _store = store;
        _time = time;
        _logger = logger;
        foreach (var r in resources)
        {
            var cache = new WatchCache(r, eventWindow);
            _byResource[r] = cache;
            _byPrefix[r.KeyPrefix] = cache;
        }
    }

    /// <summary>The store revision up to which every cache is current.</summary>
    public long Revision => Interlocked.Read(ref _revision);

    public WatchCache For(ResourceInfo resource) => _byResource[resource];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var revision = await LoadAllAsync(cancellationToken);
        _loop = Task.Run(() => RunAsync(revision, _stop.Token), CancellationToken.None);
        _bookmarkTimer = _time.CreateTimer(_ => SendBookmarks(), null, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30));
    }

    /// <summary>Waits until the caches reflect every write the store has acknowledged so far.</summary>
    public async Task WaitFreshAsync(CancellationToken cancellationToken)
    {
        var current = await _store.GetCurrentRevisionAsync(cancellationToken);
        await WaitForRevisionAsync(current, TimeSpan.FromSeconds(10), cancellationToken);
    }

    /// <summary>Waits until <see cref="Revision"/> ≥ <paramref name="revision"/>; false on timeout.</summary>
    public async Task<bool> WaitForRevisionAsync(long revision, TimeSpan timeout, CancellationToken cancellationToken)
    {
        TaskCompletionSource signal;
        lock (_waiters)
        {
            if (Revision >= revision) return true;
            signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((revision, signal));
        }
        try
        {
            await signal.Task.WaitAsync(timeout, _time, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private async Task<long> LoadAllAsync(CancellationToken cancellationToken)
    {
        var revision = await _store.GetCurrentRevisionAsync(cancellationToken);
        foreach (var (prefix, cache) in _byPrefix)
        {
            var objects = new List<CachedObject>();
            string? start = null;
            while (true)
            {
                var page = await _store.ListAsync(prefix, new ListOptions(revision, start, 5000), cancellationToken);
                foreach (var kv in page.Items)
                {
                    if (TryDecode(cache.Resource, kv.Key, kv.Value, kv.ModRevision) is { } o) objects.Add(o);
                }
                if (!page.More || page.Items.Count == 0) break;
                start = page.Items[^1].Key;
            }
            cache.Initialize(objects, revision);
        }
        SetRevision(revision);
        return revision;
    }

    private async Task RunAsync(long revision, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await foreach (var e in _store.WatchAsync(RegistryPrefix, revision, cancellationToken))
                {
                    Dispatch(e);
                    revision = e.Revision;
                    SetRevision(revision);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is CompactedException or WatchTooSlowException)
            {
                // We lost events; rebuild every cache from a fresh list and end all watches so clients re-list.
                LogRelist(_logger, ex.Message);
                foreach (var cache in _byResource.Values) cache.CloseAllWatchers();
                revision = await LoadAllAsync(cancellationToken);
            }
            catch (Exception ex)
            {
                LogWatchFailed(_logger, ex);
                await Task.Delay(TimeSpan.FromMilliseconds(200), _time, cancellationToken);
            }
        }
    }

    private void Dispatch(StoreEvent e)
    {
        var cache = FindCache(e.Key);
        if (cache == null) return;
        if (e.Type == StoreEventType.Deleted)
        {
            if (e.PrevValue == null) return;
            if (TryDecode(cache.Resource, e.Key, e.PrevValue, e.Revision) is { } last) cache.Apply(CacheEventType.Deleted, last, e.Revision);
            return;
        }
        if (TryDecode(cache.Resource, e.Key, e.Value!, e.Revision) is { } obj) cache.Apply(CacheEventType.Modified, obj, e.Revision);
    }

    private WatchCache? FindCache(string key)
    {
        // Keys are /registry/<resource>/... or /registry/<group>/<resource>/...: try the one- and two-segment prefixes.
        var first = key.IndexOf('/', RegistryPrefix.Length);
        if (first < 0) return null;
        if (_byPrefix.TryGetValue(key[..(first + 1)], out var cache)) return cache;
        var second = key.IndexOf('/', first + 1);
        return second > 0 && _byPrefix.TryGetValue(key[..(second + 1)], out cache) ? cache : null;
    }

    private CachedObject? TryDecode(ResourceInfo resource, string key, byte[] value, long revision)
    {
        try
        {
            return ObjectDecoder.Decode(resource, key, value, revision);
        }
        catch (Exception ex)
        {
            // A value we cannot decode must not stop the cache for every other object; it is logged and skipped.
            LogUndecodable(_logger, key, ex.Message);
            return null;
        }
    }

    private void SetRevision(long revision)
    {
        Interlocked.Exchange(ref _revision, revision);
        lock (_waiters)
        {
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Revision <= revision)
                {
                    _waiters[i].Signal.TrySetResult();
                    _waiters.RemoveAt(i);
                }
            }
        }
    }

    private void SendBookmarks()
    {
        var rv = Revision;
        foreach (var cache in _byResource.Values) cache.Bookmark(rv);
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _bookmarkTimer?.Dispose();
        foreach (var cache in _byResource.Values) cache.CloseAllWatchers();
        if (_loop != null)
        {
            try { await _loop; } catch (OperationCanceledException) { }
        }
        _stop.Dispose();
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Warning, Message = "Store watch lost events ({Reason}); re-listing every resource")]
    private static partial void LogRelist(ILogger logger, string reason);

    [LoggerMessage(EventId = 101, Level = LogLevel.Error, Message = "Store watch failed; retrying")]
    private static partial void LogWatchFailed(ILogger logger, Exception ex);

    [LoggerMessage(EventId = 102, Level = LogLevel.Error, Message = "Cannot decode stored object {Key}: {Error}")]
    private static partial void LogUndecodable(ILogger logger, string key, string error);
}
