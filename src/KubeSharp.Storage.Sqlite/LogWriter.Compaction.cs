using Microsoft.Data.Sqlite;

namespace KubeSharp.Storage.Sqlite;

/// <summary>
/// Compaction in two persisted steps: first the logical point (compact_rev) moves, so reads and watches below it
/// fail from then on; then history is deleted in batches of revisions, with compact_cursor recording progress so
/// that a restart resumes an interrupted compaction. Each step is its own short transaction and runs between
/// write batches, so writes never wait for a whole compaction.
/// </summary>
internal sealed partial class LogWriter
{
    // Called under _lock, on the writer thread.
    private bool CompactionPending() =>
        !_compactionBlocked && (_compactTarget > _compactedRevision || _compactCursor < _compactedRevision || _compactionWaiters.Count > 0);

    private void CompactStep(long target)
    {
        try
        {
            if (target > _compactedRevision)
            {
                // Readers check compact_rev inside their snapshot, so a reader that started before this commit
                // still sees the rows deleted after it, and one that starts after it refuses the old revision.
                using (var transaction = _connection.BeginTransaction())
                {
                    WriteMeta(transaction, "compact_rev", target);
                    transaction.Commit();
                }

                Volatile.Write(ref _compactedRevision, target);
            }
            else if (_compactCursor < _compactedRevision)
            {
                var lo = _compactCursor;
                var hi = Math.Min(_compactedRevision, lo + _compactBatchSize);
                using (var transaction = _connection.BeginTransaction())
                {
                    DeleteRange(_compactSupersededCommand, transaction, lo, hi);
                    DeleteRange(_compactTombstonesCommand, transaction, lo, hi);

                    WriteMeta(transaction, "compact_cursor", hi);
                    transaction.Commit();
                }

                _compactCursor = hi;
            }
        }
        catch (Exception ex)
        {
            // Fail the callers and stop retrying until someone asks again: a broken disk would otherwise make
            // the writer spin on the same failing batch.
            lock (_lock)
            {
                foreach (var waiter in _compactionWaiters)
                {
                    waiter.Completion.TrySetException(ex);
                }

                _compactionWaiters.Clear();
                _compactionBlocked = true;
            }

            return;
        }

        lock (_lock)
        {
            _compactionWaiters.RemoveAll(waiter =>
            {
                if (waiter.Revision > _compactCursor)
                {
                    return false;
                }

                waiter.Completion.TrySetResult();
                return true;
            });
        }
    }

    private static void DeleteRange(SqliteCommand command, SqliteTransaction transaction, long lo, long hi)
    {
        command.Transaction = transaction;
        command.Parameters[0].Value = lo;
        command.Parameters[1].Value = hi;
        command.ExecuteNonQuery();
    }

    private void WriteMeta(SqliteTransaction transaction, string name, long value)
    {
        _writeMetaCommand.Transaction = transaction;
        _writeMetaCommand.Parameters[0].Value = name;
        _writeMetaCommand.Parameters[1].Value = value;
        _writeMetaCommand.ExecuteNonQuery();
    }
}
