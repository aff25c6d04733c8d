using Microsoft.Data.Sqlite;

namespace KubeSharp.Storage.Sqlite;

/// <summary>
/// A read-only connection with its prepared statements. Every read runs in one deferred transaction, which in WAL
/// mode is one snapshot: the compaction point is read inside the same snapshot as the rows, so a compaction that
/// commits halfway through a read can neither fail it nor remove rows from under it.
/// </summary>
internal sealed class ReadConnection : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, SqliteCommand> _commands = [];
    private SqliteTransaction? _transaction;

    public ReadConnection(string path) => _connection = SqliteConnections.Open(path, readOnly: true);

    /// <summary>Starts a snapshot; returns the compaction point and the latest revision as seen by it.</summary>
    public (long Compacted, long Revision) BeginSnapshot()
    {
        _transaction = _connection.BeginTransaction(deferred: true);
        using var reader = Command(Sql.Snapshot).ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    public void EndSnapshot()
    {
        _transaction?.Dispose();
        _transaction = null;
    }

    public LogRow? ReadRowAt(string key, long revision)
    {
        var command = Command(Sql.RowAt);
        command.Parameters.AddWithValue("$name", key);
        command.Parameters.AddWithValue("$rev", revision);
        using var reader = command.ExecuteReader();
        return reader.Read() ? LogRow.Read(reader) : null;
    }

    /// <summary>Live keys in [lo, hi) (or (lo, hi) when <paramref name="exclusiveLower"/>) as of a revision.</summary>
    public List<KeyValue> ReadList(string lo, bool exclusiveLower, string? hi, long revision, int limit)
    {
        var command = RangeCommand(Sql.List(exclusiveLower, hi is not null, paged: limit > 0), lo, hi, revision);
        command.Parameters.AddWithValue("$limit", limit);
        var items = new List<KeyValue>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            items.Add(LogRow.Read(reader).ToKeyValue());
        }

        return items;
    }

    public long CountList(string lo, bool exclusiveLower, string? hi, long revision) =>
        Convert.ToInt64(RangeCommand(Sql.Count(exclusiveLower, hi is not null), lo, hi, revision).ExecuteScalar() ?? 0L);

    /// <summary>Log rows after a revision within [lo, hi), oldest first.</summary>
    public List<LogRow> ReadHistory(long after, string lo, string? hi, int limit)
    {
        var command = Command(hi is null ? Sql.History : Sql.HistoryBounded);
        command.Parameters.AddWithValue("$after", after);
        command.Parameters.AddWithValue("$lo", lo);
        if (hi is not null)
        {
            command.Parameters.AddWithValue("$hi", hi);
        }

        command.Parameters.AddWithValue("$limit", limit);
        var rows = new List<LogRow>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(LogRow.Read(reader));
        }

        return rows;
    }

    public void Dispose()
    {
        EndSnapshot();
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _connection.Dispose();
    }

    private SqliteCommand RangeCommand(string sql, string lo, string? hi, long revision)
    {
        var command = Command(sql);
        command.Parameters.AddWithValue("$lo", lo);
        if (hi is not null)
        {
            command.Parameters.AddWithValue("$hi", hi);
        }

        command.Parameters.AddWithValue("$rev", revision);
        return command;
    }

    // Commands are kept per SQL text so SQLite parses each statement once per connection; parameters are
    // rebound per call.
    private SqliteCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = _connection.CreateCommand();
            command.CommandText = sql;
            _commands[sql] = command;
        }

        command.Transaction = _transaction;
        command.Parameters.Clear();
        return command;
    }
}
