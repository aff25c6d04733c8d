namespace KubeSharp.Storage;

/// <summary>
/// The cluster state store, modelled on etcd v3 (architecture.md §4): one cluster-wide revision counter,
/// compare-and-swap writes, reads at a revision, ordered watches with previous values, and compaction.
/// Values are opaque bytes (the API server stores the JSON it serves). Every implementation must pass the
/// storage conformance suite in tests/KubeSharp.Storage.Tests.
/// </summary>
public interface IStore : IAsyncDisposable
{
    /// <summary>The revision of the latest write (0 for an empty store).</summary>
    ValueTask<long> GetCurrentRevisionAsync(CancellationToken cancellationToken = default);

    /// <summary>The oldest revision a read or watch may still ask for is <c>CompactedRevision + 1</c>.</summary>
    long CompactedRevision { get; }

    /// <summary>Creates <paramref name="key"/>; fails with <see cref="WriteStatus.AlreadyExists"/> if it exists.
    /// Returns only once the write is durable.</summary>
    ValueTask<WriteResult> CreateAsync(string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default);

    /// <summary>Replaces the value of <paramref name="key"/> if its current mod revision is
    /// <paramref name="expectedRevision"/> (compare-and-swap); <see cref="WriteStatus.Conflict"/> (with the current
    /// value) otherwise, <see cref="WriteStatus.NotFound"/> if the key does not exist.</summary>
    ValueTask<WriteResult> UpdateAsync(string key, ReadOnlyMemory<byte> value, long expectedRevision, CancellationToken cancellationToken = default);

    /// <summary>Deletes <paramref name="key"/> if its current mod revision is <paramref name="expectedRevision"/>
    /// (0 = whatever it is). The result carries the deleted value in <see cref="WriteResult.Current"/>.</summary>
    ValueTask<WriteResult> DeleteAsync(string key, long expectedRevision, CancellationToken cancellationToken = default);

    /// <summary>The value of <paramref name="key"/> at <paramref name="revision"/> (0 = latest); null when absent.
    /// Throws <see cref="CompactedException"/> for a revision at or below the compaction point.</summary>
    ValueTask<KeyValue?> GetAsync(string key, long revision = 0, CancellationToken cancellationToken = default);

    /// <summary>Keys starting with <paramref name="prefix"/>, in key order, as of a revision.</summary>
    ValueTask<ListResult> ListAsync(string prefix, ListOptions options, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every change under <paramref name="prefix"/> with a revision greater than <paramref name="afterRevision"/>,
    /// in revision order, first replayed from history and then live. Throws <see cref="CompactedException"/>
    /// (on the first MoveNext) when <paramref name="afterRevision"/> is below the compaction point.
    /// A consumer that falls too far behind gets <see cref="WatchTooSlowException"/> rather than unbounded buffering.
    /// </summary>
    IAsyncEnumerable<StoreEvent> WatchAsync(string prefix, long afterRevision, CancellationToken cancellationToken = default);

    /// <summary>Drops history at or below <paramref name="revision"/> (current values are kept).</summary>
    ValueTask CompactAsync(long revision, CancellationToken cancellationToken = default);
}
