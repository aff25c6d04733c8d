using System.Text;

namespace KubeSharp.Kubelet.Pods;

/// <summary>
/// Upstream's $(VAR) expansion (third_party/forked/golang/expansion): $(NAME) becomes the value when NAME is
/// defined and stays as written otherwise; $$ is an escaped $; any other $ is literal; an unclosed $( stays.
/// </summary>
internal static class EnvExpansion
{
    public static string Expand(string input, Func<string, string?> lookup)
    {
        if (!input.Contains('$')) return input;
        var output = new StringBuilder(input.Length);
        var i = 0;
        while (i < input.Length)
        {
            var c = input[i];
            if (c != '$' || i + 1 >= input.Length)
            {
                output.Append(c);
                i++;
                continue;
            }
            var next = input[i + 1];
            if (next == '$')
            {
                output.Append('$');
                i += 2;
                continue;
            }
            if (next == '(')
            {
                var close = input.IndexOf(')', i + 2);
                if (close < 0)
                {
                    output.Append(input, i, input.Length - i);
                    break;
                }
                var name = input[(i + 2)..close];
                output.Append(lookup(name) ?? "$(" + name + ")");
                i = close + 1;
                continue;
            }
            output.Append(c).Append(next);
            i += 2;
        }
        return output.ToString();
    }
}
