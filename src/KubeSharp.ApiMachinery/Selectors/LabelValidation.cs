namespace KubeSharp.ApiMachinery.Selectors;

/// <summary>
/// Upstream's label key (qualified name) and label value rules, with its error texts, so that a bad selector is
/// rejected with the same words kubectl users see from a real API server. Hand-written scanners instead of regexes
/// keep this allocation-free when the input is valid.
/// </summary>
internal static class LabelValidation
{
    internal const int NameMaxLength = 63;
    internal const int PrefixMaxLength = 253;

    private const string QualifiedNameRegex = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    private const string QualifiedNameMessage =
        "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
    private const string NameExamples = "(e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '" +
        QualifiedNameRegex + "')";
    private const string ValueMessage =
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start " +
        "and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(" +
        QualifiedNameRegex + ")?')";
    private const string SubdomainMessage =
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start " +
        "and end with an alphanumeric character (e.g. 'example.com', regex used for validation is " +
        "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

    /// <summary>Returns upstream's error texts for <paramref name="key"/>, or null when it is a valid label key.</summary>
    internal static List<string>? ValidateKey(string key)
    {
        var slash = key.IndexOf('/');
        string name = key;
        List<string>? errors = null;
        if (slash >= 0)
        {
            if (key.IndexOf('/', slash + 1) >= 0)
            {
                return
                [
                    "a qualified name " + QualifiedNameMessage + " " + NameExamples +
                    " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
                ];
            }

            var prefix = key.AsSpan(0, slash);
            name = key[(slash + 1)..];
            if (prefix.Length == 0)
            {
                (errors ??= []).Add("prefix part must be non-empty");
            }
            else
            {
                if (prefix.Length > PrefixMaxLength)
                {
                    (errors ??= []).Add("prefix part must be no more than 253 characters");
                }

                if (!IsDnsSubdomain(prefix))
                {
                    (errors ??= []).Add("prefix part " + SubdomainMessage);
                }
            }
        }

        if (name.Length == 0)
        {
            (errors ??= []).Add("name part must be non-empty");
        }
        else if (name.Length > NameMaxLength)
        {
            (errors ??= []).Add("name part must be no more than 63 characters");
        }

        if (name.Length > 0 && !IsQualifiedNamePart(name))
        {
            (errors ??= []).Add("name part " + QualifiedNameMessage + " " + NameExamples);
        }

        return errors;
    }

    /// <summary>Returns upstream's error texts for a label value, or null when it is valid.</summary>
    internal static List<string>? ValidateValue(string value)
    {
        List<string>? errors = null;
        if (value.Length > NameMaxLength)
        {
            (errors ??= []).Add("must be no more than 63 characters");
        }

        if (value.Length > 0 && !IsQualifiedNamePart(value))
        {
            (errors ??= []).Add(ValueMessage);
        }

        return errors;
    }

    private static bool IsQualifiedNamePart(ReadOnlySpan<char> s)
    {
        if (!char.IsAsciiLetterOrDigit(s[0]) || !char.IsAsciiLetterOrDigit(s[^1]))
        {
            return false;
        }

        foreach (var c in s)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_' && c != '.')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDnsSubdomain(ReadOnlySpan<char> s)
    {
        // Each dot-separated label: [a-z0-9]([-a-z0-9]*[a-z0-9])?
        foreach (var range in s.Split('.'))
        {
            var label = s[range];
            if (label.Length == 0 || !IsLowerAlnum(label[0]) || !IsLowerAlnum(label[^1]))
            {
                return false;
            }

            foreach (var c in label)
            {
                if (!IsLowerAlnum(c) && c != '-')
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool IsLowerAlnum(char c) => char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c);
}
