namespace KubeSharp.Scheduler.Cache;

/// <summary>
/// What one scheduling attempt sees (upstream's Snapshot): every known node, ordered by name, plus the sublists
/// that plugins visiting "every node" actually need, so that they do not walk thousands of nodes without such pods
/// or images for every pod. The cache updates this object in place at the start of each attempt; it stays valid
/// (and unchanged) until the next attempt asks for it, and the NodeInfos in it are never changed.
/// </summary>
public sealed class NodeSnapshot
{
    // A handful at most (one per plugin that keeps an index), so a list beats a dictionary.
    private readonly List<(Type Type, ISnapshotIndex Index)> _indexes = [];

    public NodeSnapshot()
    {
        Nodes = new NodeList(this);
    }

    /// <summary>Every node, ordered by name. Its type is <see cref="NodeList"/>, so plugins can find this snapshot from CycleState.Nodes.</summary>
    public List<NodeInfo> Nodes { get; }

    /// <summary>Nodes with at least one pod with pod affinity or anti-affinity (upstream HavePodsWithAffinityNodeInfoList), ordered by name.</summary>
    public List<NodeInfo> WithPodAffinity { get; } = [];

    /// <summary>Nodes with at least one pod with required anti-affinity (upstream HavePodsWithRequiredAntiAffinityNodeInfoList), ordered by name.</summary>
    public List<NodeInfo> WithRequiredAntiAffinity { get; } = [];

    /// <summary>Nodes whose status lists images (the only ones ImageLocality can score), ordered by name.</summary>
    public List<NodeInfo> WithImages { get; } = [];

    /// <summary>
    /// The snapshot's node list. CycleState carries only the list (the framework predates indexes); this type
    /// leads a plugin from it back to the snapshot and its indexes.
    /// </summary>
    public sealed class NodeList(NodeSnapshot owner) : List<NodeInfo>
    {
        public NodeSnapshot Owner => owner;
    }

    /// <summary>Which of the sublists a node belongs to.</summary>
    internal static int Membership(NodeInfo n) =>
        (n.PodsWithAffinity.Count > 0 ? 1 : 0) | (n.PodsWithRequiredAntiAffinity.Count > 0 ? 2 : 0) | (n.Node.Status?.Images is { Count: > 0 } ? 4 : 0);

    /// <summary>
    /// The index of type <typeparamref name="T"/>, created on first use from the current nodes and from then on
    /// told of every node change. Called only by the scheduling attempt (one at a time), never concurrently with
    /// the cache's updates of this snapshot.
    /// </summary>
    internal T Index<T>(Func<NodeSnapshot, T> create)
        where T : class, ISnapshotIndex
    {
        foreach (var (type, index) in _indexes)
        {
            if (type == typeof(T)) return (T)index;
        }
        var created = create(this);
        foreach (var n in Nodes) created.NodeChanged(null, n);
        _indexes.Add((typeof(T), created));
        return created;
    }

    /// <summary>
    /// <paramref name="old"/> was replaced by <paramref name="fresh"/> in <see cref="Nodes"/> (either may be null
    /// for a node that came or went). Keeps the sublists (unless <paramref name="sublists"/> is false because they
    /// are rebuilt anyway) and the indexes in step. The sublists stay in name order: binary search places a node,
    /// so a bind costs O(log n) plus a short array move instead of a pass over every node.
    /// </summary>
    internal void Replaced(NodeInfo? old, NodeInfo? fresh, bool sublists = true)
    {
        if (sublists)
        {
            var before = old == null ? 0 : Membership(old);
            var after = fresh == null ? 0 : Membership(fresh);
            if ((before | after) != 0)
            {
                var name = (fresh ?? old)!.Name;
                Update(WithPodAffinity, name, (before & 1) != 0, (after & 1) != 0 ? fresh : null);
                Update(WithRequiredAntiAffinity, name, (before & 2) != 0, (after & 2) != 0 ? fresh : null);
                Update(WithImages, name, (before & 4) != 0, (after & 4) != 0 ? fresh : null);
            }
        }
        foreach (var (_, index) in _indexes) index.NodeChanged(old, fresh);
    }

    internal void RebuildSublists()
    {
        WithPodAffinity.Clear();
        WithRequiredAntiAffinity.Clear();
        WithImages.Clear();
        foreach (var n in Nodes)
        {
            var m = Membership(n);
            if (m == 0) continue;
            if ((m & 1) != 0) WithPodAffinity.Add(n);
            if ((m & 2) != 0) WithRequiredAntiAffinity.Add(n);
            if ((m & 4) != 0) WithImages.Add(n);
        }
    }

    private static void Update(List<NodeInfo> list, string name, bool was, NodeInfo? now)
    {
        if (!was && now == null) return;
        var i = Find(list, name);
        if (was && i < 0) throw new InvalidOperationException($"node {name} missing from a snapshot sublist");
        if (now == null) list.RemoveAt(i);
        else if (i >= 0) list[i] = now;
        else list.Insert(~i, now);
    }

    /// <summary>List.BinarySearch's contract (index, or the complement of the insertion point) by ordinal name.</summary>
    private static int Find(List<NodeInfo> list, string name)
    {
        int lo = 0, hi = list.Count - 1;
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            var c = string.CompareOrdinal(list[mid].Name, name);
            if (c == 0) return mid;
            if (c < 0) lo = mid + 1;
            else hi = mid - 1;
        }
        return ~lo;
    }
}
