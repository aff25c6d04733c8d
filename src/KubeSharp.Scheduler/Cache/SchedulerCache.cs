using k8s.Models;

namespace KubeSharp.Scheduler.Cache;

/// <summary>
/// Nodes and the pods on them, fed by the informers plus this scheduler's own decisions (upstream cacheImpl).
/// A chosen pod is assumed at once, so the next pod sees the node's capacity reduced without waiting for the
/// binding to round-trip through the API server; the informer's add of the bound pod confirms it, a failed
/// binding forgets it. Pods can arrive before their node (informers are independent): they wait in a placeholder
/// that snapshots leave out until the node appears.
/// </summary>
public sealed class SchedulerCache
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, NodeInfo> _nodes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _knownNodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PodEntry> _pods = new(StringComparer.Ordinal);

    private sealed record PodEntry(V1Pod Pod, string NodeName, bool Assumed);

    public void AddNode(V1Node node)
    {
        lock (_lock)
        {
            _knownNodes.Add(node.Metadata.Name);
            if (_nodes.TryGetValue(node.Metadata.Name, out var info)) info.SetNode(node);
            else _nodes[node.Metadata.Name] = new NodeInfo(node);
        }
    }

    public void UpdateNode(V1Node node) => AddNode(node);

    public void RemoveNode(string name)
    {
        lock (_lock)
        {
            _knownNodes.Remove(name);
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

    /// <summary>Clones of every known node, ordered by name so that scheduling is reproducible.</summary>
    public List<NodeInfo> Snapshot()
    {
        lock (_lock)
        {
            var list = new List<NodeInfo>(_knownNodes.Count);
            foreach (var (name, info) in _nodes)
            {
                if (_knownNodes.Contains(name)) list.Add(info.Clone());
            }
            list.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
            return list;
        }
    }

    private void Place(V1Pod pod, string nodeName, bool assumed)
    {
        if (!_nodes.TryGetValue(nodeName, out var info))
        {
            info = new NodeInfo(new V1Node { Metadata = new V1ObjectMeta { Name = nodeName } });
            _nodes[nodeName] = info;
        }
        info.AddPod(pod);
        _pods[pod.Metadata.Uid] = new PodEntry(pod, nodeName, assumed);
    }

    private void Remove(string uid)
    {
        if (!_pods.Remove(uid, out var e)) return;
        if (!_nodes.TryGetValue(e.NodeName, out var info)) return;
        info.RemovePod(uid);
        if (info.Pods.Count == 0 && !_knownNodes.Contains(e.NodeName)) _nodes.Remove(e.NodeName);
    }
}
