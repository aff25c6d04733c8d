using KubeSharp.Scheduler.Cache;

namespace KubeSharp.Scheduler.Framework;

/// <summary>
/// Data plugins share within one scheduling attempt (e.g. the pod's computed requests from PreFilter, read by
/// Filter). Written in PreFilter/PreScore, read concurrently by Filter/Score.
/// </summary>
public sealed class CycleState
{
    // A handful of entries, written a few times per attempt (PreFilter, PreScore) and read once per node and plugin
    // (thousands of times): an immutable array replaced on write and searched linearly (the keys are constants, so
    // each comparison ends at its reference check); reads take no lock and hash nothing. A dictionary lookup per
    // read was a visible share of Filter/Score.
    private (string Key, object Value)[] _data = [];
    private readonly Lock _writeLock = new();

    /// <summary>
    /// Every node of the attempt's snapshot (upstream's shared lister), for plugins that count pods cluster-wide
    /// (inter-pod affinity, topology spread) while Filter/Score see one node at a time.
    /// </summary>
    public IReadOnlyList<NodeInfo> Nodes { get; set; } = [];

    /// <summary>
    /// The nodes of <see cref="Nodes"/> whose status lists images; null means unknown (then plugins look at every
    /// node). Lets ImageLocality skip the nodes that cannot matter.
    /// </summary>
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

    public void Write(string key, object value)
    {
        lock (_writeLock)
        {
            var data = _data;
            var i = IndexOf(data, key);
            var next = new (string, object)[i >= 0 ? data.Length : data.Length + 1];
            data.CopyTo(next, 0);
            next[i >= 0 ? i : data.Length] = (key, value);
            Volatile.Write(ref _data, next);
        }
    }

    /// <summary>A copy for a what-if (upstream CycleState.Clone): data implementing <see cref="ICloneableState"/> is copied, the rest shared.</summary>
    public CycleState Clone()
    {
        var c = new CycleState
        {
            Nodes = Nodes,
            NodesWithImages = NodesWithImages,
        };
        c.SkipFilterPlugins.UnionWith(SkipFilterPlugins);
        c.SkipFilterMask = SkipFilterMask;
        c._data = Array.ConvertAll(Volatile.Read(ref _data), e => (e.Key, e.Value is ICloneableState cloneable ? cloneable.Copy() : e.Value));
        return c;
    }

    public T? Read<T>(string key)
        where T : class
    {
        var data = Volatile.Read(ref _data);
        var i = IndexOf(data, key);
        return i >= 0 ? data[i].Value as T : null;
    }

    private static int IndexOf((string Key, object Value)[] data, string key)
    {
        // string.Equals returns on reference equality before comparing characters.
        for (var i = 0; i < data.Length; i++)
        {
            if (string.Equals(data[i].Key, key, StringComparison.Ordinal)) return i;
        }
        return -1;
    }
}
