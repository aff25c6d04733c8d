namespace KubeSharp.ApiServer.Cache;

/// <summary>A watch asked for a resourceVersion older than the cache's event window (the API answers 410 Expired).</summary>
public sealed class TooOldException(long requested, long oldest)
    : Exception($"too old resource version: {requested} ({oldest})")
{
    public long Requested { get; } = requested;
    public long Oldest { get; } = oldest;
}
