using k8s;
using k8s.Models;

namespace KubeSharp.Client.Cache;

/// <summary>
/// Typed queries over an informer's cache (client-go's generated listers). Results are shared cache objects:
/// copy before mutating (<see cref="KubeObjects.DeepCopy{T}"/>).
/// </summary>
public sealed class Lister<T>(ICacheReader<T> cache)
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    /// <summary>Every cached object matching <paramref name="selector"/> (all when null).</summary>
    public IReadOnlyList<T> List(LabelSelector? selector = null) => Filter(cache.List(), selector);

    /// <summary>Objects in one namespace; uses the namespace index when the informer has one.</summary>
    public IReadOnlyList<T> List(string ns, LabelSelector? selector = null)
    {
        var inNamespace = cache.HasIndex(Indexes.Namespace)
            ? cache.ByIndex(Indexes.Namespace, ns)
            : cache.List().Where(o => o.Namespace() == ns).ToArray();
        return Filter(inNamespace, selector);
    }

    /// <summary>The object, or null when the cache does not hold it (not an error: the cache may lag the server).</summary>
    public T? Get(string? ns, string name) => cache.Get(KubeObjects.KeyOf(ns, name));

    public IReadOnlyList<T> ByIndex(string indexName, string value) => cache.ByIndex(indexName, value);

    private static IReadOnlyList<T> Filter(IReadOnlyList<T> items, LabelSelector? selector)
    {
        if (selector == null || selector.IsEmpty) return items;
        return items.Where(o => selector.Matches(o.Metadata?.Labels)).ToArray();
    }
}
