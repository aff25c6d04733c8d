namespace KubeSharp.ControllerManager.Controllers.GarbageCollector;

/// <summary>
/// Watched objects by uid and the owner uid → dependent uids index (upstream's uidToNode plus node.dependents).
/// An owner need not be watched, or exist, to have dependents here: that is how dangling references are found.
/// Informer handlers of several kinds write concurrently, so one lock guards both maps.
/// </summary>
internal sealed class DependencyGraph
{
    private readonly object _lock = new();
    private readonly Dictionary<string, GraphNode> _nodes = [];
    private readonly Dictionary<string, HashSet<string>> _dependents = [];

    public GraphNode? Get(string uid)
    {
        lock (_lock) return _nodes.GetValueOrDefault(uid);
    }

    /// <summary>Adds or replaces the node; returns the one it replaced.</summary>
    public GraphNode? Upsert(GraphNode node)
    {
        lock (_lock)
        {
            if (_nodes.TryGetValue(node.Uid, out var old)) Unlink(old);
            _nodes[node.Uid] = node;
            foreach (var owner in node.Owners)
            {
                if (!_dependents.TryGetValue(owner.Uid, out var set)) _dependents[owner.Uid] = set = [];
                set.Add(node.Uid);
            }
            return old;
        }
    }

    public GraphNode? Remove(string uid)
    {
        lock (_lock)
        {
            if (!_nodes.Remove(uid, out var old)) return null;
            Unlink(old);
            return old;
        }
    }

    /// <summary>The watched objects that name <paramref name="ownerUid"/> in their ownerReferences.</summary>
    public IReadOnlyList<GraphNode> DependentsOf(string ownerUid)
    {
        lock (_lock)
        {
            if (!_dependents.TryGetValue(ownerUid, out var set)) return [];
            return set.Select(uid => _nodes.GetValueOrDefault(uid)).OfType<GraphNode>().ToList();
        }
    }

    private void Unlink(GraphNode node)
    {
        foreach (var owner in node.Owners)
        {
            if (!_dependents.TryGetValue(owner.Uid, out var set)) continue;
            set.Remove(node.Uid);
            if (set.Count == 0) _dependents.Remove(owner.Uid);
        }
    }
}
