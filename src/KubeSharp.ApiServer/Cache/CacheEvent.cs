namespace KubeSharp.ApiServer.Cache;

public enum CacheEventType
{
    Added,
    Modified,
    Deleted,
    Bookmark,
}

/// <summary>One change as the watch cache saw it. <see cref="WireJson"/> is the newline-terminated JSON watch event
/// (<c>{"type":...,"object":...}</c>), built once and shared by every watcher that receives it.</summary>
public sealed class CacheEvent(CacheEventType type, CachedObject? obj, CachedObject? prev, long resourceVersion)
{
    private byte[]? _wire;

    public CacheEventType Type { get; } = type;

    /// <summary>The object after the change; for deletes, the last state (with the delete's resourceVersion).</summary>
    public CachedObject? Object { get; } = obj;

    public CachedObject? Previous { get; } = prev;
    public long ResourceVersion { get; } = resourceVersion;

    public byte[] WireJson => _wire ??= WatchEncoding.Encode(Type, Object!.Json);
}
