namespace KubeSharp.Scheduler.Cache;

/// <summary>
/// Derived data a plugin keeps next to the snapshot (e.g. inter-pod affinity's per-domain counts) and updates from
/// node changes instead of recomputing it over every node for every pod. The snapshot tells it, under the cache's
/// lock and before the attempt that sees the change starts, which NodeInfo clone replaced which, so the index
/// always describes exactly the NodeInfos of <see cref="NodeSnapshot.Nodes"/>.
/// </summary>
internal interface ISnapshotIndex
{
    /// <summary>
    /// <paramref name="old"/> (null: the node is new to the snapshot) was replaced by <paramref name="fresh"/> (null: the
    /// node left the snapshot). Both are immutable clones; pods shared by both lists are the same objects.
    /// </summary>
    void NodeChanged(NodeInfo? old, NodeInfo? fresh);
}
