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
    /// From the watch cache; when the cache holds none, straight from the store (upstream's live lookup), because
    /// an object created a moment ago may not have reached the cache yet.
    /// </summary>
    public async Task<List<T>> ListAsync<T>(ResourceInfo resource, string ns, CancellationToken cancellationToken)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        var prefix = resource.KeyPrefix + ns + "/";
        var cached = feeder.For(resource).List(SelectorFilter.Everything, feeder.Revision, prefix).Items;
        if (cached.Count > 0) return cached.Select(c => KubeJson.Deserialize<T>(c.Json)).ToList();
        return (await ListLatestAsync<T>(resource, ns, cancellationToken)).Select(e => e.Object).ToList();
    }

    /// <summary>The store's current objects with their revisions, for compare-and-swap writes.</summary>
    public async Task<List<(T Object, long Revision, string Key)>> ListLatestAsync<T>(ResourceInfo resource, string ns, CancellationToken cancellationToken)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        var listed = await store.ListAsync(resource.KeyPrefix + ns + "/", new ListOptions(), cancellationToken);
        return listed.Items.Select(kv => (KubeJson.Deserialize<T>(kv.Value), kv.ModRevision, kv.Key)).ToList();
    }
}
