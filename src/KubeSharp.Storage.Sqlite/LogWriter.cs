using Microsoft.Data.Sqlite;

namespace KubeSharp.Storage.Sqlite;

/// <summary>
/// The only writer of the log. One dedicated thread takes every queued request, applies them in one transaction
/// (group commit: one fsync for the whole batch), and only then completes their tasks and publishes their events,
/// in revision order. Compaction runs on the same thread in small batches between write batches, because SQLite
/// has one writer anyway and a second connection would only wait on the file lock.
/// </summary>
internal sealed partial class LogWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly WatchBroadcaster _broadcaster;
    private readonly int _maxBatchSize;
    private readonly int _compactBatchSize;
    private readonly Thread _thread;

    // Guarded by _lock: the queue, the stop flag and compaction requests.
    private readonly object _lock = new();
    private List<WriteRequest> _queue = [];
    private List<WriteRequest> _batch = [];
    private readonly List<CompactionWaiter> _compactionWaiters = [];
    private long _compactTarget;
    private bool _compactionBlocked;
    private bool _stopping;
    private Exception? _fault;

    // Written only by the writer thread (and the constructor); read anywhere.
    private long _currentRevision;
    private long _compactedRevision;
    private long _compactCursor;

    public LogWriter(string path, WatchBroadcaster broadcaster, int maxBatchSize, int compactBatchSize)
    {
        _broadcaster = broadcaster;
        _maxBatchSize = Math.Max(1, maxBatchSize);
        _compactBatchSize = Math.Max(1, compactBatchSize);
        _connection = SqliteConnections.Open(path, readOnly: false);
        try
        {
            SqliteConnections.Execute(_connection, Sql.Schema);
            _currentRevision = ExecuteScalar(Sql.CurrentRevision);
            _compactedRevision = ReadMeta("compact_rev");
            _compactCursor = ReadMeta("compact_cursor");
            _compactTarget = _compactedRevision;
            PrepareCommands();
        }
        catch
        {
            _connection.Dispose();
            throw;
        }

        _thread = new Thread(Run) { IsBackground = true, Name = "kubesharp-sqlite-writer" };
        _thread.Start();
    }

    public long CurrentRevision => Volatile.Read(ref _currentRevision);

    public long CompactedRevision => Volatile.Read(ref _compactedRevision);

    public Task<WriteResult> Enqueue(WriteRequest request)
    {
        lock (_lock)
        {
            ThrowIfStopped();
            _queue.Add(request);
            Monitor.Pulse(_lock);
        }

        return request.Completion.Task;
    }

    /// <summary>Completes once history at or below <paramref name="revision"/> is deleted from the file.</summary>
    public Task CompactAsync(long revision)
    {
        var waiter = new CompactionWaiter(revision);
        lock (_lock)
        {
            ThrowIfStopped();
            _compactTarget = Math.Max(_compactTarget, revision);
            _compactionBlocked = false;
            _compactionWaiters.Add(waiter);
            Monitor.Pulse(_lock);
        }

        return waiter.Completion.Task;
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_stopping)
            {
                return;
            }

            _stopping = true;
            Monitor.Pulse(_lock);
        }

        // The writer finishes the batch in hand (its callers are owed an answer), then exits.
        _thread.Join();
        FailPending(new ObjectDisposedException(nameof(SqliteStore)));
        DisposeCommands();
        _connection.Dispose();
    }

    private void ThrowIfStopped()
    {
        if (_fault is not null)
        {
            throw new InvalidOperationException("The store's writer failed; reopen the store.", _fault);
        }

        ObjectDisposedException.ThrowIf(_stopping, this);
    }

    private void FailPending(Exception error)
    {
        lock (_lock)
        {
            foreach (var request in _queue)
            {
                request.Completion.TrySetException(error);
            }

            _queue.Clear();
            foreach (var waiter in _compactionWaiters)
            {
                waiter.Completion.TrySetException(error);
            }

            _compactionWaiters.Clear();
        }
    }

    private void Run()
    {
        try
        {
            RunLoop();
        }
        catch (Exception ex)
        {
            // Only a bug gets here (SQL errors are answered per batch). Callers must not wait forever on a writer
            // that is gone: fail what is queued and refuse new writes.
            lock (_lock)
            {
                _fault = ex;
                _stopping = true;
            }

            FailPending(ex);
        }
    }

    private void RunLoop()
    {
        while (true)
        {
            long compactTarget;
            bool compact;
            lock (_lock)
            {
                while (_queue.Count == 0 && !_stopping && !CompactionPending())
                {
                    Monitor.Wait(_lock);
                }

                if (_stopping)
                {
                    return;
                }

                (_queue, _batch) = (_batch, _queue);
                compactTarget = _compactTarget;
                compact = CompactionPending();
            }

            for (var start = 0; start < _batch.Count; start += _maxBatchSize)
            {
                ApplyBatch(_batch, start, Math.Min(_maxBatchSize, _batch.Count - start));
            }

            _batch.Clear();
            if (compact)
            {
                CompactStep(compactTarget);
            }
        }
    }

    private long ExecuteScalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar() ?? 0L);
    }

    private long ReadMeta(string name)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = Sql.ReadMeta;
        command.Parameters.AddWithValue("$name", name);
        return Convert.ToInt64(command.ExecuteScalar() ?? 0L);
    }
}
