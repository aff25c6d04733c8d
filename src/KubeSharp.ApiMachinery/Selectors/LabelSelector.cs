using System.Text;
using System.Text.Json.Nodes;
using k8s.Models;

namespace KubeSharp.ApiMachinery.Selectors;

/// <summary>
/// An immutable label selector: the AND of its requirements, sorted by key as upstream's <c>internalSelector</c> is,
/// so <see cref="ToString"/> gives upstream's canonical string.
/// </summary>
public sealed class LabelSelector
{
    private readonly LabelRequirement[] _requirements;
    private readonly bool _matchesNothing;

    private LabelSelector(LabelRequirement[] requirements, bool matchesNothing)
    {
        _requirements = requirements;
        _matchesNothing = matchesNothing;
    }

    /// <summary>Matches every object (upstream's <c>labels.Everything()</c>, the empty string).</summary>
    public static LabelSelector Everything { get; } = new([], matchesNothing: false);

    /// <summary>Matches no object (upstream's <c>labels.Nothing()</c>, what a nil <c>V1LabelSelector</c> means).</summary>
    public static LabelSelector Nothing { get; } = new([], matchesNothing: true);

    public IReadOnlyList<LabelRequirement> Requirements => _requirements;

    /// <summary>True when the selector has no requirement and so matches everything.</summary>
    public bool IsEmpty => _requirements.Length == 0 && !_matchesNothing;

    public static LabelSelector Parse(string? selector)
    {
        if (string.IsNullOrWhiteSpace(selector))
        {
            return Everything;
        }

        var requirements = new LabelSelectorParser(selector).Parse();
        return FromRequirements(requirements);
    }

    /// <summary>
    /// Upstream's <c>metav1.LabelSelectorAsSelector</c>: null means nothing, an empty selector means everything,
    /// matchLabels become <c>key=value</c> terms and matchExpressions map their operators one to one.
    /// </summary>
    public static LabelSelector FromV1(V1LabelSelector? selector)
    {
        if (selector is null)
        {
            return Nothing;
        }

        var requirements = new List<LabelRequirement>();
        if (selector.MatchLabels is not null)
        {
            foreach (var (key, value) in selector.MatchLabels)
            {
                requirements.Add(LabelRequirement.Create(key, SelectorOperator.Equals, [value]));
            }
        }

        if (selector.MatchExpressions is not null)
        {
            foreach (var expression in selector.MatchExpressions)
            {
                var op = expression.OperatorProperty switch
                {
                    "In" => SelectorOperator.In,
                    "NotIn" => SelectorOperator.NotIn,
                    "Exists" => SelectorOperator.Exists,
                    "DoesNotExist" => SelectorOperator.DoesNotExist,
                    _ => throw new SelectorParseException(
                        $"\"{expression.OperatorProperty}\" is not a valid label selector operator"),
                };
                requirements.Add(LabelRequirement.Create(expression.Key ?? string.Empty, op,
                    expression.Values ?? (IEnumerable<string>)[]));
            }
        }

        return FromRequirements(requirements);
    }

    /// <summary>Hot path: loops over an array, no LINQ, no closures, no allocation.</summary>
    public bool Matches(IReadOnlyDictionary<string, string>? labels)
    {
        if (_matchesNothing)
        {
            return false;
        }

        foreach (var requirement in _requirements)
        {
            if (!requirement.Matches(labels))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Matches an object's <c>metadata.labels</c> JSON object; allocation-free like the dictionary overload.</summary>
    public bool Matches(JsonObject? labels)
    {
        if (_matchesNothing)
        {
            return false;
        }

        foreach (var requirement in _requirements)
        {
            if (!requirement.Matches(labels))
            {
                return false;
            }
        }

        return true;
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

            _requirements[i].AppendTo(sb);
        }

        return sb.ToString();
    }

    private static LabelSelector FromRequirements(List<LabelRequirement> requirements)
    {
        if (requirements.Count == 0)
        {
            return Everything;
        }

        // Stable sort by key (parse time only) keeps duplicate keys in input order, so ToString is deterministic.
        var sorted = requirements.Select((r, i) => (r, i)).OrderBy(t => t.r.Key, StringComparer.Ordinal)
            .ThenBy(t => t.i).Select(t => t.r).ToArray();
        return new LabelSelector(sorted, matchesNothing: false);
    }
}
