using System.Collections;
using System.Globalization;
using System.Text;

namespace KubeSharp.ApiMachinery.Validation;

/// <summary>
/// Renders a bad value the way upstream's field.Error.ErrorBody does: strings with Go's %q quoting, numbers and
/// booleans with %v, maps and slices with %#v (Go sorts map keys when printing). Clients and tests compare these
/// messages byte for byte, so the rendering follows Go rather than .NET conventions.
/// </summary>
internal static class GoFormat
{
    public static string Value(object? value) => value switch
    {
        null => "\"null\"",
        string s => Quote(s),
        bool b => b ? "true" : "false",
        int or long or short or byte or uint or ulong => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        IDictionary<string, string> map => Map(map),
        IEnumerable<string> list => "[]string{" + string.Join(", ", list.Select(Quote)) + "}",
        IEnumerable e => "[]interface {}{" + string.Join(", ", e.Cast<object?>().Select(Value)) + "}",
        _ => value.ToString() ?? "\"null\"",
    };

    /// <summary>Go's strconv.Quote for the characters that occur in Kubernetes values.</summary>
    public static string Quote(string s)
    {
        var sb = new StringBuilder(s.Length + 2);
        sb.Append('"');
        foreach (var r in s.EnumerateRunes())
        {
            switch (r.Value)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\a': sb.Append("\\a"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\v': sb.Append("\\v"); break;
                default:
                    if (r.Value < 0x20 || r.Value == 0x7f)
                    {
                        sb.Append("\\x").Append(r.Value.ToString("x2", CultureInfo.InvariantCulture));
                    }
                    else if (Rune.GetUnicodeCategory(r) is UnicodeCategory.Control or UnicodeCategory.Format
                        or UnicodeCategory.OtherNotAssigned or UnicodeCategory.Surrogate)
                    {
                        sb.Append(r.Value > 0xffff
                            ? "\\U" + r.Value.ToString("x8", CultureInfo.InvariantCulture)
                            : "\\u" + r.Value.ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(r.ToString());
                    }
                    break;
            }
        }
        sb.Append('"');
        return sb.ToString();
    }

    private static string Map(IDictionary<string, string> map)
    {
        var parts = map.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{Quote(kv.Key)}:{Quote(kv.Value)}");
        return "map[string]string{" + string.Join(", ", parts) + "}";
    }
}
