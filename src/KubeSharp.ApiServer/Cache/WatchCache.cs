using KubeSharp.ApiMachinery.Resources;

namespace KubeSharp.ApiServer.Cache;

/// <summary>
/// The API server's per-resource cache: the current objects plus a window of recent events, fed by the single
/// store watch of <see cref="CacheFeeder"/>. Lists and watches are served from here (architecture.md §4).
/// All state is guarded by one lock; the feeder is the only writer and never blocks on a watcher.
/// </summary>
public sealed class WatchCache
{
    private readonly object _lock = new();
    private readonly Dictionary<string, CachedObject> _objects = new(StringComparer.Ordinal);
    private readonly CacheEvent?[] _ring;
    private readonly List<CacheWatcher> _watchers = [];
    private int _ringStart;
    private int _ringCount;
    private long _windowStart;
    private long _lastApplied;
    private long _lastLocalWrite;

    public WatchCache(ResourceInfo resource, int capacity)
    {
        Resource = resource;
        _ring = new CacheEvent?[capacity];
    }

    public ResourceInfo Resource { get; }

    public int Count
    {
        get { lock (_lock) return _objects.Count; }
    }

    /// <summary>Loads the initial state read from the store at <paramref name="revision"/>.</summary>
    internal void Initialize(IEnumerable<CachedObject> objects, long revision)
    {
        lock (_lock)
        {
            _objects.Clear();
            foreach (var o in objects) _objects[o.Key] = o;
            _windowStart = revision;
            _lastApplied = revision;
        }
    }

    /// <summary>Applies one change from the store watch and offers it to the watchers.</summary>
    internal void Apply(CacheEventType type, CachedObject obj, long revision)
    {
        lock (_lock)
        {
            _objects.TryGetValue(obj.Key, out var prev);
            CacheEvent e;
            if (type == CacheEventType.Deleted)
            {
                _objects.Remove(obj.Key);
                e = new CacheEvent(CacheEventType.Deleted, obj, prev, revision);
            }
            else
            {
                _objects[obj.Key] = obj;
                e = new CacheEvent(prev == null ? CacheEventType.Added : CacheEventType.Modified, obj, prev, revision);
            }
            _lastApplied = revision;
            AppendToRing(e);
            for (var i = _watchers.Count - 1; i >= 0; i--)
            {
                var w = _watchers[i];
                w.Offer(e);
                if (w.IsClosed) _watchers.RemoveAt(i);
            }
        }
    }

    /// <summary>Sends a bookmark at <paramref name="revision"/> (the feeder's global progress) to watchers that asked.</summary>
    internal void Bookmark(long revision)
    {
        lock (_lock)
        {
            if (_watchers.Count == 0) return;
            var rv = Math.Max(revision, _lastApplied);
            var obj = new CachedObject
            {
                Key = "", Namespace = "", Name = "", Uid = "", ResourceVersion = rv,
                Json = WatchEncoding.BookmarkObject(Resource.Kind, Resource.GroupVersion, rv),
            };
            var e = new CacheEvent(CacheEventType.Bookmark, obj, null, rv);
            for (var i = _watchers.Count - 1; i >= 0; i--)
            {
                var w = _watchers[i];
                if (w.Bookmarks) w.Push(e);
                if (w.IsClosed) _watchers.RemoveAt(i);
            }
        }
    }

    /// <summary>
    /// The highest revision at which this API server wrote an object of this resource. Once the feeder's revision
    /// has reached it, the cache holds every write this server acknowledged for the resource, which lets admission
    /// trust an empty answer (no LimitRange in the namespace) without listing the store or waiting for the
    /// whole cache to catch up with unrelated writes. Writes by other API servers sharing the store arrive with
    /// the usual watch delay, as upstream's informer-based admission sees them.
    /// </summary>
    public long LastLocalWrite => Interlocked.Read(ref _lastLocalWrite);

