namespace KubeSharp.Scheduler.Cache;

/// <summary>
/// What one scheduling attempt sees (upstream's Snapshot): every known node, ordered by name, plus the sublists
/// that plugins visiting "every node" actually need, so that they do not walk thousands of nodes without such pods
/// or images for every pod. The cache updates this object in place at the start of each attempt; it stays valid
/// (and unchanged) until the next attempt asks for it, and the NodeInfos in it are never changed.
/// </summary>
public sealed class NodeSnapshot
{
    public List<NodeInfo> Nodes { get; } = [];

    /// <summary>Nodes with at least one pod with pod affinity or anti-affinity (upstream HavePodsWithAffinityNodeInfoList).</summary>
    public List<NodeInfo> WithPodAffinity { get; } = [];

    /// <summary>Nodes with at least one pod with required anti-affinity (upstream HavePodsWithRequiredAntiAffinityNodeInfoList).</summary>
    public List<NodeInfo> WithRequiredAntiAffinity { get; } = [];

    /// <summary>Nodes whose status lists images (the only ones ImageLocality can score).</summary>
    public List<NodeInfo> WithImages { get; } = [];

    /// <summary>Which of the sublists a node belongs to; when a changed node's answer changes, the sublists are rebuilt.</summary>
    internal static int Membership(NodeInfo n) =>
        (n.PodsWithAffinity.Count > 0 ? 1 : 0) | (n.PodsWithRequiredAntiAffinity.Count > 0 ? 2 : 0) | (n.Node.Status?.Images is { Count: > 0 } ? 4 : 0);

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
}
