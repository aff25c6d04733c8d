using k8s.Models;

namespace KubeSharp.ControllerManager.Controllers.NodeLifecycle;

/// <summary>
/// The taints the node lifecycle controller owns (upstream's UnreachableTaintTemplate, NotReadyTaintTemplate and
/// TaintNodesByCondition's condition map) and the list arithmetic to add and remove them.
/// </summary>
internal static class NodeTaints
{
    public const string NotReady = "node.kubernetes.io/not-ready";
    public const string Unreachable = "node.kubernetes.io/unreachable";
    public const string Unschedulable = "node.kubernetes.io/unschedulable";
    public const string MemoryPressure = "node.kubernetes.io/memory-pressure";
    public const string DiskPressure = "node.kubernetes.io/disk-pressure";
    public const string PidPressure = "node.kubernetes.io/pid-pressure";
    public const string NetworkUnavailable = "node.kubernetes.io/network-unavailable";

    public const string NoExecute = "NoExecute";
    public const string NoSchedule = "NoSchedule";

    /// <summary>Condition type → (status → taint key) of the NoSchedule taints that mirror conditions.</summary>
    private static readonly Dictionary<string, Dictionary<string, string>> ConditionTaintKeys = new(StringComparer.Ordinal)
    {
        ["Ready"] = new(StringComparer.Ordinal) { ["False"] = NotReady, ["Unknown"] = Unreachable },
        ["MemoryPressure"] = new(StringComparer.Ordinal) { ["True"] = MemoryPressure },
        ["DiskPressure"] = new(StringComparer.Ordinal) { ["True"] = DiskPressure },
        ["NetworkUnavailable"] = new(StringComparer.Ordinal) { ["True"] = NetworkUnavailable },
        ["PIDPressure"] = new(StringComparer.Ordinal) { ["True"] = PidPressure },
    };

    /// <summary>Keys of the NoSchedule taints this controller adds and removes; any other NoSchedule taint is the user's.</summary>
    private static readonly HashSet<string> ManagedNoScheduleKeys =
        [NotReady, Unreachable, MemoryPressure, DiskPressure, NetworkUnavailable, PidPressure, Unschedulable];

    public static V1Taint UnreachableNoExecute() => new() { Key = Unreachable, Effect = NoExecute };

    public static V1Taint NotReadyNoExecute() => new() { Key = NotReady, Effect = NoExecute };

    /// <summary>True when the list holds a taint with this key and effect (values are not compared, as upstream's TaintExists).</summary>
    public static bool Has(IEnumerable<V1Taint>? taints, string key, string effect) =>
        taints?.Any(t => t.Key == key && t.Effect == effect) == true;

    /// <summary>The NoSchedule taints the node's conditions and spec.unschedulable call for (upstream's doNoScheduleTaintingPass).</summary>
    public static List<V1Taint> WantedNoSchedule(V1Node node)
    {
        var wanted = new List<V1Taint>();
        foreach (var c in node.Status?.Conditions ?? [])
        {
            if (ConditionTaintKeys.TryGetValue(c.Type, out var byStatus) && byStatus.TryGetValue(c.Status, out var key))
            {
                wanted.Add(new V1Taint { Key = key, Effect = NoSchedule });
            }
        }
        if (node.Spec?.Unschedulable == true) wanted.Add(new V1Taint { Key = Unschedulable, Effect = NoSchedule });
        return wanted;
    }

    /// <summary>
    /// The taints to add and remove so that the node's managed NoSchedule taints are exactly <see cref="WantedNoSchedule"/>;
    /// both empty when nothing is to change.
    /// </summary>
    public static (List<V1Taint> Add, List<V1Taint> Remove) NoScheduleDiff(V1Node node)
    {
        var wanted = WantedNoSchedule(node);
        var present = (node.Spec?.Taints ?? []).Where(t => t.Effect == NoSchedule && ManagedNoScheduleKeys.Contains(t.Key)).ToList();
        var add = wanted.Where(w => !present.Any(p => p.Key == w.Key)).ToList();
        var remove = present.Where(p => !wanted.Any(w => w.Key == p.Key)).ToList();
        return (add, remove);
    }

    /// <summary>
    /// The node's taints with <paramref name="remove"/> taken out (by key and effect) and <paramref name="add"/> put in
    /// with timeAdded = <paramref name="now"/> (upstream's SwapNodeControllerTaint stamps every taint it adds); null
    /// when the result equals the current list, so callers write nothing.
    /// </summary>
    public static List<V1Taint>? Swap(IList<V1Taint>? current, IEnumerable<V1Taint> add, IEnumerable<V1Taint> remove, DateTime now)
    {
        var result = new List<V1Taint>(current ?? []);
        var changed = false;
        foreach (var r in remove)
        {
            changed |= result.RemoveAll(t => t.Key == r.Key && t.Effect == r.Effect) > 0;
        }
        foreach (var a in add)
        {
            var existing = result.FindIndex(t => t.Key == a.Key && t.Effect == a.Effect);
            if (existing >= 0)
            {
                // Already there (with its original timeAdded, which eviction timing must not lose); a changed value is updated.
                if (result[existing].Value == a.Value) continue;
                result[existing] = new V1Taint { Key = a.Key, Value = a.Value, Effect = a.Effect, TimeAdded = result[existing].TimeAdded };
                changed = true;
                continue;
            }
            result.Add(new V1Taint { Key = a.Key, Value = a.Value, Effect = a.Effect, TimeAdded = now });
            changed = true;
        }
        return changed ? result : null;
    }
}
