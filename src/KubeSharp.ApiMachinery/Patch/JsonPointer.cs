namespace KubeSharp.ApiMachinery.Patch;

/// <summary>RFC 6901 pointer parsing: "" is the whole document, otherwise "/"-separated tokens with ~1 and ~0 escapes.</summary>
internal static class JsonPointer
{
    internal static string[] Parse(string pointer)
    {
        if (pointer.Length == 0)
        {
            return [];
        }

        if (pointer[0] != '/')
        {
            throw new PatchException($"invalid JSON pointer \"{pointer}\": must be empty or start with '/'");
        }

        var tokens = pointer[1..].Split('/');
        for (var i = 0; i < tokens.Length; i++)
        {
            tokens[i] = Unescape(tokens[i], pointer);
        }

        return tokens;
    }

    /// <summary>An array index token: "0" or digits without a leading zero (RFC 6901 §4).</summary>
    internal static bool TryParseIndex(string token, out int index)
    {
        index = -1;
        if (token.Length == 0 || (token.Length > 1 && token[0] == '0'))
        {
            return false;
        }

        foreach (var c in token)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return int.TryParse(token, out index);
    }

    private static string Unescape(string token, string pointer)
    {
        if (token.IndexOf('~') < 0)
        {
            return token;
        }

        var chars = new System.Text.StringBuilder(token.Length);
        for (var i = 0; i < token.Length; i++)
        {
            if (token[i] != '~')
            {
                chars.Append(token[i]);
                continue;
            }

            var next = i + 1 < token.Length ? token[i + 1] : '\0';
            chars.Append(next switch
            {
                '0' => '~',
                '1' => '/',
                _ => throw new PatchException($"invalid JSON pointer \"{pointer}\": '~' must be followed by '0' or '1'"),
            });
            i++;
        }

        return chars.ToString();
    }
}
