using k8s.Models;
using KubeSharp.Scheduler.Cache;
using KubeSharp.Scheduler.Framework;

namespace KubeSharp.Scheduler.Plugins.PodTopologySpread;

/// <summary>
/// Scoring as upstream: a node scores Σ over constraints of (matching pods in its domain × log(domains + 2) +
/// maxSkew − 1) — fewer is better — and normalization maps the lowest to 100 (reversed). Nodes missing a
/// topology key of the pod's own constraints score 0; with the system defaults they are not ignored, so
/// hostname spreading works on nodes without a zone label.
/// </summary>
public sealed partial class PodTopologySpreadPlugin
{
    private const string PreScoreKey = "PreScore" + PluginNames.PodTopologySpread;
    private const string HostnameKey = "kubernetes.io/hostname";

    private sealed record PreScoreState(
        IReadOnlyList<SpreadConstraint> Constraints,
        HashSet<string> IgnoredNodes,
        Dictionary<string, long>[] Counts,
        double[] NormalizingWeight);

    public Status PreScore(CycleState state, V1Pod pod, IReadOnlyList<NodeInfo> nodes)
    {
        if (nodes.Count == 0 || state.Nodes.Count == 0) return Status.Skip;
        var constraints = Constraints(pod, ScheduleAnyway);
        if (constraints.Count == 0) return Status.Skip;
        var requireAllTopologies = pod.Spec?.TopologySpreadConstraints is { Count: > 0 } || !SystemDefaulted;
        var ignored = new HashSet<string>(StringComparer.Ordinal);
        var counts = new Dictionary<string, long>[constraints.Count];
        for (var i = 0; i < counts.Length; i++) counts[i] = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            var labels = node.Node.Metadata.Labels;
            if (requireAllTopologies && !SpreadConstraint.NodeHasAllKeys(labels, constraints))
            {
                ignored.Add(node.Name);
                continue;
            }
            for (var i = 0; i < constraints.Count; i++)
            {
                // Per-node counts (hostname) are taken in Score.
                if (constraints[i].TopologyKey == HostnameKey) continue;
                counts[i].TryAdd(ValueOf(labels, constraints[i].TopologyKey), 0);
            }
        }
        var weights = new double[constraints.Count];
        for (var i = 0; i < constraints.Count; i++)
        {
            var size = constraints[i].TopologyKey == HostnameKey ? nodes.Count - ignored.Count : counts[i].Count;
            weights[i] = Math.Log(size + 2);
        }
        var ns = pod.Metadata.NamespaceProperty ?? "default";
        // Pods on every node count for the candidate domains, not only on the feasible nodes.
        foreach (var node in state.Nodes)
        {
            var labels = node.Node.Metadata.Labels;
            if (requireAllTopologies && !SpreadConstraint.NodeHasAllKeys(labels, constraints)) continue;
            for (var i = 0; i < constraints.Count; i++)
            {
                var c = constraints[i];
                if (!c.IncludesNode(pod, node.Node)) continue;
                var value = ValueOf(labels, c.TopologyKey);
                if (!counts[i].TryGetValue(value, out var current)) continue;
                counts[i][value] = current + c.CountMatching(node.Pods, ns);
            }
        }
        state.Write(PreScoreKey, new PreScoreState(constraints, ignored, counts, weights));
        return Status.Success;
    }

    public (long Score, Status Status) Score(CycleState state, V1Pod pod, NodeInfo node)
    {
        var s = state.Read<PreScoreState>(PreScoreKey);
        if (s == null) return (0, Status.Error($"reading \"{PreScoreKey}\" from cycleState: not found"));
        if (s.IgnoredNodes.Contains(node.Name)) return (0, Status.Success);
        var labels = node.Node.Metadata.Labels;
        var ns = pod.Metadata.NamespaceProperty ?? "default";
        double score = 0;
        for (var i = 0; i < s.Constraints.Count; i++)
        {
            var c = s.Constraints[i];
            if (labels == null || !labels.TryGetValue(c.TopologyKey, out var value)) continue;
            long count = c.TopologyKey == HostnameKey ? c.CountMatching(node.Pods, ns) : s.Counts[i].GetValueOrDefault(value);
            score += count * s.NormalizingWeight[i] + (c.MaxSkew - 1);
        }
        return ((long)Math.Round(score, MidpointRounding.AwayFromZero), Status.Success);
    }

    /// <summary>A missing label reads as "" (Go's map lookup), which is its own domain when nodes may lack keys.</summary>
    private static string ValueOf(IDictionary<string, string>? labels, string key) =>
        labels != null && labels.TryGetValue(key, out var v) ? v : "";

    /// <summary>Upstream: ignored nodes get 0; the others MaxScore × (max + min − score) / max (all 100 when max is 0).</summary>
    public Status NormalizeScores(CycleState state, V1Pod pod, NodeScore[] scores)
    {
        var s = state.Read<PreScoreState>(PreScoreKey);
        if (s == null) return Status.Success;
        var min = long.MaxValue;
        long max = 0;
        foreach (var score in scores)
        {
            if (s.IgnoredNodes.Contains(score.Name)) continue;
            min = Math.Min(min, score.Score);
            max = Math.Max(max, score.Score);
        }
        for (var i = 0; i < scores.Length; i++)
        {
            if (s.IgnoredNodes.Contains(scores[i].Name)) scores[i].Score = 0;
            else if (max == 0) scores[i].Score = NodeScore.MaxScore;
            else scores[i].Score = NodeScore.MaxScore * (max + min - scores[i].Score) / max;
        }
        return Status.Success;
    }
}
