using System.Threading.Channels;

namespace KubeSharp.ApiServer.Cache;

/// <summary>
/// One watch served from the cache. The cache's dispatcher pushes matching events into a bounded channel and
/// never waits: a watcher that falls behind by more than its capacity is ended (its client re-lists), so one stalled
/// reader can never hold up other watchers or writers (kestrel-notes trap 4).
/// </summary>
public sealed class CacheWatcher
{
    private readonly Channel<CacheEvent> _channel;
    private readonly IObjectFilter _filter;
    private readonly long _fromRevision;
    private int _closed;

    public CacheWatcher(IObjectFilter filter, long fromRevision, bool bookmarks, int capacity)
    {
        _filter = filter;
        _fromRevision = fromRevision;
        Bookmarks = bookmarks;
        _channel = Channel.CreateBounded<CacheEvent>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public bool Bookmarks { get; }

    public ChannelReader<CacheEvent> Reader => _channel.Reader;

    /// <summary>True when the watcher was ended because it could not keep up.</summary>
    public bool Overflowed { get; private set; }

    public bool IsClosed => Volatile.Read(ref _closed) != 0;

    /// <summary>Translates a change into what this watcher should see: a MODIFIED that moves an object out of the
    /// selector becomes DELETED and one that moves it in becomes ADDED, as upstream's cacher does.</summary>
    internal void Offer(CacheEvent e)
    {
        if (IsClosed || e.ResourceVersion <= _fromRevision) return;
        CacheEvent? toSend = null;
        switch (e.Type)
        {
            case CacheEventType.Added:
                if (_filter.Matches(e.Object!)) toSend = e;
                break;
            case CacheEventType.Deleted:
                if (_filter.Matches(e.Object!)) toSend = e;
                break;
            case CacheEventType.Modified:
                var now = _filter.Matches(e.Object!);
                var before = e.Previous != null && _filter.Matches(e.Previous);
                if (now && before) toSend = e;
                else if (now) toSend = new CacheEvent(CacheEventType.Added, e.Object, null, e.ResourceVersion);
                else if (before) toSend = new CacheEvent(CacheEventType.Deleted, e.Object, null, e.ResourceVersion);
                break;
            case CacheEventType.Bookmark:
                if (Bookmarks) toSend = e;
                break;
        }
        if (toSend != null) Push(toSend);
    }

    /// <summary>Pushes an initial (replayed or synthetic) event without filtering.</summary>
    internal void Push(CacheEvent e)
    {
        if (!_channel.Writer.TryWrite(e))
        {
            Overflowed = true;
            Close();
        }
    }

    public void Close()
    {
        if (Interlocked.Exchange(ref _closed, 1) == 0) _channel.Writer.TryComplete();
    }
}
