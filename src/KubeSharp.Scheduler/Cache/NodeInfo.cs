using k8s.Models;

namespace KubeSharp.Scheduler.Cache;

/// <summary>
/// A node with the pods assigned (or assumed) to it and their summed requests (upstream framework.NodeInfo).
/// Snapshots hand out clones, so plugins read a stable view while the cache keeps changing.
/// </summary>
public sealed class NodeInfo
{
    private readonly List<V1Pod> _pods = [];
    // Null until a pod needs them: snapshots clone every node per attempt and most nodes have none.
    private List<V1Pod>? _podsWithAffinity;
    private List<V1Pod>? _podsWithRequiredAntiAffinity;

    public NodeInfo(V1Node node)
    {
        Node = node;
        Allocatable = Resource.From(node.Status?.Allocatable);
        ReadSpec(node);
    }

    private NodeInfo(V1Node node, Resource allocatable)
    {
        Node = node;
        Allocatable = allocatable;
        ReadSpec(node);
    }

    public V1Node Node { get; private set; }

    /// <summary>
    /// spec.unschedulable and spec.taints, copied here because Filter reads them for hundreds of nodes per pod:
    /// from the NodeInfo, which the framework has just touched, they cost no extra memory loads through the node
    /// object and its spec (the first plugin to reach each node's spec was paying those cache misses).
    /// </summary>
    public bool Unschedulable { get; private set; }

    /// <inheritdoc cref="Unschedulable"/>
    public IList<V1Taint>? Taints { get; private set; }

    public string Name => Node.Metadata.Name;

    public Resource Allocatable { get; private set; }

    /// <summary>Sum of the pods' requests: what Filter compares with allocatable.</summary>
    public Resource Requested { get; private set; } = new();

    /// <summary>Sum with upstream's non-zero defaults: what LeastAllocated scores, so request-less pods still spread.</summary>
    public Resource NonZeroRequested { get; private set; } = new();

    public IReadOnlyList<V1Pod> Pods => _pods;

    /// <summary>Pods with any pod affinity or anti-affinity (upstream PodsWithAffinity): what scoring of existing pods' terms visits.</summary>
    public IReadOnlyList<V1Pod> PodsWithAffinity => (IReadOnlyList<V1Pod>?)_podsWithAffinity ?? [];

    /// <summary>Pods with required anti-affinity terms: the only ones whose terms can reject an incoming pod.</summary>
    public IReadOnlyList<V1Pod> PodsWithRequiredAntiAffinity => (IReadOnlyList<V1Pod>?)_podsWithRequiredAntiAffinity ?? [];

    public void SetNode(V1Node node)
    {
        Node = node;
        Allocatable = Resource.From(node.Status?.Allocatable);
        ReadSpec(node);
    }

    private void ReadSpec(V1Node node)
    {
        Unschedulable = node.Spec?.Unschedulable == true;
        Taints = node.Spec?.Taints is { Count: > 0 } taints ? taints : null;
    }

    public void AddPod(V1Pod pod)
    {
        _pods.Add(pod);
        if (HasPodAffinity(pod)) (_podsWithAffinity ??= []).Add(pod);
        if (HasRequiredAntiAffinity(pod)) (_podsWithRequiredAntiAffinity ??= []).Add(pod);
        Requested.Add(PodResources.Requests(pod));
        NonZeroRequested.Add(PodResources.NonZeroRequests(pod));
    }

    public bool RemovePod(string uid)
    {
        var i = _pods.FindIndex(p => p.Metadata.Uid == uid);
        if (i < 0) return false;
        var pod = _pods[i];
        _pods.RemoveAt(i);
        _podsWithAffinity?.Remove(pod);
        _podsWithRequiredAntiAffinity?.Remove(pod);
        Requested.Add(PodResources.Requests(pod), -1);
        NonZeroRequested.Add(PodResources.NonZeroRequests(pod), -1);
        return true;
    }

    /// <summary>
    /// A copy that later changes to this one do not reach. Allocatable is shared, not re-parsed: it is replaced
    /// whole (never changed in place) when the node object changes.
    /// </summary>
    public NodeInfo Clone()
    {
        var c = new NodeInfo(Node, Allocatable) { Requested = Requested.Clone(), NonZeroRequested = NonZeroRequested.Clone() };
        c._pods.AddRange(_pods);
        if (_podsWithAffinity is { Count: > 0 }) c._podsWithAffinity = [.. _podsWithAffinity];
        if (_podsWithRequiredAntiAffinity is { Count: > 0 }) c._podsWithRequiredAntiAffinity = [.. _podsWithRequiredAntiAffinity];
        return c;
    }

    private static bool HasPodAffinity(V1Pod pod) =>
        pod.Spec?.Affinity is { } a && (a.PodAffinity != null || a.PodAntiAffinity != null);

    private static bool HasRequiredAntiAffinity(V1Pod pod) =>
        pod.Spec?.Affinity?.PodAntiAffinity?.RequiredDuringSchedulingIgnoredDuringExecution is { Count: > 0 };
}
