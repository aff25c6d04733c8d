using k8s.Models;
using KubeSharp.Scheduler.Cache;
using KubeSharp.Scheduler.Framework;

namespace KubeSharp.Scheduler.Plugins.InterPodAffinity;

/// <summary>
/// Upstream's InterPodAffinity. PreFilter counts, per topology domain, the existing pods matching the incoming
/// pod's required affinity and anti-affinity terms, and the existing pods whose required anti-affinity terms
/// match the incoming pod; Filter then checks one node's domains against those counts. Score (the other file)
/// sums preferred terms' weights by domain.
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

    private sealed record PreFilterState(
        V1Pod Incoming,
        PodAffinityInfo Pod,
        Dictionary<TopologyPair, long> ExistingAntiAffinity,
        Dictionary<TopologyPair, long> Affinity,
        Dictionary<TopologyPair, long> AntiAffinity) : ICloneableState
    {
        public object Copy() => this with { ExistingAntiAffinity = new(ExistingAntiAffinity), Affinity = new(Affinity), AntiAffinity = new(AntiAffinity) };
    }

    public Status PreFilter(CycleState state, V1Pod pod)
    {
        var info = PodAffinityInfo.Of(pod);
        if (info.Error != null) return Status.Unresolvable($"parsing pod: {info.Error}");
        var existing = ExistingAntiAffinityCounts(pod, state.NodesWithRequiredAntiAffinity ?? state.Nodes);
        if (existing.Count == 0 && info.RequiredAffinity.Length == 0 && info.RequiredAntiAffinity.Length == 0) return Status.Skip;
        var (affinity, anti) = IncomingCounts(info, state.Nodes);
        state.Write(PreFilterKey, new PreFilterState(pod, info, existing, affinity, anti));
        return Status.Success;
    }

    public Status AddPod(CycleState state, V1Pod podToSchedule, V1Pod podToAdd, NodeInfo node) => Update(state, podToAdd, node, 1);

    public Status RemovePod(CycleState state, V1Pod podToSchedule, V1Pod podToRemove, NodeInfo node) => Update(state, podToRemove, node, -1);

    /// <summary>Upstream updateWithPod: the counts as if <paramref name="other"/> were added to (or removed from) the node.</summary>
    private Status Update(CycleState state, V1Pod other, NodeInfo node, long delta)
    {
        var s = state.Read<PreFilterState>(PreFilterKey);
        if (s == null) return Status.Error($"reading \"{PreFilterKey}\" from cycleState: not found");
        var labels = node.Node.Metadata.Labels;
        if (labels == null) return Status.Success;
        foreach (var term in PodAffinityInfo.Of(other).RequiredAntiAffinity)
        {
            if (labels.TryGetValue(term.TopologyKey, out var value) && term.Matches(s.Incoming, cluster)) Increment(s.ExistingAntiAffinity, new(term.TopologyKey, value), delta);
        }
        if (MatchesAll(s.Pod.RequiredAffinity, other))
        {
            foreach (var term in s.Pod.RequiredAffinity)
            {
                if (labels.TryGetValue(term.TopologyKey, out var value)) Increment(s.Affinity, new(term.TopologyKey, value), delta);
            }
        }
        foreach (var term in s.Pod.RequiredAntiAffinity)
        {
            if (labels.TryGetValue(term.TopologyKey, out var value) && term.Matches(other, cluster)) Increment(s.AntiAffinity, new(term.TopologyKey, value), delta);
        }
        return Status.Success;
    }

    public Status Filter(CycleState state, V1Pod pod, NodeInfo node)
    {
        var s = state.Read<PreFilterState>(PreFilterKey);
        if (s == null) return Status.Error($"reading \"{PreFilterKey}\" from cycleState: not found");
        var labels = node.Node.Metadata.Labels;
        // Upstream's order and codes: unmet affinity cannot be fixed by preemption, anti-affinity can.
        if (!SatisfiesAffinity(s, labels)) return AffinityRejected;
        if (!SatisfiesAntiAffinity(s, labels)) return AntiAffinityRejected;
        if (!SatisfiesExistingAntiAffinity(s, labels)) return ExistingAntiAffinityRejected;
        return Status.Success;
    }

    /// <summary>
    /// Domains where an existing pod's required anti-affinity term matches the incoming pod. Only pods with such
    /// terms are visited (the cache tracks them per node).
    /// </summary>
    private Dictionary<TopologyPair, long> ExistingAntiAffinityCounts(V1Pod pod, IReadOnlyList<NodeInfo> nodes)
    {
        // Index loops, not foreach: these run over every node for every pod, and an interface enumerator is an
        // allocation each time.
        var counts = new Dictionary<TopologyPair, long>();
        for (var n = 0; n < nodes.Count; n++)
        {
            var node = nodes[n];
            var pods = node.PodsWithRequiredAntiAffinity;
            if (pods.Count == 0) continue;
            var labels = node.Node.Metadata.Labels;
            if (labels == null) continue;
            for (var p = 0; p < pods.Count; p++)
            {
                foreach (var term in PodAffinityInfo.Of(pods[p]).RequiredAntiAffinity)
                {
                    if (labels.TryGetValue(term.TopologyKey, out var value) && term.Matches(pod, cluster)) Increment(counts, new(term.TopologyKey, value));
                }
            }
        }
        return counts;
    }

    /// <summary>
    /// Domains holding pods that match the incoming pod's terms: for affinity a pod counts only if it matches every
    /// term (upstream), for anti-affinity each matching term counts.
    /// </summary>
    private (Dictionary<TopologyPair, long> Affinity, Dictionary<TopologyPair, long> Anti) IncomingCounts(PodAffinityInfo info, IReadOnlyList<NodeInfo> nodes)
    {
        var affinity = new Dictionary<TopologyPair, long>();
        var anti = new Dictionary<TopologyPair, long>();
        if (info.RequiredAffinity.Length == 0 && info.RequiredAntiAffinity.Length == 0) return (affinity, anti);
        for (var n = 0; n < nodes.Count; n++)
        {
            var node = nodes[n];
            var pods = node.Pods;
            if (pods.Count == 0) continue;
            var labels = node.Node.Metadata.Labels;
            if (labels == null || labels.Count == 0) continue;
            for (var p = 0; p < pods.Count; p++)
            {
                var existing = pods[p];
                if (info.RequiredAffinity.Length > 0 && MatchesAll(info.RequiredAffinity, existing))
                {
                    foreach (var term in info.RequiredAffinity)
                    {
                        if (labels.TryGetValue(term.TopologyKey, out var value)) Increment(affinity, new(term.TopologyKey, value));
                    }
                }
                foreach (var term in info.RequiredAntiAffinity)
                {
                    if (labels.TryGetValue(term.TopologyKey, out var value) && term.Matches(existing, cluster)) Increment(anti, new(term.TopologyKey, value));
                }
            }
        }
        return (affinity, anti);
    }

    private bool MatchesAll(AffinityTerm[] terms, V1Pod pod)
    {
        foreach (var term in terms)
        {
            if (!term.Matches(pod, cluster)) return false;
        }
        return terms.Length > 0;
    }

    /// <summary>
    /// Every affinity term's domain on this node must hold a matching pod, and the node must carry every topology
    /// key. Exception (upstream): when no pod anywhere matches, a pod matching its own terms may start the group.
    /// </summary>
    private bool SatisfiesAffinity(PreFilterState s, IDictionary<string, string>? labels)
    {
        var podsExist = true;
        foreach (var term in s.Pod.RequiredAffinity)
        {
            if (labels == null || !labels.TryGetValue(term.TopologyKey, out var value)) return false;
            if (s.Affinity.GetValueOrDefault(new TopologyPair(term.TopologyKey, value)) <= 0) podsExist = false;
        }
        if (podsExist) return true;
        return s.Affinity.Count == 0 && MatchesAll(s.Pod.RequiredAffinity, s.Incoming);
    }

    private static bool SatisfiesAntiAffinity(PreFilterState s, IDictionary<string, string>? labels)
    {
        if (s.AntiAffinity.Count == 0 || labels == null) return true;
        foreach (var term in s.Pod.RequiredAntiAffinity)
        {
            if (labels.TryGetValue(term.TopologyKey, out var value) && s.AntiAffinity.GetValueOrDefault(new TopologyPair(term.TopologyKey, value)) > 0) return false;
        }
        return true;
    }

    private static bool SatisfiesExistingAntiAffinity(PreFilterState s, IDictionary<string, string>? labels)
    {
        if (s.ExistingAntiAffinity.Count == 0 || labels == null) return true;
        foreach (var (key, value) in labels)
        {
            if (s.ExistingAntiAffinity.GetValueOrDefault(new TopologyPair(key, value)) > 0) return false;
        }
        return true;
    }

    /// <summary>Adds to a domain's count; a count back at zero is removed (the "no matching pod anywhere" check looks at emptiness).</summary>
    private static void Increment(Dictionary<TopologyPair, long> counts, TopologyPair pair, long by = 1)
    {
        var n = counts.GetValueOrDefault(pair) + by;
        if (n == 0) counts.Remove(pair);
        else counts[pair] = n;
    }
}
