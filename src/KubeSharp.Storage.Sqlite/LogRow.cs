using Microsoft.Data.Sqlite;

namespace KubeSharp.Storage.Sqlite;

/// <summary>One row of the log. Rows that create a key store create_revision 0 because their own id (the
/// revision) is only known after the insert; <see cref="EffectiveCreateRevision"/> resolves that, as kine does.</summary>
internal readonly record struct LogRow(
    long Id, string Key, bool Created, bool Deleted, long CreateRevision, long PrevRevision, byte[]? Value, byte[]? OldValue)
{
    public long EffectiveCreateRevision => Created ? Id : CreateRevision;

    public KeyValue ToKeyValue() => new(Key, Value ?? [], EffectiveCreateRevision, Id);

    public StoreEvent ToEvent()
    {
        if (Deleted)
        {
            return new StoreEvent(StoreEventType.Deleted, Key, null, OldValue, Id, PrevRevision);
        }

        // A create after a delete points at the tombstone in prev_revision; to watchers it has no previous value.
        return Created
            ? new StoreEvent(StoreEventType.Created, Key, Value, null, Id, 0)
            : new StoreEvent(StoreEventType.Updated, Key, Value, OldValue, Id, PrevRevision);
    }

    /// <summary>Reads the columns in the order of Sql.Columns.</summary>
    public static LogRow Read(SqliteDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetInt64(2) != 0,
        reader.GetInt64(3) != 0,
        reader.GetInt64(4),
        reader.GetInt64(5),
        reader.IsDBNull(6) ? null : (byte[])reader.GetValue(6),
        reader.IsDBNull(7) ? null : (byte[])reader.GetValue(7));
}
