using k8s.Models;

namespace KubeSharp.ApiMachinery.Validation;

/// <summary>
/// Label selector semantics needed by validation: matching a template's labels (metav1.LabelSelectorAsSelector +
/// Matches) and upstream's protobuf String() rendering used when a selector is the bad value.
/// </summary>
public static class LabelSelectors
{
    /// <summary>
    /// Whether the selector matches the labels. A null selector matches nothing and an empty one matches everything,
    /// as upstream's LabelSelectorAsSelector returns labels.Nothing()/labels.Everything().
    /// </summary>
    public static bool Matches(V1LabelSelector? selector, IDictionary<string, string>? labels)
    {
        if (selector is null)
        {
            return false;
        }
        labels ??= new Dictionary<string, string>();
        foreach (var (key, value) in selector.MatchLabels ?? new Dictionary<string, string>())
        {
            if (!labels.TryGetValue(key, out var actual) || actual != value)
            {
                return false;
            }
        }
        foreach (var req in selector.MatchExpressions ?? [])
        {
            var has = labels.TryGetValue(req.Key ?? "", out var actual);
            var values = req.Values ?? [];
            var ok = req.OperatorProperty switch
            {
                "In" => has && values.Contains(actual!),
                "NotIn" => !has || !values.Contains(actual!),
                "Exists" => has,
                "DoesNotExist" => !has,
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }
        return true;
    }

    public static bool IsEmpty(V1LabelSelector selector) =>
        (selector.MatchLabels?.Count ?? 0) + (selector.MatchExpressions?.Count ?? 0) == 0;

    /// <summary>Whether the selector converts to a labels.Selector (valid operators and values).</summary>
    public static bool IsConvertible(V1LabelSelector? selector) =>
        selector is null || (selector.MatchExpressions ?? []).All(r => r.OperatorProperty switch
        {
            "In" or "NotIn" => (r.Values?.Count ?? 0) > 0,
            "Exists" or "DoesNotExist" => (r.Values?.Count ?? 0) == 0,
            _ => false,
        });

    /// <summary>
    /// The selector as upstream prints it in errors: Go's %#v of metav1.LabelSelector, e.g.
    /// <c>v1.LabelSelector{MatchLabels:map[string]string{"app":"web"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}</c>;
    /// a nil selector prints as "null".
    /// </summary>
    internal static object Describe(V1LabelSelector? selector)
    {
        if (selector is null)
        {
            return "null";
        }
        var labels = selector.MatchLabels is null
            ? "map[string]string(nil)"
            : GoFormat.Value(selector.MatchLabels);
        var exprs = selector.MatchExpressions is null
            ? "[]v1.LabelSelectorRequirement(nil)"
            : "[]v1.LabelSelectorRequirement{" + string.Join(", ", selector.MatchExpressions.Select(r =>
                $"v1.LabelSelectorRequirement{{Key:{GoFormat.Quote(r.Key ?? "")}, Operator:{GoFormat.Quote(r.OperatorProperty ?? "")}, " +
                $"Values:{(r.Values is null ? "[]string(nil)" : GoFormat.Value(r.Values))}}}")) + "}";
        return new GoLiteral($"v1.LabelSelector{{MatchLabels:{labels}, MatchExpressions:{exprs}}}");
    }

    /// <summary>Semantic equality used for the apps/v1 "selector is immutable" rule.</summary>
    /// <remarks>Nil and empty lists/maps compare equal, as upstream's apiequality.Semantic.DeepEqual.</remarks>
    public static bool SameSelector(V1LabelSelector? a, V1LabelSelector? b) => JsonDiff.SemanticEqual(a, b);
}
