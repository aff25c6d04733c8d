namespace KubeSharp.Client.Informers;

public static class CacheSync
{
    /// <summary>
    /// Waits until every informer has synced (client-go's cache.WaitForCacheSync). Controllers call this before
    /// starting workers, so their first sync never acts on a half-filled cache.
    /// </summary>
    public static async Task<bool> WaitAsync(CancellationToken ct, params ISharedInformer[] informers)
    {
        var results = await Task.WhenAll(informers.Select(i => i.WaitForCacheSyncAsync(ct)));
        return results.All(r => r);
    }
}
