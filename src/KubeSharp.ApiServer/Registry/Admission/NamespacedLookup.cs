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
    /// From the watch cache. An empty answer is only trusted once the cache has caught up with every write the
    /// store acknowledged before this call (an object created a moment ago may not have reached it yet; upstream
    /// covers the same race with a live lookup). Waiting is cheaper than listing the store on every pod create,
    /// and the common namespace has no LimitRange at all.
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
        var cached = feeder.For(resource).List(SelectorFilter.Everything, feeder.Revision, prefix).Items;
        if (cached.Count > 0) return cached;
        await feeder.WaitFreshAsync(cancellationToken);
        return feeder.For(resource).List(SelectorFilter.Everything, feeder.Revision, prefix).Items;
    }

    /// <summary>The store's current objects with their revisions, for compare-and-swap writes.</summary>
    public async Task<List<(T Object, long Revision, string Key)>> ListLatestAsync<T>(ResourceInfo resource, string ns, CancellationToken cancellationToken)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        var listed = await store.ListAsync(resource.KeyPrefix + ns + "/", new ListOptions(), cancellationToken);
        return listed.Items.Select(kv => (KubeJson.Deserialize<T>(kv.Value), kv.ModRevision, kv.Key)).ToList();
    }
}
