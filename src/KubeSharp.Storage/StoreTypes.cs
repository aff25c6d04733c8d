namespace KubeSharp.Storage;

/// <summary>A stored key at one revision.</summary>
/// <param name="CreateRevision">Revision of the write that created this incarnation of the key.</param>
/// <param name="ModRevision">Revision of the last write to the key (the object's resourceVersion).</param>
public sealed record KeyValue(string Key, byte[] Value, long CreateRevision, long ModRevision);

public enum WriteStatus
{
    Ok,
    AlreadyExists,
    NotFound,
    Conflict,
}

/// <param name="Revision">For <see cref="WriteStatus.Ok"/>, the revision of this write; otherwise the store's current revision.</param>
/// <param name="Current">After a successful create/update: the new value. After a delete: the deleted value.
/// After a conflict or AlreadyExists: the current value, so callers can retry without another read.</param>
public readonly record struct WriteResult(WriteStatus Status, long Revision, KeyValue? Current);

/// <param name="Revision">0 = latest. Otherwise the revision to read at (a continue token pins this).</param>
/// <param name="StartKey">Only keys strictly greater than this one (the last key of the previous page).</param>
/// <param name="Limit">0 = no limit.</param>
public readonly record struct ListOptions(long Revision = 0, string? StartKey = null, int Limit = 0);

/// <param name="Revision">The revision the list was read at.</param>
/// <param name="More">True when more keys follow the last one returned.</param>
/// <param name="RemainingCount">How many keys follow the last returned one, when known.</param>
public sealed record ListResult(IReadOnlyList<KeyValue> Items, long Revision, bool More, long? RemainingCount);

public enum StoreEventType
{
    Created,
    Updated,
    Deleted,
}

/// <summary>One change. For <see cref="StoreEventType.Deleted"/>, <see cref="Value"/> is null and
/// <see cref="PrevValue"/> holds the last value.</summary>
public sealed record StoreEvent(StoreEventType Type, string Key, byte[]? Value, byte[]? PrevValue, long Revision, long PrevRevision);

/// <summary>The requested revision has been compacted away (the API answers 410 Gone).</summary>
public sealed class CompactedException(long requested, long compacted)
    : Exception($"required revision {requested} has been compacted (compacted revision {compacted})")
{
    public long RequestedRevision { get; } = requested;
    public long CompactedRevision { get; } = compacted;
}

/// <summary>The revision is newer than anything the store has written.</summary>
public sealed class FutureRevisionException(long requested, long current)
    : Exception($"required revision {requested} is a future revision (current revision {current})")
{
    public long RequestedRevision { get; } = requested;
    public long CurrentRevision { get; } = current;
}

/// <summary>A watcher fell too far behind the live stream and was dropped; it should re-list.</summary>
public sealed class WatchTooSlowException() : Exception("watch consumer fell too far behind");
