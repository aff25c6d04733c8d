using System.Text;
using k8s.Models;

namespace KubeSharp.ApiMachinery.Printing;

/// <summary>Upstream's labels.FormatLabels and metav1.FormatLabelSelector renderings.</summary>
internal static class LabelFormat
{
    /// <summary>"a=1,b=2" with keys sorted; "&lt;none&gt;" when empty.</summary>
    public static string Labels(IDictionary<string, string>? labels)
    {
        if (labels is null || labels.Count == 0)
        {
            return Cell.None;
        }
        var keys = new string[labels.Count];
        labels.Keys.CopyTo(keys, 0);
        Array.Sort(keys, StringComparer.Ordinal);
        var sb = new StringBuilder();
        foreach (var key in keys)
        {
            if (sb.Length > 0)
            {
                sb.Append(',');
            }
            sb.Append(key).Append('=').Append(labels[key]);
        }
        return sb.ToString();
    }

    /// <summary>metav1.FormatLabelSelector: the selector string, "&lt;none&gt;" when it selects everything or nothing.</summary>
    public static string Selector(V1LabelSelector? selector)
    {
        var s = SelectorString(selector);
        return s is null ? "<error>" : s.Length == 0 ? Cell.None : s;
    }

    /// <summary>
    /// LabelSelectorAsSelector(...).String(): requirements sorted by key, "k=v", "k in (a,b)", "k notin (a,b)",
    /// "k", "!k". Null for an invalid operator.
    /// </summary>
    public static string? SelectorString(V1LabelSelector? selector)
    {
        if (selector is null)
        {
            return "";
        }
        var count = (selector.MatchLabels?.Count ?? 0) + (selector.MatchExpressions?.Count ?? 0);
        if (count == 0)
        {
            return "";
        }
        var parts = new (string Key, string Text)[count];
        var n = 0;
        if (selector.MatchLabels is not null)
        {
            foreach (var (key, value) in selector.MatchLabels)
            {
                parts[n++] = (key, key + "=" + value);
            }
        }
        if (selector.MatchExpressions is not null)
        {
            foreach (var expr in selector.MatchExpressions)
            {
                var text = Requirement(expr);
                if (text is null)
                {
                    return null;
                }
                parts[n++] = (expr.Key ?? "", text);
            }
        }
        // Upstream sorts requirements by key only; a stable insertion sort (selectors are tiny) keeps match labels
        // before expressions on ties.
        for (var i = 1; i < n; i++)
        {
            var item = parts[i];
            var j = i - 1;
            while (j >= 0 && string.CompareOrdinal(parts[j].Key, item.Key) > 0)
            {
                parts[j + 1] = parts[j];
                j--;
            }
            parts[j + 1] = item;
        }
        var texts = new string[n];
        for (var i = 0; i < n; i++)
        {
            texts[i] = parts[i].Text;
        }
        return string.Join(',', texts);
    }

    private static string? Requirement(V1LabelSelectorRequirement expr)
    {
        var key = expr.Key ?? "";
        return expr.OperatorProperty switch
        {
            "In" => key + " in (" + SortedValues(expr.Values) + ")",
            "NotIn" => key + " notin (" + SortedValues(expr.Values) + ")",
            "Exists" => key,
            "DoesNotExist" => "!" + key,
            _ => null,
        };
    }

    private static string SortedValues(IList<string>? values)
    {
        if (values is null || values.Count == 0)
        {
            return "";
        }
        var set = new SortedSet<string>(values, StringComparer.Ordinal);
        return string.Join(',', set);
    }
}
