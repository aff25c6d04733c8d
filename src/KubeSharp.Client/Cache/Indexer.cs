using k8s;
using k8s.Models;

namespace KubeSharp.Client.Cache;

/// <summary>
/// The informer's thread-safe store: objects by "namespace/name" plus secondary indexes that map an index value
/// to the set of keys (client-go's threadSafeMap + Indexers). Writes come from the informer only.
/// </summary>
public sealed class Indexer<T> : ICacheReader<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly object _lock = new();
    private readonly Dictionary<string, T> _items = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<T, IEnumerable<string>>> _indexFuncs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, HashSet<string>>> _indexes = new(StringComparer.Ordinal);

    public int Count
    {
        get { lock (_lock) return _items.Count; }
    }

    /// <summary>Adds an index; existing objects are indexed at once, so it may be added after the cache filled.</summary>
    public void AddIndex(string name, Func<T, IEnumerable<string>> indexFunc)
    {
        lock (_lock)
        {
            if (!_indexFuncs.TryAdd(name, indexFunc)) throw new ArgumentException($"index {name} already exists");
            var index = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            _indexes[name] = index;
            foreach (var (key, obj) in _items) AddToIndex(index, indexFunc, key, obj);
        }
    }

    public bool HasIndex(string indexName)
    {
        lock (_lock) return _indexFuncs.ContainsKey(indexName);
    }

    /// <summary>Inserts or replaces; returns the previous object, if any.</summary>
    public T? Upsert(T obj)
    {
        var key = KubeObjects.KeyOf(obj);
        lock (_lock)
        {
            _items.TryGetValue(key, out var old);
            if (old != null) RemoveFromIndexes(key, old);
            _items[key] = obj;
            foreach (var (name, fn) in _indexFuncs) AddToIndex(_indexes[name], fn, key, obj);
            return old;
        }
    }

    /// <summary>Removes the object under <paramref name="key"/>; returns it, or null when it was not there.</summary>
    public T? Delete(string key)
    {
        lock (_lock)
        {
            if (!_items.Remove(key, out var old)) return null;
            RemoveFromIndexes(key, old);
            return old;
        }
    }

    /// <summary>Swaps the whole content for a fresh list; returns what was there before, for the informer to diff.</summary>
    public Dictionary<string, T> Replace(IEnumerable<T> objects)
    {
        lock (_lock)
        {
            var previous = new Dictionary<string, T>(_items, StringComparer.Ordinal);
            _items.Clear();
            foreach (var index in _indexes.Values) index.Clear();
            foreach (var obj in objects)
            {
                var key = KubeObjects.KeyOf(obj);
                _items[key] = obj;
                foreach (var (name, fn) in _indexFuncs) AddToIndex(_indexes[name], fn, key, obj);
            }
            return previous;
        }
    }

    public T? Get(string key)
    {
        lock (_lock) return _items.GetValueOrDefault(key);
    }

    public IReadOnlyList<T> List()
    {
        lock (_lock) return _items.Values.ToArray();
    }

    public IReadOnlyList<string> ListKeys()
    {
        lock (_lock) return _items.Keys.ToArray();
    }

    public IReadOnlyList<T> ByIndex(string indexName, string value)
    {
        lock (_lock)
        {
            var keys = Keys(indexName, value);
            if (keys == null) return [];
            var result = new T[keys.Count];
            var i = 0;
            foreach (var key in keys) result[i++] = _items[key];
            return result;
        }
    }

    public IReadOnlyList<string> IndexKeys(string indexName, string value)
    {
        lock (_lock) return Keys(indexName, value)?.ToArray() ?? [];
    }

    private HashSet<string>? Keys(string indexName, string value)
    {
        if (!_indexes.TryGetValue(indexName, out var index)) throw new ArgumentException($"no index named {indexName}");
        return index.GetValueOrDefault(value);
    }

    private void RemoveFromIndexes(string key, T old)
    {
        foreach (var (name, fn) in _indexFuncs)
        {
            var index = _indexes[name];
            foreach (var value in fn(old))
            {
                if (!index.TryGetValue(value, out var set)) continue;
                set.Remove(key);
                // Drop empty sets so an index over a high-churn field (e.g. node names) does not grow forever.
                if (set.Count == 0) index.Remove(value);
            }
        }
    }

    private static void AddToIndex(Dictionary<string, HashSet<string>> index, Func<T, IEnumerable<string>> fn, string key, T obj)
    {
        foreach (var value in fn(obj))
        {
            if (!index.TryGetValue(value, out var set)) index[value] = set = new HashSet<string>(StringComparer.Ordinal);
            set.Add(key);
        }
    }
}
