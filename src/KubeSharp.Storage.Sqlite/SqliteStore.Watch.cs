using System.Runtime.CompilerServices;

namespace KubeSharp.Storage.Sqlite;

public sealed partial class SqliteStore
{
    public IAsyncEnumerable<StoreEvent> WatchAsync(string prefix, long afterRevision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentOutOfRangeException.ThrowIfNegative(afterRevision);
        ThrowIfDisposed();
        return WatchCoreAsync(prefix, afterRevision, cancellationToken);
    }

    /// <summary>
    /// Replay, then live, without gap or duplicate: the log is replayed page by page until a page comes back short
    /// (caught up); only then does the watch subscribe, so a long replay does not fill the live buffer. Events
    /// committed between the last page and the subscription are read by one more replay pass; from then on the
    /// live buffer holds every later event, and anything at or below the position reached is a duplicate of the
    /// replay and skipped by revision.
    /// </summary>
    private async IAsyncEnumerable<StoreEvent> WatchCoreAsync(
        string prefix, long afterRevision, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var position = afterRevision;
        var hi = KeyRange.PrefixEnd(prefix);
        for (var pass = 0; pass < 2; pass++)
        {
            Watcher? watcher = null;
            if (pass == 1)
            {
                watcher = _broadcaster.Subscribe(prefix, _options.WatchBufferSize);
            }

            try
            {
                while (true)
                {
                    var page = await ReadHistoryPageAsync(prefix, hi, position, cancellationToken).ConfigureAwait(false);
                    foreach (var storeEvent in page.Events)
                    {
                        position = storeEvent.Revision;
                        yield return storeEvent;
                    }

                    position = Math.Max(position, page.ScannedTo);
                    if (!page.Full)
                    {
                        break;
                    }
                }

                if (watcher is null)
                {
                    continue;
                }

                while (await watcher.ReadAsync(cancellationToken).ConfigureAwait(false) is { } storeEvent)
                {
                    if (storeEvent.Revision <= position)
                    {
                        continue;
                    }

                    position = storeEvent.Revision;
                    yield return storeEvent;
                }
            }
            finally
            {
                if (watcher is not null)
                {
                    _broadcaster.Unsubscribe(watcher);
                }
            }
        }
    }

    private async ValueTask<HistoryPage> ReadHistoryPageAsync(string prefix, string? hi, long after, CancellationToken cancellationToken)
    {
        var pageSize = Math.Max(1, _options.WatchReplayPageSize);
        var connection = await _readers.RentAsync(cancellationToken).ConfigureAwait(false);
        List<LogRow> rows;
        long snapshotRevision;
        try
        {
            // Compacting beyond the position deletes rows this watch still has to deliver.
            (var compacted, snapshotRevision) = connection.BeginSnapshot();
            if (after > snapshotRevision)
            {
                throw new FutureRevisionException(after, snapshotRevision);
            }

            if (after < compacted)
            {
                throw new CompactedException(after, compacted);
            }

            rows = connection.ReadHistory(after, prefix, hi, pageSize);
        }
        finally
        {
            _readers.Return(connection);
        }

        var events = new List<StoreEvent>(rows.Count);
        foreach (var row in rows)
        {
            if (row.Key.StartsWith(prefix, StringComparison.Ordinal))
            {
                events.Add(row.ToEvent());
            }
        }

        var full = rows.Count == pageSize;
        var scannedTo = full ? rows[^1].Id : Math.Max(after, snapshotRevision);
        return new HistoryPage(events, full, scannedTo);
    }
}
