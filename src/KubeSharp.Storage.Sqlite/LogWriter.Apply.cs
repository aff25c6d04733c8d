using Microsoft.Data.Sqlite;

namespace KubeSharp.Storage.Sqlite;

/// <summary>Applying a batch of writes: every request is checked on its own against the rows the transaction
/// sees (including the ones earlier requests of the same batch just inserted), so one failing request never fails
/// the others.</summary>
internal sealed partial class LogWriter
{
    private const int SqliteConstraint = 19;

    private SqliteCommand _latestCommand = null!;
    private SqliteCommand _insertCommand = null!;
    private SqliteCommand _writeMetaCommand = null!;
    private SqliteCommand _compactSupersededCommand = null!;
    private SqliteCommand _compactTombstonesCommand = null!;

    private void PrepareCommands()
    {
        _latestCommand = Prepare(Sql.LatestRow, "$name");
        _insertCommand = Prepare(Sql.Insert, "$name", "$created", "$deleted", "$create_revision", "$prev_revision", "$value", "$old_value");
        _writeMetaCommand = Prepare(Sql.WriteMeta, "$name", "$value");
        _compactSupersededCommand = Prepare(Sql.CompactSuperseded, "$lo", "$hi");
        _compactTombstonesCommand = Prepare(Sql.CompactTombstones, "$lo", "$hi");
    }

    private void DisposeCommands()
    {
        _latestCommand?.Dispose();
        _insertCommand?.Dispose();
        _writeMetaCommand?.Dispose();
        _compactSupersededCommand?.Dispose();
        _compactTombstonesCommand?.Dispose();
    }

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter(name, DBNull.Value));
        }

        return command;
    }

    private void ApplyBatch(List<WriteRequest> requests, int start, int count)
    {
        var events = new List<StoreEvent>(count);
        var revision = _currentRevision;
        try
        {
            using var transaction = _connection.BeginTransaction();
            _latestCommand.Transaction = transaction;
            _insertCommand.Transaction = transaction;
            for (var i = start; i < start + count; i++)
            {
                var request = requests[i];
                if (request.CancellationToken.IsCancellationRequested)
                {
                    request.Skipped = true;
                    continue;
                }

                request.Result = Apply(request, ref revision, events);
            }

            transaction.Commit();
        }
        catch (Exception ex)
        {
            // Nothing of the batch is durable (the transaction rolled back, and with it the AUTOINCREMENT
            // counter), so every caller learns that its write failed; none of the revisions was ever published.
            for (var i = start; i < start + count; i++)
            {
                requests[i].Completion.TrySetException(ex);
            }

            return;
        }

        Volatile.Write(ref _currentRevision, revision);
        if (events.Count > 0)
        {
            _broadcaster.Publish(events.ToArray());
        }

        for (var i = start; i < start + count; i++)
        {
            var request = requests[i];
            if (request.Skipped)
            {
                request.Completion.TrySetCanceled(request.CancellationToken);
            }
            else
            {
                request.Completion.TrySetResult(request.Result);
            }
        }
    }

    private WriteResult Apply(WriteRequest request, ref long revision, List<StoreEvent> events)
    {
        var latest = ReadLatest(request.Key);
        var live = latest is { Deleted: false } ? latest : null;
        switch (request.Kind)
        {
            case WriteKind.Create:
                if (live is { } existing)
                {
                    return new WriteResult(WriteStatus.AlreadyExists, revision, existing.ToKeyValue());
                }

                break;
            case WriteKind.Update:
            case WriteKind.Delete:
                if (live is not { } current)
                {
                    return new WriteResult(WriteStatus.NotFound, revision, null);
                }

                var anyRevision = request.Kind == WriteKind.Delete && request.ExpectedRevision == 0;
                if (!anyRevision && current.Id != request.ExpectedRevision)
                {
                    return new WriteResult(WriteStatus.Conflict, revision, current.ToKeyValue());
                }

                break;
        }

        var row = request.Kind switch
        {
            WriteKind.Create => new LogRow(0, request.Key, true, false, 0, latest?.Id ?? 0, request.Value, null),
            WriteKind.Update => new LogRow(0, request.Key, false, false, live!.Value.EffectiveCreateRevision, live.Value.Id, request.Value, live.Value.Value),
            _ => new LogRow(0, request.Key, false, true, live!.Value.EffectiveCreateRevision, live.Value.Id, null, live.Value.Value),
        };

        long id;
        try
        {
            id = Insert(row);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteConstraint)
        {
            // Another row already claims (key, prev_revision): someone else wrote the key first. With one writer
            // per file the check above catches that earlier; this is the backstop the unique index guarantees.
            var now = ReadLatest(request.Key);
            var value = now is { Deleted: false } n ? n.ToKeyValue() : null;
            return new WriteResult(request.Kind == WriteKind.Create ? WriteStatus.AlreadyExists : WriteStatus.Conflict, revision, value);
        }

        revision = id;
        row = row with { Id = id };
        events.Add(row.ToEvent());
        return request.Kind == WriteKind.Delete
            ? new WriteResult(WriteStatus.Ok, id, live!.Value.ToKeyValue())
            : new WriteResult(WriteStatus.Ok, id, row.ToKeyValue());
    }

    private LogRow? ReadLatest(string key)
    {
        _latestCommand.Parameters[0].Value = key;
        using var reader = _latestCommand.ExecuteReader();
        return reader.Read() ? LogRow.Read(reader) : null;
    }

    private long Insert(LogRow row)
    {
        var parameters = _insertCommand.Parameters;
        parameters[0].Value = row.Key;
        parameters[1].Value = row.Created ? 1L : 0L;
        parameters[2].Value = row.Deleted ? 1L : 0L;
        parameters[3].Value = row.CreateRevision;
        parameters[4].Value = row.PrevRevision;
        parameters[5].Value = (object?)row.Value ?? DBNull.Value;
        parameters[6].Value = (object?)row.OldValue ?? DBNull.Value;
        return (long)_insertCommand.ExecuteScalar()!;
    }
}