    public void NoteLocalWrite(long revision)
    {
        var seen = Interlocked.Read(ref _lastLocalWrite);
        while (revision > seen)
        {
            var prior = Interlocked.CompareExchange(ref _lastLocalWrite, revision, seen);
            if (prior == seen) return;
            seen = prior;
        }
    }

    public CachedObject? Get(string key)
    {
        lock (_lock) return _objects.GetValueOrDefault(key);
    }

    /// <summary>A snapshot of the matching objects, sorted by key, and the revision it reflects.</summary>
    public (List<CachedObject> Items, long Revision) List(IObjectFilter filter, long globalRevision, string? keyPrefix)
    {
        List<CachedObject> items;
        long rv;
        lock (_lock)
        {
            rv = Math.Max(globalRevision, _lastApplied);
            items = new List<CachedObject>(keyPrefix == null ? _objects.Count : 16);
            foreach (var o in _objects.Values)
            {
                if (keyPrefix != null && !o.Key.StartsWith(keyPrefix, StringComparison.Ordinal)) continue;
                if (filter.Matches(o)) items.Add(o);
            }
        }
        items.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return (items, rv);
    }

    /// <summary>
    /// Starts a watch. <paramref name="fromRevision"/> 0 means "current state as synthetic ADDED events, then live";
    /// otherwise every change after it is replayed from the event window, or <see cref="TooOldException"/> when the
    /// window no longer reaches back that far.
    /// </summary>
    public CacheWatcher Watch(IObjectFilter filter, long fromRevision, bool bookmarks, long globalRevision, int capacity)
    {
        lock (_lock)
        {
            if (fromRevision == 0)
            {
                var rv = Math.Max(globalRevision, _lastApplied);
                var initial = new List<CachedObject>();
                foreach (var o in _objects.Values)
                {
                    if (filter.Matches(o)) initial.Add(o);
                }
                initial.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
                var w = new CacheWatcher(filter, rv, bookmarks, Math.Max(capacity, initial.Count + capacity));
                foreach (var o in initial) w.Push(new CacheEvent(CacheEventType.Added, o, null, o.ResourceVersion));
                _watchers.Add(w);
                return w;
            }

            if (fromRevision < _windowStart) throw new TooOldException(fromRevision, _windowStart);
            var replay = new List<CacheEvent>();
            for (var i = 0; i < _ringCount; i++)
            {
                var e = _ring[(_ringStart + i) % _ring.Length]!;
                if (e.ResourceVersion > fromRevision) replay.Add(e);
            }
            var watcher = new CacheWatcher(filter, Math.Max(fromRevision, _lastApplied), bookmarks, capacity + replay.Count);
            var replayFilter = new CacheWatcher(filter, fromRevision, false, replay.Count + 1);
            foreach (var e in replay)
            {
                // Translate through a temporary watcher so selector transitions are applied as for live events.
                replayFilter.Offer(e);
            }
            while (replayFilter.Reader.TryRead(out var translated)) watcher.Push(translated);
            _watchers.Add(watcher);
            return watcher;
        }
    }

    public void StopWatch(CacheWatcher watcher)
    {
        watcher.Close();
        lock (_lock) _watchers.Remove(watcher);
    }

    /// <summary>Ends every watch (on shutdown or when the store watch must restart).</summary>
    internal void CloseAllWatchers()
    {
        lock (_lock)
        {
            foreach (var w in _watchers) w.Close();
            _watchers.Clear();
        }
    }

    private void AppendToRing(CacheEvent e)
    {
        if (_ringCount == _ring.Length)
        {
            // The evicted event's revision becomes the oldest a watch can start from.
            _windowStart = _ring[_ringStart]!.ResourceVersion;
            _ring[_ringStart] = e;
            _ringStart = (_ringStart + 1) % _ring.Length;
        }
        else
        {
            _ring[(_ringStart + _ringCount) % _ring.Length] = e;
            _ringCount++;
        }
    }
}
