using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeSharp.ApiMachinery.Selectors;

/// <summary>Matching, the hot path of list and watch filtering: no LINQ, no closures, no allocation.</summary>
public sealed partial class LabelRequirement
{
    /// <summary>Hot path: no allocation; value sets are tiny, so a linear scan beats hashing.</summary>
    public bool Matches(IReadOnlyDictionary<string, string>? labels)
    {
        string? value = null;
        var has = labels is not null && labels.TryGetValue(Key, out value);
        switch (Operator)
        {
            case SelectorOperator.Equals or SelectorOperator.DoubleEquals or SelectorOperator.In:
                return has && Contains(value!);
            case SelectorOperator.NotEquals or SelectorOperator.NotIn:
                return !has || !Contains(value!);
            case SelectorOperator.Exists:
                return has;
            case SelectorOperator.DoesNotExist:
                return !has;
            case SelectorOperator.GreaterThan or SelectorOperator.LessThan:
                return has && CompareInteger(value!);
            default:
                return false;
        }
    }

    /// <summary>
    /// Matches the <c>metadata.labels</c> object of a JSON object without materialising strings: parsed values are
    /// compared in place with <see cref="JsonElement.ValueEquals(string)"/>.
    /// </summary>
    public bool Matches(JsonObject? labels)
    {
        JsonNode? node = null;
        var has = labels is not null && labels.TryGetPropertyValue(Key, out node);
        switch (Operator)
        {
            case SelectorOperator.Equals or SelectorOperator.DoubleEquals or SelectorOperator.In:
                return has && ContainsJson(node);
            case SelectorOperator.NotEquals or SelectorOperator.NotIn:
                return !has || !ContainsJson(node);
            case SelectorOperator.Exists:
                return has;
            case SelectorOperator.DoesNotExist:
                return !has;
            case SelectorOperator.GreaterThan or SelectorOperator.LessThan:
                return has && node is JsonValue value && value.TryGetValue<string>(out var text) && CompareInteger(text);
            default:
                return false;
        }
    }

    /// <summary>Upstream's gt/lt: a label that is not an integer never matches.</summary>
    private bool CompareInteger(string value)
    {
        if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var actual))
        {
            return false;
        }

        var bound = long.Parse(_values[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return Operator == SelectorOperator.GreaterThan ? actual > bound : actual < bound;
    }

    private bool ContainsJson(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return false;
        }

        if (value.TryGetValue<JsonElement>(out var element))
        {
            if (element.ValueKind != JsonValueKind.String)
            {
                return false;
            }

            foreach (var v in _values)
            {
                if (element.ValueEquals(v))
                {
                    return true;
                }
            }

            return false;
        }

        return value.TryGetValue<string>(out var text) && Contains(text);
    }

    private bool Contains(string value)
    {
        foreach (var v in _values)
        {
            if (string.Equals(v, value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
