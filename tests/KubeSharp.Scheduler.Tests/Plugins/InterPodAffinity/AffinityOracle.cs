using k8s.Models;
using KubeSharp.Scheduler.Cache;
using KubeSharp.Scheduler.Framework;
using KubeSharp.Scheduler.Plugins.InterPodAffinity;

namespace KubeSharp.Scheduler.Tests.Plugins.InterPodAffinity;

/// <summary>
/// Upstream's inter-pod affinity rules evaluated straight from their definitions, by visiting every pod on every
/// node for every node asked about: slow, and independent of the plugin's counting, so it can judge it. Only term
/// matching (AffinityTerm.Matches) is shared with the plugin; the table-driven tests cover that.
/// </summary>
internal static class AffinityOracle
{
    /// <summary>"ok", "aff", "anti" or "existing", as InterPodAffinityFilterTests names the outcomes.</summary>
    public static string Filter(V1Pod pod, IReadOnlyList<NodeInfo> nodes, NodeInfo node, IClusterObjects cluster)
    {
        var info = PodAffinityInfo.Of(pod);
        var labels = node.Node.Metadata.Labels;
        if (info.RequiredAffinity.Length > 0)
        {
            var satisfied = true;
            foreach (var term in info.RequiredAffinity)
            {
                if (labels == null || !labels.TryGetValue(term.TopologyKey, out var value)) return "aff";
                if (!nodes.Any(m => Domain(m, term.TopologyKey) == value && m.Pods.Any(q => MatchesAll(info.RequiredAffinity, q, cluster)))) satisfied = false;
            }
            if (!satisfied)
            {
                // Upstream: with no matching pod anywhere (in any domain of the terms' keys), a pod matching its
                // own terms may start the group.
                var anyMatch = nodes.Any(m => info.RequiredAffinity.Any(t => Domain(m, t.TopologyKey) != null)
                    && m.Pods.Any(q => MatchesAll(info.RequiredAffinity, q, cluster)));
                if (anyMatch || !MatchesAll(info.RequiredAffinity, pod, cluster)) return "aff";
            }
        }
        foreach (var term in info.RequiredAntiAffinity)
        {
            if (labels == null || !labels.TryGetValue(term.TopologyKey, out var value)) continue;
            if (nodes.Any(m => Domain(m, term.TopologyKey) == value && m.Pods.Any(q => term.Matches(q, cluster)))) return "anti";
        }
        foreach (var m in nodes)
        {
            foreach (var q in m.Pods)
            {
                foreach (var term in PodAffinityInfo.Of(q).RequiredAntiAffinity)
                {
                    if (Domain(m, term.TopologyKey) is { } value && Domain(node, term.TopologyKey) == value && term.Matches(pod, cluster)) return "existing";
                }
            }
        }
        return "ok";
    }

    /// <summary>The raw (not normalized) score: the weights of every (pod, term) pair sharing a domain with the node.</summary>
    public static long Score(V1Pod pod, IReadOnlyList<NodeInfo> nodes, NodeInfo node, IClusterObjects cluster, int hardWeight)
    {
        var info = PodAffinityInfo.Of(pod);
        long sum = 0;
        foreach (var m in nodes)
        {
            foreach (var q in m.Pods)
            {
                sum += Weights(info.PreferredAffinity, q, 1) - Weights(info.PreferredAntiAffinity, q, 1);
                var other = PodAffinityInfo.Of(q);
                if (hardWeight > 0)
                {
                    sum += other.RequiredAffinity.Count(t => SameDomain(m, node, t.TopologyKey) && t.Matches(pod, cluster)) * (long)hardWeight;
                }
                sum += Weights(other.PreferredAffinity, pod, 1) - Weights(other.PreferredAntiAffinity, pod, 1);

                long Weights(AffinityTerm[] terms, V1Pod target, int sign) =>
                    terms.Where(t => SameDomain(m, node, t.TopologyKey) && t.Matches(target, cluster)).Sum(t => (long)t.Weight * sign);
            }
        }
        return sum;
    }

    private static bool SameDomain(NodeInfo a, NodeInfo b, string key) => Domain(a, key) is { } v && Domain(b, key) == v;

    private static string? Domain(NodeInfo node, string key) =>
        node.Node.Metadata.Labels is { } labels && labels.TryGetValue(key, out var v) ? v : null;

    private static bool MatchesAll(AffinityTerm[] terms, V1Pod pod, IClusterObjects cluster) => terms.All(t => t.Matches(pod, cluster));
}
