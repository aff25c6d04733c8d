namespace KubeSharp.Storage.Sqlite;

/// <summary>Settings of a <see cref="SqliteStore"/>. Defaults suit a single-node control plane.</summary>
public sealed record SqliteStoreOptions
{
    /// <summary>Path of the database file; it and its directory are created when missing.</summary>
    public required string Path { get; init; }

    /// <summary>How often the background compaction runs; <see cref="TimeSpan.Zero"/> or
    /// <see cref="Timeout.InfiniteTimeSpan"/> turns it off (explicit <see cref="SqliteStore.CompactAsync"/> still works).</summary>
    public TimeSpan CompactInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Background compaction always keeps at least this many of the latest revisions of history,
    /// so that watchers and paged lists that are a little behind do not get "compacted".</summary>
    public long MinRetainedRevisions { get; init; } = 1000;

    /// <summary>Revisions of history removed per compaction transaction; small batches keep the writer responsive.</summary>
    public int CompactBatchSize { get; init; } = 1000;

    /// <summary>Live events buffered per watcher before it is dropped with <see cref="WatchTooSlowException"/>.</summary>
    public int WatchBufferSize { get; init; } = 10_000;

    /// <summary>Rows read per query while a watch replays history.</summary>
    public int WatchReplayPageSize { get; init; } = 1000;

    /// <summary>Most read connections open at once; reads beyond that wait for a free one.</summary>
    public int MaxReadConnections { get; init; } = 4;

    /// <summary>Most write requests applied in one group-commit transaction.</summary>
    public int MaxWriteBatchSize { get; init; } = 1000;
}
