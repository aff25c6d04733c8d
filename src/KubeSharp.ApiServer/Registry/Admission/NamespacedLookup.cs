using k8s;
using k8s.Models;
using KubeSharp.ApiMachinery.Resources;
using KubeSharp.ApiMachinery.Serialization;
using KubeSharp.ApiServer.Cache;
using KubeSharp.Storage;

namespace KubeSharp.ApiServer.Registry.Admission;

/// <summary>Reads the policy objects of a namespace (LimitRanges, ResourceQuotas) for admission.</summary>
public sealed class NamespacedLookup(IStore store, CacheFeeder feeder)
{
    /// <summary>
    /// From the watch cache. An empty answer is trusted once the cache has applied this server's latest write of
    /// the resource (<see cref="WatchCache.LastLocalWrite"/>): a LimitRange created a moment ago is then never
    /// missed, and a pod create does not list the store (upstream covers the same race with a live lookup) nor
    /// wait for the cache to catch up with the stream of unrelated writes.
    /// </summary>
    public async Task<List<T>> ListAsync<T>(ResourceInfo resource, string ns, CancellationToken cancellationToken)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        var cached = await ListCachedAsync(resource, ns, cancellationToken);
        return cached.Select(c => KubeJson.Deserialize<T>(c.Json)).ToList();
    }

    /// <summary>Whether the namespace holds any object of <paramref name="resource"/>, with the freshness of
    /// <see cref="ListAsync{T}"/>.</summary>
    public async Task<bool> AnyAsync(ResourceInfo resource, string ns, CancellationToken cancellationToken) =>
        (await ListCachedAsync(resource, ns, cancellationToken)).Count > 0;

    private async Task<List<CachedObject>> ListCachedAsync(ResourceInfo resource, string ns, CancellationToken cancellationToken)
    {
        var prefix = resource.KeyPrefix + ns + "/";
        var cache = feeder.For(resource);
        var cached = cache.List(SelectorFilter.Everything, feeder.Revision, prefix).Items;
        if (cached.Count > 0) return cached;
        var written = cache.LastLocalWrite;
        if (feeder.Revision >= written) return cached;
        await feeder.WaitForRevisionAsync(written, TimeSpan.FromSeconds(10), cancellationToken);
        return cache.List(SelectorFilter.Everything, feeder.Revision, prefix).Items;
    }

    /// <summary>The store's current objects with their revisions, for compare-and-swap writes.</summary>
    public async Task<List<(T Object, long Revision, string Key)>> ListLatestAsync<T>(ResourceInfo resource, string ns, CancellationToken cancellationToken)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        var listed = await store.ListAsync(resource.KeyPrefix + ns + "/", new ListOptions(), cancellationToken);
        return listed.Items.Select(kv => (KubeJson.Deserialize<T>(kv.Value), kv.ModRevision, kv.Key)).ToList();
    }
}
