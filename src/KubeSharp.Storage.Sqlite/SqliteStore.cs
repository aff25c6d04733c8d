namespace KubeSharp.Storage.Sqlite;

/// <summary>
/// The embedded store (architecture.md §4), designed like k3s' kine: one append-only SQLite table whose
/// AUTOINCREMENT id is the revision, compare-and-swap through a unique (key, prev_revision) index, a single
/// group-committing writer, snapshot reads on separate connections, and watches that replay the log and then
/// follow an in-memory broadcast. One process owns a database file at a time.
/// </summary>
public sealed partial class SqliteStore : IStore
{
    private readonly SqliteStoreOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly WatchBroadcaster _broadcaster;
    private readonly LogWriter _writer;
    private readonly ReadConnectionPool _readers;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _compactionLoop;
    private int _disposed;

    /// <summary>Opens (or creates) the database at <see cref="SqliteStoreOptions.Path"/>; revisions continue
    /// where the file left off.</summary>
    public SqliteStore(SqliteStoreOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.Path);
        _options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(options.Path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        _broadcaster = new WatchBroadcaster();
        try
        {
            _writer = new LogWriter(options.Path, _broadcaster, options.MaxWriteBatchSize, options.CompactBatchSize);
        }
        catch
        {
            // A file that cannot be opened (not a database, no permission) leaves nothing running behind.
            _broadcaster.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }

        _readers = new ReadConnectionPool(options.Path, options.MaxReadConnections);
        _compactionLoop = CompactPeriodicallyAsync(_stopping.Token);
    }

    public long CompactedRevision => _writer.CompactedRevision;

    public ValueTask<long> GetCurrentRevisionAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        return ValueTask.FromResult(_writer.CurrentRevision);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _stopping.Cancel();
        await _compactionLoop.ConfigureAwait(false);
        // Order matters: the writer stops first (publishing its last batch), then the broadcaster delivers what
        // was published and ends every watch, and the read connections close last.
        _writer.Dispose();
        await _broadcaster.DisposeAsync().ConfigureAwait(false);
        _readers.Dispose();
        _stopping.Dispose();
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

    /// <summary>
    /// The revision a read answers at: the requested one, or for 0 ("latest") the snapshot's own revision.
    /// Both checks use the snapshot, not the in-memory counter: "latest" from memory could be older than a
    /// compaction committed just before the snapshot (whose deletions the read would then see), and the counter
    /// moves only after a commit, so a revision a concurrent List just returned could look like the future.
    /// Only an explicit revision can be compacted: compaction keeps the latest row of every live key.
    /// </summary>
    private static long SnapshotRevision((long Compacted, long Revision) snapshot, long requested)
    {
        // Callers validate requested >= 0 before renting a connection.
        if (requested > snapshot.Revision)
        {
            throw new FutureRevisionException(requested, snapshot.Revision);
        }

        if (requested == 0)
        {
            return snapshot.Revision;
        }

        if (requested <= snapshot.Compacted)
        {
            throw new CompactedException(requested, snapshot.Compacted);
        }

        return requested;
    }
}
