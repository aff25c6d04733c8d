using k8s.Models;
using KubeSharp.ApiMachinery.Selectors;
using KubeSharp.Scheduler.Framework;

namespace KubeSharp.Scheduler.Plugins.InterPodAffinity;

/// <summary>
/// A pod (anti-)affinity term made ready to match (upstream framework.AffinityTerm): the label selector, with
/// matchLabelKeys/mismatchLabelKeys folded in from the owning pod's labels; the namespaces it applies to (the
/// owner's own when neither namespaces nor namespaceSelector is set); the topology key and, for preferred terms,
/// the weight.
/// </summary>
internal sealed class AffinityTerm
{
    private readonly HashSet<string> _namespaces;

    // Null: no namespaceSelector (matches no namespace by labels). Empty: every namespace.
    private readonly LabelSelector? _namespaceSelector;

    private AffinityTerm(HashSet<string> namespaces, LabelSelector? namespaceSelector, LabelSelector selector, string topologyKey, int weight)
    {
        _namespaces = namespaces;
        _namespaceSelector = namespaceSelector;
        Selector = selector;
        TopologyKey = topologyKey;
        Weight = weight;
        Key = CanonicalKey(namespaces, namespaceSelector, selector, topologyKey);
    }

    public LabelSelector Selector { get; }

    public string TopologyKey { get; }

    public int Weight { get; }

    /// <summary>
    /// Equal for terms that match exactly the same pods in the same domains (weight aside): the topology key, the
    /// sorted namespaces, the namespace selector and the label selector in upstream's canonical string form. The
    /// affinity index groups and memoizes terms by it.
    /// </summary>
    public string Key { get; }

    /// <summary>
    /// Whether which pods the term matches depends on the pods alone. A namespaceSelector with requirements also
    /// depends on namespaces' labels, which change outside the snapshot, so counts for such a term cannot be kept
    /// across attempts.
    /// </summary>
    public bool DependsOnPodsOnly => _namespaceSelector is null || _namespaceSelector.IsEmpty;

    public static AffinityTerm From(V1Pod owner, V1PodAffinityTerm term, int weight = 0)
    {
        var namespaces = new HashSet<string>(term.Namespaces ?? [], StringComparer.Ordinal);
        if (namespaces.Count == 0 && term.NamespaceSelector == null) namespaces.Add(owner.Metadata.NamespaceProperty ?? "default");
        var nsSelector = term.NamespaceSelector == null ? null : LabelSelector.FromV1(term.NamespaceSelector);
        return new AffinityTerm(namespaces, nsSelector, LabelSelector.FromV1(WithLabelKeys(owner, term)), term.TopologyKey ?? "", weight);
    }

    private static string CanonicalKey(HashSet<string> namespaces, LabelSelector? namespaceSelector, LabelSelector selector, string topologyKey)
    {
        var ns = new string[namespaces.Count];
        namespaces.CopyTo(ns);
        Array.Sort(ns, StringComparer.Ordinal);
        // '\n' cannot occur in label keys, values or namespace names, so the parts cannot run into each other;
        // "!" marks a selector that matches nothing (a null labelSelector), which prints like "everything".
        return string.Join('\n', topologyKey, string.Join(',', ns), namespaceSelector == null ? "-" : "+" + Printed(namespaceSelector), Printed(selector));
    }

    private static string Printed(LabelSelector s) => s.Requirements.Count == 0 && !s.IsEmpty ? "!" : s.ToString();

    /// <summary>
    /// Upstream's API server folds matchLabelKeys (key In [owner's value]) and mismatchLabelKeys (NotIn) into the
    /// selector when the pod is created; doing it here again is harmless (the same requirement ANDed twice) and
    /// covers pods stored before that.
    /// </summary>
    private static V1LabelSelector? WithLabelKeys(V1Pod owner, V1PodAffinityTerm term)
    {
        var selector = term.LabelSelector;
        if (selector == null || (term.MatchLabelKeys is not { Count: > 0 } && term.MismatchLabelKeys is not { Count: > 0 })) return selector;
        var labels = owner.Metadata.Labels;
        var expressions = new List<V1LabelSelectorRequirement>(selector.MatchExpressions ?? []);
        foreach (var key in term.MatchLabelKeys ?? [])
        {
            if (labels != null && labels.TryGetValue(key, out var v)) expressions.Add(new V1LabelSelectorRequirement { Key = key, OperatorProperty = "In", Values = [v] });
        }
        foreach (var key in term.MismatchLabelKeys ?? [])
        {
            if (labels != null && labels.TryGetValue(key, out var v)) expressions.Add(new V1LabelSelectorRequirement { Key = key, OperatorProperty = "NotIn", Values = [v] });
        }
        return new V1LabelSelector { MatchLabels = selector.MatchLabels, MatchExpressions = expressions };
    }

    /// <summary>Upstream AffinityTerm.Matches: the pod's namespace is in scope and its labels match the selector.</summary>
    public bool Matches(V1Pod pod, IClusterObjects cluster)
    {
        var ns = pod.Metadata.NamespaceProperty ?? "default";
        if (!_namespaces.Contains(ns))
        {
            if (_namespaceSelector == null) return false;
            if (!_namespaceSelector.IsEmpty && !_namespaceSelector.Matches(cluster.NamespaceLabels(ns) ?? Plugins.Labels.Empty)) return false;
        }
        return Selector.Matches(Plugins.Labels.Of(pod));
    }
}
