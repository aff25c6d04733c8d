using System.Threading.Channels;

namespace KubeSharp.Storage.Sqlite;

/// <summary>
/// Fans committed events out to live watchers. The writer hands over whole batches (already in revision order)
/// and returns at once; one pump task delivers them, batch by batch, so a thousand watchers cost the writer
/// nothing and each watcher one queue operation per batch. Watchers are
/// grouped by prefix (the API server's watch cache opens one watch per resource, so groups are few and large) and
/// the groups live in an immutable array that subscribe/unsubscribe replace, so the pump never takes a lock.
/// </summary>
internal sealed class WatchBroadcaster : IAsyncDisposable
{
    private readonly Channel<StoreEvent[]> _batches = Channel.CreateUnbounded<StoreEvent[]>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    private readonly object _lock = new();
    private readonly Task _pump;
    private PrefixGroup[] _groups = [];
    private bool _closed;

    public WatchBroadcaster() => _pump = Task.Run(PumpAsync);

    /// <summary>Called by the writer thread only, after commit, in revision order.</summary>
    public void Publish(StoreEvent[] events) => _batches.Writer.TryWrite(events);

    public Watcher Subscribe(string prefix, int capacity)
    {
        var watcher = new Watcher(prefix, capacity);
        lock (_lock)
        {
            if (_closed)
            {
                watcher.Close();
                return watcher;
            }

            var groups = _groups;
            var index = Array.FindIndex(groups, g => g.Prefix == prefix);
            PrefixGroup[] updated;
            if (index < 0)
            {
                updated = [.. groups, new PrefixGroup(prefix, [watcher])];
            }
            else
            {
                updated = (PrefixGroup[])groups.Clone();
                updated[index] = new PrefixGroup(prefix, [.. groups[index].Watchers, watcher]);
            }

            Volatile.Write(ref _groups, updated);
        }

        return watcher;
    }

    public void Unsubscribe(Watcher watcher)
    {
        lock (_lock)
        {
            var groups = _groups;
            var index = Array.FindIndex(groups, g => g.Prefix == watcher.Prefix);
            if (index < 0 || Array.IndexOf(groups[index].Watchers, watcher) < 0)
            {
                return;
            }

            var remaining = Array.FindAll(groups[index].Watchers, w => w != watcher);
            PrefixGroup[] updated;
            if (remaining.Length == 0)
            {
                updated = Array.FindAll(groups, g => g.Prefix != watcher.Prefix);
            }
            else
            {
                updated = (PrefixGroup[])groups.Clone();
                updated[index] = new PrefixGroup(watcher.Prefix, remaining);
            }

            Volatile.Write(ref _groups, updated);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _batches.Writer.TryComplete();
        await _pump.ConfigureAwait(false);
        PrefixGroup[] groups;
        lock (_lock)
        {
            _closed = true;
            groups = _groups;
            _groups = [];
        }

        foreach (var group in groups)
        {
            foreach (var watcher in group.Watchers)
            {
                watcher.Close();
            }
        }
    }

    private async Task PumpAsync()
    {
        var reader = _batches.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var batch))
            {
                Deliver(batch);
            }
        }
    }

    private void Deliver(StoreEvent[] batch)
    {
        var groups = Volatile.Read(ref _groups);
        foreach (var group in groups)
        {
            // Filtered once per prefix and shared by every watcher of the group (events are immutable).
            var events = Matching(batch, group.Prefix);
            if (events.Length == 0)
            {
                continue;
            }

            foreach (var watcher in group.Watchers)
            {
                if (!watcher.TryOffer(events))
                {
                    Unsubscribe(watcher);
                }
            }
        }
    }

    private static StoreEvent[] Matching(StoreEvent[] batch, string prefix)
    {
        var count = 0;
        foreach (var storeEvent in batch)
        {
            if (storeEvent.Key.StartsWith(prefix, StringComparison.Ordinal))
            {
                count++;
            }
        }

        if (count == batch.Length || count == 0)
        {
            return count == 0 ? [] : batch;
        }

        var matching = new StoreEvent[count];
        var next = 0;
        foreach (var storeEvent in batch)
        {
            if (storeEvent.Key.StartsWith(prefix, StringComparison.Ordinal))
            {
                matching[next++] = storeEvent;
            }
        }

        return matching;
    }

    private sealed record PrefixGroup(string Prefix, Watcher[] Watchers);
}
