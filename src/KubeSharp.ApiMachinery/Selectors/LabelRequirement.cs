using System.Globalization;
using System.Text;

namespace KubeSharp.ApiMachinery.Selectors;

/// <summary>
/// One term of a label selector (upstream's <c>labels.Requirement</c>). Values are kept sorted and de-duplicated, as
/// upstream's string set does, so <see cref="ToString"/> is canonical and equal selectors print equally.
/// </summary>
public sealed partial class LabelRequirement
{
    private readonly string[] _values;

    private LabelRequirement(string key, SelectorOperator op, string[] values)
    {
        Key = key;
        Operator = op;
        _values = values;
    }

    public string Key { get; }

    public SelectorOperator Operator { get; }

    public IReadOnlyList<string> Values => _values;

    /// <summary>
    /// Validates like upstream's <c>labels.NewRequirement</c>: key is a qualified name, value counts fit the operator,
    /// values are label values (or integers for <c>gt</c>/<c>lt</c>).
    /// </summary>
    public static LabelRequirement Create(string key, SelectorOperator op, IEnumerable<string> values)
    {
        var errors = new List<string>();
        if (KeyError(key) is { } keyError)
        {
            errors.Add(keyError);
        }

        var set = new SortedSet<string>(values, StringComparer.Ordinal);
        var list = set.ToArray();
        switch (op)
        {
            case SelectorOperator.In or SelectorOperator.NotIn:
                if (list.Length == 0)
                {
                    errors.Add("values: Invalid value: []: for 'in', 'notin' operators, values set can't be empty");
                }

                break;
            case SelectorOperator.Equals or SelectorOperator.DoubleEquals or SelectorOperator.NotEquals:
                if (list.Length != 1)
                {
                    errors.Add($"values: Invalid value: {FormatList(list)}: exact-match compatibility requires one single value");
                }

                break;
            case SelectorOperator.Exists or SelectorOperator.DoesNotExist:
                if (list.Length != 0)
                {
                    errors.Add($"values: Invalid value: {FormatList(list)}: values set must be empty for exists and does not exist");
                }

                break;
            case SelectorOperator.GreaterThan or SelectorOperator.LessThan:
                if (list.Length != 1)
                {
                    errors.Add($"values: Invalid value: {FormatList(list)}: for 'Gt', 'Lt' operators, exactly one value is required");
                }

                for (var i = 0; i < list.Length; i++)
                {
                    if (!long.TryParse(list[i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
                    {
                        errors.Add($"values[{i}]: Invalid value: \"{list[i]}\": for 'Gt', 'Lt' operators, the value must be an integer");
                    }
                }

                break;
            default:
                errors.Add($"operator: Unsupported value: \"{op}\"");
                break;
        }

        if (op is not (SelectorOperator.GreaterThan or SelectorOperator.LessThan))
        {
            for (var i = 0; i < list.Length; i++)
            {
                var valueErrors = LabelValidation.ValidateValue(list[i]);
                if (valueErrors is not null)
                {
                    errors.Add($"values[{i}]: Invalid value: \"{list[i]}\": {string.Join("; ", valueErrors)}");
                }
            }
        }

        if (errors.Count > 0)
        {
            // Upstream aggregates a field.ErrorList: one error prints bare, several print as "[a, b]".
            var text = errors.Count == 1 ? errors[0] : "[" + string.Join(", ", errors) + "]";
            throw new SelectorParseException(text);
        }

        return new LabelRequirement(key, op, list);
    }

    /// <summary>Upstream's field error for an invalid key, or null.</summary>
    internal static string? KeyError(string key) =>
        LabelValidation.ValidateKey(key) is { } errors
            ? $"key: Invalid value: \"{key}\": {string.Join("; ", errors)}"
            : null;

    public override string ToString()
    {
        var sb = new StringBuilder();
        AppendTo(sb);
        return sb.ToString();
    }

    internal void AppendTo(StringBuilder sb)
    {
        if (Operator == SelectorOperator.DoesNotExist)
        {
            sb.Append('!');
        }

        sb.Append(Key);
        switch (Operator)
        {
            case SelectorOperator.Exists or SelectorOperator.DoesNotExist:
                return;
            case SelectorOperator.Equals:
                sb.Append('=');
                break;
            case SelectorOperator.DoubleEquals:
                sb.Append("==");
                break;
            case SelectorOperator.NotEquals:
                sb.Append("!=");
                break;
            case SelectorOperator.In:
                sb.Append(" in ");
                break;
            case SelectorOperator.NotIn:
                sb.Append(" notin ");
                break;
            case SelectorOperator.GreaterThan:
                sb.Append('>');
                break;
            case SelectorOperator.LessThan:
                sb.Append('<');
                break;
        }

        var parenthesised = Operator is SelectorOperator.In or SelectorOperator.NotIn;
        if (parenthesised)
        {
            sb.Append('(');
        }

        sb.AppendJoin(',', _values);
        if (parenthesised)
        {
            sb.Append(')');
        }
    }

    private static string FormatList(string[] list) => "[" + string.Join(",", list) + "]";
}
