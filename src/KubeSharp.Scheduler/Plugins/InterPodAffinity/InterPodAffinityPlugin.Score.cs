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

    /// <summary>One source of weight: <c>Weight</c> × the count of <c>Counts</c> in the node's domain of <c>Key</c>.</summary>
    private readonly record struct Contribution(string Key, long Weight, IReadOnlyDictionary<string, int> Counts);

    private sealed record PreScoreState(Contribution[] Contributions);

    public Status PreScore(CycleState state, V1Pod pod, IReadOnlyList<NodeInfo> nodes)
    {
        var info = PodAffinityInfo.Of(pod);
        var hasPreferred = info.PreferredAffinity.Length > 0 || info.PreferredAntiAffinity.Length > 0;
        if (args.IgnorePreferredTermsOfExistingPods && !hasPreferred) return Status.Skip;
        // All nodes of the snapshot, not only the feasible ones: pods anywhere in a domain count for it. The index
        // has the counts per term; a weight applies to a whole domain, so no pod is visited here.
        var index = AffinityIndex.For(state.Nodes);
        var contributions = new List<Contribution>();
        foreach (var term in info.PreferredAffinity) Add(contributions, index.Matching(term, cluster), term.Weight);
        foreach (var term in info.PreferredAntiAffinity) Add(contributions, index.Matching(term, cluster), -term.Weight);
        if (args.HardPodAffinityWeight > 0) AddGroups(contributions, index, TermKind.RequiredAffinity, pod, args.HardPodAffinityWeight);
        AddGroups(contributions, index, TermKind.PreferredAffinity, pod, 1);
        AddGroups(contributions, index, TermKind.PreferredAntiAffinity, pod, -1);
        if (contributions.Count == 0) return Status.Skip;
        state.Write(PreScoreKey, new PreScoreState([.. contributions]));
        return Status.Success;
    }

    public (long Score, Status Status) Score(CycleState state, V1Pod pod, NodeInfo node)
    {
        var s = state.Read<PreScoreState>(PreScoreKey);
        if (s == null) return (0, Status.Error($"reading \"{PreScoreKey}\" from cycleState: not found"));
        var labels = node.Node.Metadata.Labels;
        if (labels == null) return (0, Status.Success);
        long score = 0;
        foreach (var c in s.Contributions)
        {
            if (labels.TryGetValue(c.Key, out var value) && c.Counts.TryGetValue(value, out var n)) score += c.Weight * n;
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

    /// <summary>Existing pods' terms of one kind that the incoming pod matches: the term's weight (or <paramref name="weight"/> for required terms) per pod carrying it.</summary>
    private void AddGroups(List<Contribution> contributions, AffinityIndex index, TermKind kind, V1Pod pod, int weight)
    {
        foreach (var group in index.Groups(kind))
        {
            if (!group.Term.Matches(pod, cluster)) continue;
            Add(contributions, group.Counts, kind == TermKind.RequiredAffinity ? weight : weight * group.Term.Weight);
        }
    }

    private static void Add(List<Contribution> contributions, DomainCounts counts, long weight)
    {
        // Upstream skips scoring when no term matched any pod in any domain: leave out empty counts so the
        // "nothing applies" Skip below stays exact.
        if (counts.Total == 0) return;
        for (var i = 0; i < counts.Keys.Length; i++) contributions.Add(new Contribution(counts.Keys[i], weight, counts.Values(i)));
    }
}
