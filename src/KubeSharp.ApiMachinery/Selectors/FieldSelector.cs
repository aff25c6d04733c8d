using System.Text;

namespace KubeSharp.ApiMachinery.Selectors;

/// <summary>
/// An immutable field selector (upstream's <c>fields.ParseSelector</c>): comma-separated <c>field=value</c>,
/// <c>field==value</c> or <c>field!=value</c> terms, all of which must hold. A missing field compares as "".
/// </summary>
public sealed class FieldSelector
{
    private readonly FieldRequirement[] _requirements;

    private FieldSelector(FieldRequirement[] requirements)
    {
        _requirements = requirements;
    }

    public static FieldSelector Everything { get; } = new([]);

    public IReadOnlyList<FieldRequirement> Requirements => _requirements;

    public bool IsEmpty => _requirements.Length == 0;

    public static FieldSelector Parse(string? selector)
    {
        if (string.IsNullOrEmpty(selector))
        {
            return Everything;
        }

        var terms = SplitTerms(selector);
        // Upstream sorts the raw terms before parsing them, which makes String() canonical.
        terms.Sort(StringComparer.Ordinal);
        var requirements = new List<FieldRequirement>(terms.Count);
        foreach (var term in terms)
        {
            if (term.Length == 0)
            {
                continue;
            }

            requirements.Add(ParseTerm(term, selector));
        }

        return requirements.Count == 0 ? Everything : new FieldSelector(requirements.ToArray());
    }

    /// <summary>Matches without allocating when <typeparamref name="TSource"/> is a struct.</summary>
    public bool Matches<TSource>(TSource source)
        where TSource : IFieldSource
    {
        foreach (var requirement in _requirements)
        {
            if (!requirement.Matches(source.GetField(requirement.Field)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Convenience overload; the delegate is the caller's allocation, matching itself allocates nothing.</summary>
    public bool Matches(Func<string, string?> fieldValue)
    {
        foreach (var requirement in _requirements)
        {
            if (!requirement.Matches(fieldValue(requirement.Field)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Upstream's <c>RequiresExactMatch</c>: the value of an <c>=</c>/<c>==</c> term on <paramref name="field"/>,
    /// which lets the API server turn <c>metadata.name=x</c> into a point lookup.
    /// </summary>
    public bool TryGetExactMatch(string field, out string value)
    {
        foreach (var requirement in _requirements)
        {
            if (requirement.Operator != SelectorOperator.NotEquals &&
                string.Equals(requirement.Field, field, StringComparison.Ordinal))
            {
                value = requirement.Value;
                return true;
            }
        }

        value = string.Empty;
        return false;
    }

    public override string ToString()
    {
        var sb = new StringBuilder();
        for (var i = 0; i < _requirements.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            sb.Append(_requirements[i].ToString());
        }

        return sb.ToString();
    }

    private static List<string> SplitTerms(string selector)
    {
        var terms = new List<string>();
        var start = 0;
        for (var i = 0; i < selector.Length; i++)
        {
            if (selector[i] == '\\')
            {
                i++;
            }
            else if (selector[i] == ',')
            {
                terms.Add(selector[start..i]);
                start = i + 1;
            }
        }

        terms.Add(selector[start..]);
        return terms;
    }

    private static FieldRequirement ParseTerm(string term, string selector)
    {
        // Like upstream, the field part has no escaping: the first operator splits the term, trying "!=" and "=="
        // before "=" at each position so "==" leaves no stray "=" in the value.
        for (var i = 0; i < term.Length; i++)
        {
            var c = term[i];
            var remaining = term.AsSpan(i);
            SelectorOperator op;
            int length;
            if (remaining.StartsWith("!="))
            {
                (op, length) = (SelectorOperator.NotEquals, 2);
            }
            else if (remaining.StartsWith("=="))
            {
                (op, length) = (SelectorOperator.DoubleEquals, 2);
            }
            else if (c == '=')
            {
                (op, length) = (SelectorOperator.Equals, 1);
            }
            else
            {
                continue;
            }

            var field = term[..i];
            var value = FieldSelectorEscaping.Unescape(term[(i + length)..]);
            return new FieldRequirement(field, op, value);
        }

        throw new SelectorParseException($"invalid selector: '{selector}'; can't understand '{term}'");
    }
}
