using k8s.Models;
using KubeSharp.ApiMachinery.Selectors;
using KubeSharp.Scheduler.Plugins.NodeAffinity;

namespace KubeSharp.Scheduler.Plugins.PodTopologySpread;

/// <summary>
/// A topology spread constraint made ready to evaluate (upstream topologySpreadConstraint): the selector with
/// matchLabelKeys folded in from the incoming pod's labels (the 1.32 scheduler does this itself), minDomains
/// defaulted to 1, nodeAffinityPolicy to Honor and nodeTaintsPolicy to Ignore.
/// </summary>
internal sealed record SpreadConstraint(int MaxSkew, string TopologyKey, LabelSelector Selector, int MinDomains,
    bool HonorNodeAffinity, bool HonorNodeTaints)
{
    public const string Honor = "Honor";

    public static SpreadConstraint From(V1TopologySpreadConstraint c, V1Pod pod)
    {
        var selector = c.LabelSelector;
        if (selector != null && c.MatchLabelKeys is { Count: > 0 } keys)
        {
            var labels = pod.Metadata.Labels;
            var expressions = new List<V1LabelSelectorRequirement>(selector.MatchExpressions ?? []);
            foreach (var key in keys)
            {
                if (labels != null && labels.TryGetValue(key, out var v)) expressions.Add(new V1LabelSelectorRequirement { Key = key, OperatorProperty = "In", Values = [v] });
            }
            selector = new V1LabelSelector { MatchLabels = selector.MatchLabels, MatchExpressions = expressions };
        }
        return new SpreadConstraint(c.MaxSkew, c.TopologyKey ?? "", LabelSelector.FromV1(selector), c.MinDomains ?? 1,
            (c.NodeAffinityPolicy ?? Honor) == Honor, c.NodeTaintsPolicy == Honor);
    }

    /// <summary>
    /// Whether the node's domain counts at all (upstream matchNodeInclusionPolicies): by default nodes the pod's
    /// nodeSelector/required node affinity excludes do not; with nodeTaintsPolicy Honor, neither do nodes with a
    /// NoSchedule/NoExecute taint the pod does not tolerate.
    /// </summary>
    public bool IncludesNode(V1Pod pod, V1Node node)
    {
        if (HonorNodeAffinity)
        {
            if (!NodeSelectorMatcher.MatchesNodeSelector(pod.Spec?.NodeSelector, node)) return false;
            var required = pod.Spec?.Affinity?.NodeAffinity?.RequiredDuringSchedulingIgnoredDuringExecution;
            if (required != null && !NodeSelectorMatcher.MatchesAnyTerm(required.NodeSelectorTerms, node)) return false;
        }
        if (HonorNodeTaints)
        {
            foreach (var taint in node.Spec?.Taints ?? [])
            {
                if (taint.Effect is "NoSchedule" or "NoExecute" && !Tolerations.AnyTolerates(pod.Spec?.Tolerations, taint)) return false;
            }
        }
        return true;
    }

    /// <summary>Upstream countPodsMatchSelector: pods of the incoming pod's namespace, not terminating, matching the selector.</summary>
    public int CountMatching(IReadOnlyList<V1Pod> pods, string ns)
    {
        var n = 0;
        foreach (var p in pods)
        {
            if (p.Metadata.DeletionTimestamp != null || p.Metadata.NamespaceProperty != ns) continue;
            if (Selector.Matches(Labels.Of(p))) n++;
        }
        return n;
    }

    public static bool NodeHasAllKeys(IDictionary<string, string>? labels, IReadOnlyList<SpreadConstraint> constraints)
    {
        foreach (var c in constraints)
        {
            if (labels == null || !labels.ContainsKey(c.TopologyKey)) return false;
        }
        return true;
    }
}
