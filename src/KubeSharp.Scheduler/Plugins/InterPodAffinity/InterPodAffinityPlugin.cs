using k8s.Models;
using KubeSharp.Scheduler.Cache;
using KubeSharp.Scheduler.Framework;

namespace KubeSharp.Scheduler.Plugins.InterPodAffinity;

/// <summary>
/// Upstream's InterPodAffinity. PreFilter finds, per topology domain, the existing pods matching the incoming
/// pod's required affinity and anti-affinity terms, and the existing pods whose required anti-affinity terms
/// match the incoming pod; Filter then checks one node's domains against those counts. Score (the other file)
/// sums preferred terms' weights by domain. The counts come from <see cref="AffinityIndex"/>, which the snapshot
/// keeps up to date as nodes change, so neither PreFilter nor PreScore visits the cluster's pods: their cost
/// follows the number of distinct terms, not of pods or nodes (before, the anti-affinity benchmark's scheduler CPU
/// per pod grew with nodes × pods: both walks visited every pod for every pod scheduled).
/// </summary>
public sealed partial class InterPodAffinityPlugin(IClusterObjects cluster, InterPodAffinityArgs args)
    : IPreFilterPlugin, IPreFilterExtensions, IFilterPlugin, IPreScorePlugin, IScorePlugin
{
    public const string ReasonAffinity = "node(s) didn't match pod affinity rules";
    public const string ReasonAntiAffinity = "node(s) didn't match pod anti-affinity rules";
    public const string ReasonExistingAntiAffinity = "node(s) didn't satisfy existing pods anti-affinity rules";

    private const string PreFilterKey = "PreFilter" + PluginNames.InterPodAffinity;

    // Filter's answers, built once: late in an anti-affinity fill most nodes are rejected for every pod, and a new
    // Status (plus its copy naming the plugin) per node and pod was a large share of the allocations.
    private static readonly Status AffinityRejected = Status.Unresolvable(ReasonAffinity).WithPlugin(PluginNames.InterPodAffinity);
    private static readonly Status AntiAffinityRejected = Status.Unschedulable(ReasonAntiAffinity).WithPlugin(PluginNames.InterPodAffinity);
    private static readonly Status ExistingAntiAffinityRejected =
        Status.Unschedulable(ReasonExistingAntiAffinity).WithPlugin(PluginNames.InterPodAffinity);

    public InterPodAffinityPlugin(IClusterObjects cluster)
        : this(cluster, new InterPodAffinityArgs())
    {
    }

    public string Name => PluginNames.InterPodAffinity;

    public Status PreFilter(CycleState state, V1Pod pod)
    {
        var info = PodAffinityInfo.Of(pod);
        if (info.Error != null) return Status.Unresolvable($"parsing pod: {info.Error}");
        var index = AffinityIndex.For(state.Nodes);
        var existing = ExistingAntiAffinity(index, pod);
        if (existing.Length == 0 && info.RequiredAffinity.Length == 0 && info.RequiredAntiAffinity.Length == 0) return Status.Skip;
        var affinity = info.RequiredAffinity.Length == 0 ? null : index.MatchingAll(info.RequiredAffinity, info.RequiredAffinityKey, cluster);
        var anti = new DomainCounts[info.RequiredAntiAffinity.Length];
        for (var i = 0; i < anti.Length; i++) anti[i] = index.Matching(info.RequiredAntiAffinity[i], cluster);
        state.Write(PreFilterKey, new PreFilterState(pod, info, existing, affinity, anti));
        return Status.Success;
    }

    public Status AddPod(CycleState state, V1Pod podToSchedule, V1Pod podToAdd, NodeInfo node) => Update(state, podToAdd, node, 1);

    public Status RemovePod(CycleState state, V1Pod podToSchedule, V1Pod podToRemove, NodeInfo node) => Update(state, podToRemove, node, -1);

    /// <summary>
    /// Upstream updateWithPod: the counts as if <paramref name="other"/> were added to (or removed from) the node.
    /// The index's counts are shared by the snapshot, so the change goes into the cycle's own overlay.
    /// </summary>
    private Status Update(CycleState state, V1Pod other, NodeInfo node, long delta)
    {
        var s = state.Read<PreFilterState>(PreFilterKey);
        if (s == null) return Status.Error($"reading \"{PreFilterKey}\" from cycleState: not found");
        var labels = node.Node.Metadata.Labels;
        if (labels == null) return Status.Success;
        foreach (var term in PodAffinityInfo.Of(other).RequiredAntiAffinity)
        {
            if (labels.TryGetValue(term.TopologyKey, out var value) && term.Matches(s.Incoming, cluster)) Increment(s.ExistingDelta ??= [], new(term.TopologyKey, value), delta);
        }
        if (s.Affinity != null && AffinityIndex.MatchesAll(s.Pod.RequiredAffinity, other, cluster))
        {
            foreach (var key in s.Affinity.Keys)
            {
                if (labels.TryGetValue(key, out var value)) Increment(s.AffinityDelta ??= [], new(key, value), delta);
            }
        }
        foreach (var term in s.Pod.RequiredAntiAffinity)
        {
            if (labels.TryGetValue(term.TopologyKey, out var value) && term.Matches(other, cluster)) Increment(s.AntiDelta ??= [], new(term.TopologyKey, value), delta);
        }
        return Status.Success;
    }

    public Status Filter(CycleState state, V1Pod pod, NodeInfo node)
    {
        var s = state.Read<PreFilterState>(PreFilterKey);
        if (s == null) return Status.Error($"reading \"{PreFilterKey}\" from cycleState: not found");
        // Upstream's codes: unmet affinity cannot be fixed by preemption, anti-affinity can.
        return s.Check(node.Node.Metadata.Labels, cluster) switch
        {
            FilterOutcome.AffinityUnmet => AffinityRejected,
            FilterOutcome.AntiAffinity => AntiAffinityRejected,
            FilterOutcome.ExistingAntiAffinity => ExistingAntiAffinityRejected,
            _ => Status.Success,
        };
    }

    /// <summary>
    /// Existing pods' required anti-affinity terms that match the incoming pod, as their per-domain counts by
    /// topology key: one match per group of identical terms, not per pod.
    /// </summary>
    private ExistingAntiAffinityKey[] ExistingAntiAffinity(AffinityIndex index, V1Pod pod)
    {
        List<ExistingAntiAffinityKey>? found = null;
        foreach (var group in index.Groups(TermKind.RequiredAntiAffinity))
        {
            if (!group.Term.Matches(pod, cluster)) continue;
            found ??= [];
            var at = found.Count - 1;
            while (at >= 0 && found[at].Key != group.Term.TopologyKey) at--;
            if (at < 0) found.Add(new ExistingAntiAffinityKey(group.Term.TopologyKey, [group.Counts]));
            else found[at] = found[at] with { Counts = [.. found[at].Counts, group.Counts] };
        }
        return found == null ? [] : [.. found];
    }

    /// <summary>Adds to a domain's count; a count back at zero is removed (the "no matching pod anywhere" check looks at emptiness).</summary>
    private static void Increment(Dictionary<TopologyPair, long> counts, TopologyPair pair, long by)
    {
        var n = counts.GetValueOrDefault(pair) + by;
        if (n == 0) counts.Remove(pair);
        else counts[pair] = n;
    }
}
