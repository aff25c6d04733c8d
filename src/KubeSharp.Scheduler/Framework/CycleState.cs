using System.Collections.Concurrent;
using KubeSharp.Scheduler.Cache;

namespace KubeSharp.Scheduler.Framework;

/// <summary>
/// Data plugins share within one scheduling attempt (e.g. the pod's computed requests from PreFilter, read by
/// Filter). Written in PreFilter/PreScore, read concurrently by Filter/Score.
/// </summary>
public sealed class CycleState
{
    private readonly ConcurrentDictionary<string, object> _data = new();

    /// <summary>
    /// Every node of the attempt's snapshot (upstream's shared lister), for plugins that count pods cluster-wide
    /// (inter-pod affinity, topology spread) while Filter/Score see one node at a time.
    /// </summary>
    public IReadOnlyList<NodeInfo> Nodes { get; set; } = [];

    /// <summary>
    /// The nodes of <see cref="Nodes"/> with pods that have pod affinity or anti-affinity; null means unknown
    /// (then plugins look at every node). Lets plugins skip the nodes that cannot matter.
    /// </summary>
    public IReadOnlyList<NodeInfo>? NodesWithPodAffinity { get; set; }

    /// <summary>Likewise, nodes with pods that have required anti-affinity terms.</summary>
    public IReadOnlyList<NodeInfo>? NodesWithRequiredAntiAffinity { get; set; }

    /// <summary>Likewise, nodes whose status lists images.</summary>
    public IReadOnlyList<NodeInfo>? NodesWithImages { get; set; }

    /// <summary>
    /// Plugins whose PreFilter answered Skip: their Filter is not run in this attempt, including the re-checks of
    /// preemption's dry run (upstream's SkipFilterPlugins).
    /// </summary>
    public HashSet<string> SkipFilterPlugins { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// <see cref="SkipFilterPlugins"/> as one flag per Filter plugin of the framework that ran PreFilter, so the
    /// per-node loop does not hash plugin names. Null (or another framework): RunFilter uses the set.
    /// </summary>
    internal (SchedulingFramework Owner, bool[] Mask)? SkipFilterMask { get; set; }

    public void Write(string key, object value) => _data[key] = value;

    /// <summary>A copy for a what-if (upstream CycleState.Clone): data implementing <see cref="ICloneableState"/> is copied, the rest shared.</summary>
    public CycleState Clone()
    {
        var c = new CycleState
        {
            Nodes = Nodes,
            NodesWithPodAffinity = NodesWithPodAffinity,
            NodesWithRequiredAntiAffinity = NodesWithRequiredAntiAffinity,
            NodesWithImages = NodesWithImages,
        };
        c.SkipFilterPlugins.UnionWith(SkipFilterPlugins);
        c.SkipFilterMask = SkipFilterMask;
        foreach (var (k, v) in _data) c._data[k] = v is ICloneableState cloneable ? cloneable.Copy() : v;
        return c;
    }

    public T? Read<T>(string key)
        where T : class => _data.TryGetValue(key, out var v) ? v as T : null;
}
