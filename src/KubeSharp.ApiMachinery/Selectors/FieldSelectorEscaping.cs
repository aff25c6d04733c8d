using System.Text;

namespace KubeSharp.ApiMachinery.Selectors;

/// <summary>
/// Upstream's field selector value escaping (<c>fields.EscapeValue</c>/<c>UnescapeValue</c>): a backslash escapes
/// <c>\</c>, <c>,</c> and <c>=</c>; any other escape, or a bare <c>,</c>/<c>=</c> in a value, is an error.
/// </summary>
internal static class FieldSelectorEscaping
{
    internal static string Escape(string value)
    {
        if (value.AsSpan().IndexOfAny('\\', ',', '=') < 0)
        {
            return value;
        }

        var sb = new StringBuilder(value.Length + 4);
        foreach (var c in value)
        {
            if (c is '\\' or ',' or '=')
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    internal static string Unescape(string value)
    {
        if (value.IndexOf('\\') < 0 && value.AsSpan().IndexOfAny(',', '=') < 0)
        {
            return value;
        }

        var sb = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\\')
            {
                if (i + 1 >= value.Length)
                {
                    throw new SelectorParseException("invalid field selector: invalid escape sequence: \\");
                }

                var next = value[++i];
                if (next is not ('\\' or ',' or '='))
                {
                    throw new SelectorParseException($"invalid field selector: invalid escape sequence: \\{next}");
                }

                sb.Append(next);
            }
            else if (c is ',' or '=')
            {
                throw new SelectorParseException($"invalid field selector: unescaped character in value: {c}");
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
