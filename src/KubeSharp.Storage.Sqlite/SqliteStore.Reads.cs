namespace KubeSharp.Storage.Sqlite;

public sealed partial class SqliteStore
{
    public async ValueTask<KeyValue?> GetAsync(string key, long revision = 0, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ThrowIfDisposed();
        ArgumentOutOfRangeException.ThrowIfNegative(revision);
        var connection = await _readers.RentAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var atRevision = SnapshotRevision(connection.BeginSnapshot(), revision);
            var row = connection.ReadRowAt(key, atRevision);
            return row is { Deleted: false } live ? live.ToKeyValue() : null;
        }
        finally
        {
            _readers.Return(connection);
        }
    }

    public async ValueTask<ListResult> ListAsync(string prefix, ListOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Limit);
        ThrowIfDisposed();
        ArgumentOutOfRangeException.ThrowIfNegative(options.Revision);
        var hi = KeyRange.PrefixEnd(prefix);
        // StartKey is the last key of the previous page: continue strictly after it, unless it lies before the
        // prefix (then the whole prefix follows it).
        var afterStart = options.StartKey is { } start && string.CompareOrdinal(start, prefix) >= 0;
        var lo = afterStart ? options.StartKey! : prefix;
        var connection = await _readers.RentAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var atRevision = SnapshotRevision(connection.BeginSnapshot(), options.Revision);
            // One row more than asked tells whether another page follows without counting.
            var items = connection.ReadList(lo, afterStart, hi, atRevision, options.Limit > 0 ? options.Limit + 1 : -1);
            var more = options.Limit > 0 && items.Count > options.Limit;
            long remaining = 0;
            if (more)
            {
                items.RemoveAt(items.Count - 1);
                remaining = connection.CountList(items[^1].Key, exclusiveLower: true, hi, atRevision);
            }

            return new ListResult(items, atRevision, more, remaining);
        }
        finally
        {
            _readers.Return(connection);
        }
    }
}
