using System.Runtime.InteropServices;

namespace KubeSharp.Scheduler.Plugins.InterPodAffinity;

/// <summary>
/// How many pods of some kind sit in each topology domain, for one or more topology keys (a pod is counted once
/// per distinct key its node carries). Only non-zero counts are kept, so emptiness means "no such pod anywhere".
/// </summary>
internal sealed class DomainCounts
{
    private readonly Dictionary<string, int>[] _byKey;

    public DomainCounts(string[] keys)
    {
        Keys = keys;
        _byKey = new Dictionary<string, int>[keys.Length];
        for (var i = 0; i < keys.Length; i++) _byKey[i] = new Dictionary<string, int>(StringComparer.Ordinal);
    }

    /// <summary>The distinct topology keys, in the order <see cref="Get"/> and <see cref="Values"/> index them.</summary>
    public string[] Keys { get; }

    /// <summary>Sum of all counts (over keys and values).</summary>
    public long Total { get; private set; }

    public static string[] DistinctKeys(AffinityTerm[] terms)
    {
        var keys = new List<string>(terms.Length);
        foreach (var t in terms)
        {
            if (!keys.Contains(t.TopologyKey)) keys.Add(t.TopologyKey);
        }
        return [.. keys];
    }

    public int Get(int key, string value) => _byKey[key].TryGetValue(value, out var c) ? c : 0;

    /// <summary>The per-value counts of one key: read-only for callers (Score sums them per node).</summary>
    public IReadOnlyDictionary<string, int> Values(int key) => _byKey[key];

    /// <summary>Counts a pod (delta +1) or uncounts it (−1) on a node with these labels.</summary>
    public void Add(IDictionary<string, string> nodeLabels, int delta)
    {
        for (var i = 0; i < Keys.Length; i++)
        {
            if (nodeLabels.TryGetValue(Keys[i], out var value)) Add(i, value, delta);
        }
    }

    public void Add(int key, string value, int delta)
    {
        var counts = _byKey[key];
        ref var c = ref CollectionsMarshal.GetValueRefOrAddDefault(counts, value, out _);
        c += delta;
        if (c == 0) counts.Remove(value);
        Total += delta;
    }
}
