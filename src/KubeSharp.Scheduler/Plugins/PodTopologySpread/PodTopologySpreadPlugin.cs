using k8s.Models;
using KubeSharp.Scheduler.Cache;
using KubeSharp.Scheduler.Framework;

namespace KubeSharp.Scheduler.Plugins.PodTopologySpread;

/// <summary>
/// Upstream's PodTopologySpread. Filter enforces DoNotSchedule constraints: placing the pod in a node's domain
/// must keep (matching pods there + the pod itself if it matches) − (fewest matching pods in any eligible
/// domain, or 0 while there are fewer than minDomains domains) ≤ maxSkew. Score (the other file) prefers nodes
/// whose domains hold fewer matching pods, for ScheduleAnyway constraints and the defaults.
/// </summary>
public sealed partial class PodTopologySpreadPlugin(IClusterObjects cluster, PodTopologySpreadArgs args)
    : IPreFilterPlugin, IPreFilterExtensions, IFilterPlugin, IPreScorePlugin, IScorePlugin
{
    public const string ReasonConstraintsNotMatch = "node(s) didn't match pod topology spread constraints";
    public const string ReasonNodeLabelNotMatch = ReasonConstraintsNotMatch + " (missing required label)";

    private const string PreFilterKey = "PreFilter" + PluginNames.PodTopologySpread;
    private const string DoNotSchedule = "DoNotSchedule";
    private const string ScheduleAnyway = "ScheduleAnyway";

    public PodTopologySpreadPlugin(IClusterObjects cluster)
        : this(cluster, new PodTopologySpreadArgs())
    {
    }

    public string Name => PluginNames.PodTopologySpread;

    /// <summary>Per constraint: matching pods per domain value, over the nodes whose domains count.</summary>
    /// <remarks>Min holds each constraint's fewest matching pods over its domains (upstream's critical path), so Filter is O(1) per node.</remarks>
    private sealed record PreFilterState(IReadOnlyList<SpreadConstraint> Constraints, Dictionary<string, long>[] MatchNum, long[] Min) : ICloneableState
    {
        public object Copy() => this with
        {
            MatchNum = MatchNum.Select(d => new Dictionary<string, long>(d, StringComparer.Ordinal)).ToArray(),
            Min = (long[])Min.Clone(),
        };

        public void UpdateMin(int i) => Min[i] = MatchNum[i].Count == 0 ? int.MaxValue : MatchNum[i].Values.Min();
    }

    public Status PreFilter(CycleState state, V1Pod pod)
    {
        var constraints = Constraints(pod, DoNotSchedule);
        if (constraints.Count == 0) return Status.Skip;
        var matchNum = new Dictionary<string, long>[constraints.Count];
        for (var i = 0; i < matchNum.Length; i++) matchNum[i] = new Dictionary<string, long>(StringComparer.Ordinal);
        var ns = pod.Metadata.NamespaceProperty ?? "default";
        foreach (var node in state.Nodes)
        {
            var labels = node.Node.Metadata.Labels;
            // A node without every constraint's topology key takes no part in any of them.
            if (!SpreadConstraint.NodeHasAllKeys(labels, constraints)) continue;
            for (var i = 0; i < constraints.Count; i++)
            {
                var c = constraints[i];
                if (!c.IncludesNode(pod, node.Node)) continue;
                var value = labels![c.TopologyKey];
                matchNum[i][value] = matchNum[i].GetValueOrDefault(value) + c.CountMatching(node.Pods, ns);
            }
        }
        var s = new PreFilterState(constraints, matchNum, new long[constraints.Count]);
        for (var i = 0; i < constraints.Count; i++) s.UpdateMin(i);
        state.Write(PreFilterKey, s);
        return Status.Success;
    }

    public Status AddPod(CycleState state, V1Pod podToSchedule, V1Pod podToAdd, NodeInfo node) => Update(state, podToSchedule, podToAdd, node, 1);

    public Status RemovePod(CycleState state, V1Pod podToSchedule, V1Pod podToRemove, NodeInfo node) => Update(state, podToSchedule, podToRemove, node, -1);

    /// <summary>Upstream updateWithPod: a matching pod of the same namespace added to or removed from an eligible node.</summary>
    private static Status Update(CycleState state, V1Pod pod, V1Pod other, NodeInfo node, long delta)
    {
        var s = state.Read<PreFilterState>(PreFilterKey);
        if (s == null) return Status.Error($"reading \"{PreFilterKey}\" from cycleState: not found");
        if (other.Metadata.NamespaceProperty != pod.Metadata.NamespaceProperty) return Status.Success;
        var labels = node.Node.Metadata.Labels;
        if (!SpreadConstraint.NodeHasAllKeys(labels, s.Constraints)) return Status.Success;
        var otherLabels = Labels.Of(other);
        for (var i = 0; i < s.Constraints.Count; i++)
        {
            var c = s.Constraints[i];
            if (!c.Selector.Matches(otherLabels) || !c.IncludesNode(pod, node.Node)) continue;
            var value = labels![c.TopologyKey];
            s.MatchNum[i][value] = s.MatchNum[i].GetValueOrDefault(value) + delta;
            s.UpdateMin(i);
        }
        return Status.Success;
    }

    public Status Filter(CycleState state, V1Pod pod, NodeInfo node)
    {
        var s = state.Read<PreFilterState>(PreFilterKey);
        if (s == null) return Status.Error($"reading \"{PreFilterKey}\" from cycleState: not found");
        var labels = node.Node.Metadata.Labels;
        var podLabels = Labels.Of(pod);
        for (var i = 0; i < s.Constraints.Count; i++)
        {
            var c = s.Constraints[i];
            if (labels == null || !labels.TryGetValue(c.TopologyKey, out var value)) return Status.Unresolvable(ReasonNodeLabelNotMatch);
            var domains = s.MatchNum[i];
            var min = s.Min[i];
            // Fewer eligible domains than minDomains: the global minimum counts as 0 (upstream).
            if (domains.Count < c.MinDomains) min = 0;
            var self = c.Selector.Matches(podLabels) ? 1 : 0;
            var skew = domains.GetValueOrDefault(value) + self - min;
            if (skew > c.MaxSkew) return Status.Unschedulable(ReasonConstraintsNotMatch);
        }
        return Status.Success;
    }

    /// <summary>
    /// The pod's own constraints with this whenUnsatisfiable; a pod with none gets the configured defaults, which
    /// spread it against what its services and controller select (none when nothing selects it).
    /// </summary>
    private IReadOnlyList<SpreadConstraint> Constraints(V1Pod pod, string action)
    {
        var own = pod.Spec?.TopologySpreadConstraints;
        if (own is { Count: > 0 })
        {
            return own.Where(c => c.WhenUnsatisfiable == action).Select(c => SpreadConstraint.From(c, pod)).ToList();
        }
        var defaults = args.DefaultingType == PodTopologySpreadArgs.ListDefaulting ? args.DefaultConstraints : PodTopologySpreadArgs.SystemDefaultConstraints;
        if (!defaults.Any(c => c.WhenUnsatisfiable == action)) return [];
        if (DefaultSelector.For(pod, cluster) is not { } selector) return [];
        return defaults.Where(c => c.WhenUnsatisfiable == action)
            .Select(c => SpreadConstraint.From(c, pod) with { Selector = selector })
            .ToList();
    }

    private bool SystemDefaulted => args.DefaultingType != PodTopologySpreadArgs.ListDefaulting;

}
