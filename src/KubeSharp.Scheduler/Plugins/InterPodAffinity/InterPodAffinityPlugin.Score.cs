using k8s.Models;
using KubeSharp.Scheduler.Cache;
using KubeSharp.Scheduler.Framework;

namespace KubeSharp.Scheduler.Plugins.InterPodAffinity;

/// <summary>
/// Scoring as upstream: every domain (topology key → value) collects weights from (1) the incoming pod's preferred
/// affinity (+) and anti-affinity (−) terms matched by existing pods, (2) existing pods' required affinity terms
/// matched by the incoming pod (+HardPodAffinityWeight) and (3) existing pods' preferred terms matched by it.
/// A node scores the sum over its domains; scores are then scaled min-max to [0, 100].
/// </summary>
public sealed partial class InterPodAffinityPlugin
{
    private const string PreScoreKey = "PreScore" + PluginNames.InterPodAffinity;

    private sealed record PreScoreState(Dictionary<string, Dictionary<string, long>> TopologyScore);

    public Status PreScore(CycleState state, V1Pod pod, IReadOnlyList<NodeInfo> nodes)
    {
        var info = PodAffinityInfo.Of(pod);
        var hasPreferred = info.PreferredAffinity.Length > 0 || info.PreferredAntiAffinity.Length > 0;
        if (args.IgnorePreferredTermsOfExistingPods && !hasPreferred) return Status.Skip;
        var scores = new Dictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
        // All nodes of the snapshot, not only the feasible ones: pods anywhere in a domain count for it.
        // Without preferred terms of its own, only existing pods with affinity can move the score, and only the
        // nodes holding such pods need a visit.
        var visit = hasPreferred ? state.Nodes : state.NodesWithPodAffinity ?? state.Nodes;
        for (var n = 0; n < visit.Count; n++)
        {
            var node = visit[n];
            var pods = hasPreferred ? node.Pods : node.PodsWithAffinity;
            if (pods.Count == 0) continue;
            var labels = node.Node.Metadata.Labels;
            if (labels == null || labels.Count == 0) continue;
            for (var p = 0; p < pods.Count; p++) AddExistingPod(scores, info, pod, pods[p], labels);
        }
        if (scores.Count == 0) return Status.Skip;
        state.Write(PreScoreKey, new PreScoreState(scores));
        return Status.Success;
    }

    public (long Score, Status Status) Score(CycleState state, V1Pod pod, NodeInfo node)
    {
        var s = state.Read<PreScoreState>(PreScoreKey);
        if (s == null) return (0, Status.Error($"reading \"{PreScoreKey}\" from cycleState: not found"));
        var labels = node.Node.Metadata.Labels;
        if (labels == null) return (0, Status.Success);
        long score = 0;
        foreach (var (key, values) in s.TopologyScore)
        {
            if (labels.TryGetValue(key, out var value)) score += values.GetValueOrDefault(value);
        }
        return (score, Status.Success);
    }

    /// <summary>Upstream's min-max scaling (scores can be negative): the lowest becomes 0, the highest 100.</summary>
    public Status NormalizeScores(CycleState state, V1Pod pod, NodeScore[] scores)
    {
        if (scores.Length == 0) return Status.Success;
        var min = long.MaxValue;
        var max = long.MinValue;
        foreach (var s in scores)
        {
            min = Math.Min(min, s.Score);
            max = Math.Max(max, s.Score);
        }
        var diff = max - min;
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i].Score = diff > 0 ? (long)(NodeScore.MaxScore * ((double)(scores[i].Score - min) / diff)) : 0;
        }
        return Status.Success;
    }

    private void AddExistingPod(Dictionary<string, Dictionary<string, long>> scores, PodAffinityInfo incoming, V1Pod pod, V1Pod existing,
        IDictionary<string, string> labels)
    {
        AddTerms(scores, incoming.PreferredAffinity, existing, labels, 1);
        AddTerms(scores, incoming.PreferredAntiAffinity, existing, labels, -1);
        var other = PodAffinityInfo.Of(existing);
        if (args.HardPodAffinityWeight > 0)
        {
            foreach (var term in other.RequiredAffinity) AddTerm(scores, term, args.HardPodAffinityWeight, pod, labels, 1);
        }
        AddTerms(scores, other.PreferredAffinity, pod, labels, 1);
        AddTerms(scores, other.PreferredAntiAffinity, pod, labels, -1);
    }

    private void AddTerms(Dictionary<string, Dictionary<string, long>> scores, AffinityTerm[] terms, V1Pod target, IDictionary<string, string> labels, int sign)
    {
        foreach (var term in terms) AddTerm(scores, term, term.Weight, target, labels, sign);
    }

    private void AddTerm(Dictionary<string, Dictionary<string, long>> scores, AffinityTerm term, int weight, V1Pod target,
        IDictionary<string, string> labels, int sign)
    {
        if (!labels.TryGetValue(term.TopologyKey, out var value) || !term.Matches(target, cluster)) return;
        if (!scores.TryGetValue(term.TopologyKey, out var values)) scores[term.TopologyKey] = values = new Dictionary<string, long>(StringComparer.Ordinal);
        values[value] = values.GetValueOrDefault(value) + (long)weight * sign;
    }
}
