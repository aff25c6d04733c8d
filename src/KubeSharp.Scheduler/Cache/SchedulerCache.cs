using k8s.Models;

namespace KubeSharp.Scheduler.Cache;

/// <summary>
/// Nodes and the pods on them, fed by the informers plus this scheduler's own decisions (upstream cacheImpl).
/// A chosen pod is assumed at once, so the next pod sees the node's capacity reduced without waiting for the
/// binding to round-trip through the API server; the informer's add of the bound pod confirms it, a failed
/// binding forgets it. Pods can arrive before their node (informers are independent): they wait in a placeholder
/// that snapshots leave out until the node appears.
/// Snapshots are incremental, as upstream's UpdateSnapshot: only nodes changed since the previous snapshot are
/// cloned again, the others' clones are reused (a clone is never changed after it is handed out). With 5,000 nodes
/// cloning all of them for every pod cost more than the rest of the scheduling attempt. Each replaced clone is
/// handed to the snapshot (<see cref="NodeSnapshot.Replaced"/>), which updates its sublists and the plugins'
/// indexes from the old and new clone alone.
/// </summary>
public sealed class SchedulerCache
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, NodeInfo> _nodes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _knownNodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PodEntry> _pods = new(StringComparer.Ordinal);

    // The snapshot (clones, ordered by name), where each node sits in it, and what changed since it was updated.
    private readonly NodeSnapshot _snapshot = new();
    private readonly Dictionary<string, int> _snapshotIndex = new(StringComparer.Ordinal);
    private readonly HashSet<string> _dirty = new(StringComparer.Ordinal);
    private bool _nodeSetChanged;

    private sealed record PodEntry(V1Pod Pod, string NodeName, bool Assumed);

    public void AddNode(V1Node node)
    {
        lock (_lock)
        {
            if (_knownNodes.Add(node.Metadata.Name)) _nodeSetChanged = true;
            _dirty.Add(node.Metadata.Name);
            if (_nodes.TryGetValue(node.Metadata.Name, out var info)) info.SetNode(node);
            else _nodes[node.Metadata.Name] = new NodeInfo(node);
        }
    }

    public void UpdateNode(V1Node node) => AddNode(node);

    public void RemoveNode(string name)
    {
        lock (_lock)
        {
            if (_knownNodes.Remove(name)) _nodeSetChanged = true;
            // Pods still bound there keep the entry as a placeholder until they go, as upstream does.
            if (_nodes.TryGetValue(name, out var info) && info.Pods.Count == 0) _nodes.Remove(name);
        }
    }

    /// <summary>Records that the pod will run on <paramref name="nodeName"/> before the binding is confirmed.</summary>
    public void AssumePod(V1Pod pod, string nodeName)
    {
        lock (_lock)
        {
            if (_pods.ContainsKey(pod.Metadata.Uid)) throw new InvalidOperationException($"pod {pod.Metadata.Uid} is already in the cache");
            Place(pod, nodeName, assumed: true);
        }
    }

    /// <summary>Undoes <see cref="AssumePod"/> after a failed binding; a pod the informer already confirmed stays.</summary>
    public void ForgetPod(V1Pod pod)
    {
        lock (_lock)
        {
            if (_pods.TryGetValue(pod.Metadata.Uid, out var e) && e.Assumed) Remove(pod.Metadata.Uid);
        }
    }

    public bool IsAssumed(string uid)
    {
        lock (_lock) return _pods.TryGetValue(uid, out var e) && e.Assumed;
    }

    /// <summary>An assigned pod seen by the informer: confirms an assumption or adds a pod bound by someone else.</summary>
    public void AddPod(V1Pod pod)
    {
        lock (_lock)
        {
            if (_pods.ContainsKey(pod.Metadata.Uid)) Remove(pod.Metadata.Uid);
            Place(pod, pod.Spec.NodeName, assumed: false);
        }
    }

    public void UpdatePod(V1Pod pod) => AddPod(pod);

    public void RemovePod(V1Pod pod)
    {
        lock (_lock) Remove(pod.Metadata.Uid);
    }

    public int PodCount
    {
        get
        {
            lock (_lock) return _pods.Count;
        }
    }

    /// <summary>Clones of every known node, ordered by name; see <see cref="UpdateSnapshot"/> for how long it stays valid.</summary>
    public List<NodeInfo> Snapshot() => UpdateSnapshot().Nodes;

    /// <summary>
    /// Brings the snapshot up to date and returns it. The same object is updated in place on every call (one
    /// scheduling attempt at a time uses it, as upstream's scheduler does), so a caller must not keep it past its
    /// attempt, and must not change the NodeInfos (clone one for a what-if): unchanged nodes' clones are reused.
    /// </summary>
    public NodeSnapshot UpdateSnapshot()
    {
        lock (_lock)
        {
            if (_nodeSetChanged) RebuildSnapshot();
            else if (_dirty.Count > 0) RefreshSnapshot();
            _dirty.Clear();
            return _snapshot;
        }
    }

    /// <summary>
    /// The same nodes as before: only the changed nodes get new clones, and the snapshot updates its sublists and
    /// indexes from each old/new pair (a bind touches one node, so no pass over all nodes happens here).
    /// </summary>
    private void RefreshSnapshot()
    {
        var nodes = _snapshot.Nodes;
        foreach (var name in _dirty)
        {
            if (!_snapshotIndex.TryGetValue(name, out var i)) continue;
            var old = nodes[i];
            var fresh = _nodes[name].Clone();
            nodes[i] = fresh;
            _snapshot.Replaced(old, fresh);
        }
    }

    /// <summary>
    /// Nodes came or went: order them again, reusing the clones of nodes that did not change, and tell the
    /// snapshot's indexes which clones were replaced, added or dropped. Rare (node churn), so the sublists are
    /// simply rebuilt.
    /// </summary>
    private void RebuildSnapshot()
    {
        var names = new string[_knownNodes.Count];
        _knownNodes.CopyTo(names);
        Array.Sort(names, StringComparer.Ordinal);
        var old = _snapshot.Nodes;
        var next = new NodeInfo[names.Length];
        var changes = new List<(NodeInfo? Old, NodeInfo? Fresh)>();
        for (var i = 0; i < names.Length; i++)
        {
            var name = names[i];
            var had = _snapshotIndex.TryGetValue(name, out var at);
            next[i] = had && !_dirty.Contains(name) ? old[at] : _nodes[name].Clone();
            if (!had) changes.Add((null, next[i]));
            else if (!ReferenceEquals(old[at], next[i])) changes.Add((old[at], next[i]));
        }
        foreach (var (name, at) in _snapshotIndex)
        {
            if (!_knownNodes.Contains(name)) changes.Add((old[at], null));
        }
        old.Clear();
        old.AddRange(next);
        _snapshotIndex.Clear();
        for (var i = 0; i < names.Length; i++) _snapshotIndex[names[i]] = i;
        _snapshot.RebuildSublists();
        foreach (var (before, after) in changes) _snapshot.Replaced(before, after, sublists: false);
        _nodeSetChanged = false;
    }

    private void Place(V1Pod pod, string nodeName, bool assumed)
    {
        if (!_nodes.TryGetValue(nodeName, out var info))
        {
            info = new NodeInfo(new V1Node { Metadata = new V1ObjectMeta { Name = nodeName } });
            _nodes[nodeName] = info;
        }
        info.AddPod(pod);
        _dirty.Add(nodeName);
        _pods[pod.Metadata.Uid] = new PodEntry(pod, nodeName, assumed);
    }

    private void Remove(string uid)
    {
        if (!_pods.Remove(uid, out var e)) return;
        if (!_nodes.TryGetValue(e.NodeName, out var info)) return;
        info.RemovePod(uid);
        _dirty.Add(e.NodeName);
        if (info.Pods.Count == 0 && !_knownNodes.Contains(e.NodeName)) _nodes.Remove(e.NodeName);
    }
}
