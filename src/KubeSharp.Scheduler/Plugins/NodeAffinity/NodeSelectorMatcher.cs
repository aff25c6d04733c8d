using System.Globalization;
using k8s.Models;

namespace KubeSharp.Scheduler.Plugins.NodeAffinity;

/// <summary>
/// Upstream's node selector semantics (component-helpers nodeaffinity): terms are ORed, requirements within a term
/// ANDed; a term with no requirements matches nothing; NotIn and DoesNotExist match a missing label; Gt/Lt compare
/// the label and the single value as integers; matchFields support only metadata.name.
/// </summary>
public static class NodeSelectorMatcher
{
    public static bool MatchesNodeSelector(IDictionary<string, string>? selector, V1Node node)
    {
        if (selector == null) return true;
        var labels = node.Metadata.Labels;
        foreach (var (k, v) in selector)
        {
            if (labels == null || !labels.TryGetValue(k, out var actual) || actual != v) return false;
        }
        return true;
    }

    public static bool MatchesAnyTerm(IList<V1NodeSelectorTerm>? terms, V1Node node)
    {
        if (terms == null) return false;
        foreach (var term in terms)
        {
            if (MatchesTerm(term, node)) return true;
        }
        return false;
    }

    public static bool MatchesTerm(V1NodeSelectorTerm? term, V1Node node)
    {
        if (term == null) return false;
        var expressions = term.MatchExpressions;
        var fields = term.MatchFields;
        if ((expressions == null || expressions.Count == 0) && (fields == null || fields.Count == 0)) return false;
        foreach (var r in expressions ?? [])
        {
            string? value = null;
            var has = node.Metadata.Labels?.TryGetValue(r.Key, out value) == true;
            if (!Matches(r, has, value)) return false;
        }
        foreach (var r in fields ?? [])
        {
            // Only metadata.name is a supported field (upstream rejects others at validation).
            if (r.Key != "metadata.name" || r.OperatorProperty is not ("In" or "NotIn")) return false;
            if (!Matches(r, true, node.Metadata.Name)) return false;
        }
        return true;
    }

    public static bool Matches(V1NodeSelectorRequirement r, bool has, string? value)
    {
        var values = r.Values ?? [];
        switch (r.OperatorProperty)
        {
            case "In": return has && values.Contains(value!);
            case "NotIn": return !has || !values.Contains(value!);
            case "Exists": return has;
            case "DoesNotExist": return !has;
            case "Gt":
            case "Lt":
                if (!has || values.Count != 1) return false;
                if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var actual)) return false;
                if (!long.TryParse(values[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var bound)) return false;
                return r.OperatorProperty == "Gt" ? actual > bound : actual < bound;
            default: return false;
        }
    }
}
