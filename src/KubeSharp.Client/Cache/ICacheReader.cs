namespace KubeSharp.Client.Cache;

/// <summary>
/// Read access to an informer's cache. Returned objects are the cache's own instances, shared with every other
/// consumer: never mutate them; use <see cref="KubeObjects.DeepCopy{T}"/> first.
/// </summary>
public interface ICacheReader<T>
    where T : class
{
    int Count { get; }

    T? Get(string key);

    IReadOnlyList<T> List();

    IReadOnlyList<string> ListKeys();

    /// <summary>Objects whose index function produced <paramref name="value"/> for the named index.</summary>
    IReadOnlyList<T> ByIndex(string indexName, string value);

    /// <summary>Keys of the objects under one index value, without copying the objects.</summary>
    IReadOnlyList<string> IndexKeys(string indexName, string value);

    bool HasIndex(string indexName);
}
