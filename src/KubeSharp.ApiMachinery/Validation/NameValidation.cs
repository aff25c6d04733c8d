using System.Text.RegularExpressions;

namespace KubeSharp.ApiMachinery.Validation;

/// <summary>
/// The string-format checks of upstream's k8s.io/apimachinery/pkg/util/validation. Each Is* method returns the
/// list of problem descriptions (empty when valid) worded exactly as upstream, so callers wrap them in
/// <see cref="FieldErrors.Invalid"/> just as upstream wraps them in field.Invalid.
/// </summary>
public static partial class NameValidation
{
    public const int Dns1123LabelMaxLength = 63;
    public const int Dns1123SubdomainMaxLength = 253;
    public const int Dns1035LabelMaxLength = 63;
    public const int QualifiedNameMaxLength = 63;
    public const int LabelValueMaxLength = 63;
    public const int TotalAnnotationSizeLimitBytes = 256 * 1024;

    private const string Dns1123LabelFmt = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private const string Dns1123LabelErrMsg = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
    private const string Dns1123SubdomainFmt = Dns1123LabelFmt + "(\\." + Dns1123LabelFmt + ")*";
    private const string Dns1123SubdomainErrMsg = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
    private const string Dns1035LabelFmt = "[a-z]([-a-z0-9]*[a-z0-9])?";
    private const string Dns1035LabelErrMsg = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";
    private const string QualifiedNameFmt = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    private const string QualifiedNameErrMsg = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
    private const string LabelValueFmt = "(" + QualifiedNameFmt + ")?";
    private const string LabelValueErrMsg = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
    private const string ConfigMapKeyFmt = "[-._a-zA-Z0-9]+";
    private const string ConfigMapKeyErrMsg = "a valid config key must consist of alphanumeric characters, '-', '_' or '.'";
    private const string RelaxedEnvVarNameErrMsg = "a valid environment variable name must consist only of printable ASCII characters other than '='";

    [GeneratedRegex("^" + Dns1123LabelFmt + "$")]
    private static partial Regex Dns1123LabelRegex();

    [GeneratedRegex("^" + Dns1123SubdomainFmt + "$")]
    private static partial Regex Dns1123SubdomainRegex();

    [GeneratedRegex("^" + Dns1035LabelFmt + "$")]
    private static partial Regex Dns1035LabelRegex();

    [GeneratedRegex("^" + QualifiedNameFmt + "$")]
    private static partial Regex QualifiedNameRegex();

    [GeneratedRegex("^" + LabelValueFmt + "$")]
    private static partial Regex LabelValueRegex();

    [GeneratedRegex("^" + ConfigMapKeyFmt + "$")]
    private static partial Regex ConfigMapKeyRegex();

    [GeneratedRegex("^[-a-z0-9]+$")]
    private static partial Regex PortNameCharsetRegex();

    [GeneratedRegex("[a-z]")]
    private static partial Regex PortNameOneLetterRegex();

    /// <summary>upstream's MaxLenError.</summary>
    public static string MaxLenError(int length) => $"must be no more than {length} characters";

    /// <summary>upstream's InclusiveRangeError.</summary>
    public static string InclusiveRangeError(long lo, long hi) => $"must be between {lo} and {hi}, inclusive";

    /// <summary>upstream's RegexError: "msg (e.g. 'a',  or 'b', regex used for validation is 'fmt')".</summary>
    public static string RegexError(string msg, string fmt, params string[] examples)
    {
        if (examples.Length == 0)
        {
            return $"{msg} (regex used for validation is '{fmt}')";
        }
        var text = msg + " (e.g. ";
        for (var i = 0; i < examples.Length; i++)
        {
            if (i > 0)
            {
                text += " or ";
            }
            text += $"'{examples[i]}', ";
        }
        return text + $"regex used for validation is '{fmt}')";
    }

    public static List<string> IsDns1123Label(string value)
    {
        var errs = new List<string>();
        if (value.Length > Dns1123LabelMaxLength)
        {
            errs.Add(MaxLenError(Dns1123LabelMaxLength));
        }
        if (!Dns1123LabelRegex().IsMatch(value))
        {
            // upstream: a valid subdomain that is not a valid label (length already checked) must contain dots.
            errs.Add(Dns1123SubdomainRegex().IsMatch(value)
                ? "must not contain dots"
                : RegexError(Dns1123LabelErrMsg, Dns1123LabelFmt, "my-name", "123-abc"));
        }
        return errs;
    }

    public static List<string> IsDns1123Subdomain(string value)
    {
        var errs = new List<string>();
        if (value.Length > Dns1123SubdomainMaxLength)
        {
            errs.Add(MaxLenError(Dns1123SubdomainMaxLength));
        }
        if (!Dns1123SubdomainRegex().IsMatch(value))
        {
            errs.Add(RegexError(Dns1123SubdomainErrMsg, Dns1123SubdomainFmt, "example.com"));
        }
        return errs;
    }

    public static List<string> IsDns1035Label(string value)
    {
        var errs = new List<string>();
        if (value.Length > Dns1035LabelMaxLength)
        {
            errs.Add(MaxLenError(Dns1035LabelMaxLength));
        }
        if (!Dns1035LabelRegex().IsMatch(value))
        {
            errs.Add(RegexError(Dns1035LabelErrMsg, Dns1035LabelFmt, "my-name", "abc-123"));
        }
        return errs;
    }

    /// <summary>upstream's path.IsValidPathSegmentName: names that can appear as one URL path segment.</summary>
    public static List<string> IsValidPathSegmentName(string value)
    {
        if (value is "." or "..")
        {
            return [$"may not be '{value}'"];
        }
        var errs = new List<string>();
        foreach (var illegal in (ReadOnlySpan<string>)["/", "%"])
        {
            if (value.Contains(illegal, StringComparison.Ordinal))
            {
                errs.Add($"may not contain '{illegal}'");
            }
        }
        return errs;
    }

    /// <summary>upstream's IsQualifiedName: label keys, annotation keys, finalizers: [prefix/]name.</summary>
    public static List<string> IsQualifiedName(string value)
    {
        var errs = new List<string>();
        var parts = value.Split('/');
        string name;
        switch (parts.Length)
        {
            case 1:
                name = parts[0];
                break;
            case 2:
                var prefix = parts[0];
                name = parts[1];
                if (prefix.Length == 0)
                {
                    errs.Add("prefix part must be non-empty");
                }
                else
                {
                    errs.AddRange(IsDns1123Subdomain(prefix).Select(m => "prefix part " + m));
                }
                break;
            default:
                errs.Add("a qualified name " + RegexError(QualifiedNameErrMsg, QualifiedNameFmt, "MyName", "my.name", "123-abc")
                    + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
                return errs;
        }
        if (name.Length == 0)
        {
            errs.Add("name part must be non-empty");
        }
        else if (name.Length > QualifiedNameMaxLength)
        {
            errs.Add("name part " + MaxLenError(QualifiedNameMaxLength));
        }
        if (!QualifiedNameRegex().IsMatch(name))
        {
            errs.Add("name part " + RegexError(QualifiedNameErrMsg, QualifiedNameFmt, "MyName", "my.name", "123-abc"));
        }
        return errs;
    }

    public static List<string> IsValidLabelValue(string value)
    {
        var errs = new List<string>();
        if (value.Length > LabelValueMaxLength)
        {
            errs.Add(MaxLenError(LabelValueMaxLength));
        }
        if (!LabelValueRegex().IsMatch(value))
        {
            errs.Add(RegexError(LabelValueErrMsg, LabelValueFmt, "MyValue", "my_value", "12345"));
        }
        return errs;
    }

    /// <summary>upstream's IsConfigMapKey (also used for Secret data keys).</summary>
    public static List<string> IsConfigMapKey(string value)
    {
        var errs = new List<string>();
        if (value.Length > Dns1123SubdomainMaxLength)
        {
            errs.Add(MaxLenError(Dns1123SubdomainMaxLength));
        }
        if (!ConfigMapKeyRegex().IsMatch(value))
        {
            errs.Add(RegexError(ConfigMapKeyErrMsg, ConfigMapKeyFmt, "key.name", "KEY_NAME", "key-name"));
        }
        if (value == ".")
        {
            errs.Add("must not be '.'");
        }
        else if (value == "..")
        {
            errs.Add("must not be '..'");
        }
        else if (value.StartsWith("..", StringComparison.Ordinal))
        {
            errs.Add("must not start with '..'");
        }
        return errs;
    }

    /// <summary>
    /// upstream 1.32 validates env var names with the relaxed rule (RelaxedEnvironmentVariableValidation is beta and
    /// on by default): any printable ASCII character except '='.
    /// </summary>
    public static List<string> IsRelaxedEnvVarName(string value)
    {
        var errs = new List<string>();
        if (value.Length == 0)
        {
            errs.Add("environment variable name must be non-empty");
        }
        foreach (var c in value)
        {
            if (c < 32 || c > 126 || c == '=')
            {
                errs.Add(RelaxedEnvVarNameErrMsg);
                break;
            }
        }
        return errs;
    }

    /// <summary>upstream's IsValidPortName: an IANA_SVC_NAME.</summary>
    public static List<string> IsValidPortName(string port)
    {
        var errs = new List<string>();
        if (port.Length > 15)
        {
            errs.Add(MaxLenError(15));
        }
        if (!PortNameCharsetRegex().IsMatch(port))
        {
            errs.Add("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
        }
        if (!PortNameOneLetterRegex().IsMatch(port))
        {
            errs.Add("must contain at least one letter (a-z)");
        }
        if (port.Contains("--", StringComparison.Ordinal))
        {
            errs.Add("must not contain consecutive hyphens");
        }
        if (port.Length > 0 && (port[0] == '-' || port[^1] == '-'))
        {
            errs.Add("must not begin or end with a hyphen");
        }
        return errs;
    }

    public static List<string> IsValidPortNum(int port) =>
        port is >= 1 and <= 65535 ? [] : [InclusiveRangeError(1, 65535)];

    /// <summary>
    /// upstream's NameIsDNSSubdomain etc. take a "prefix" flag: for generateName a trailing '-' is allowed because
    /// a random suffix follows. upstream's maskTrailingDash drops the last two characters and appends "a" (a quirk
    /// kept so the same generateNames pass).
    /// </summary>
    public static string MaskTrailingDash(string name) =>
        name.Length > 1 && name[^1] == '-' ? name[..^2] + "a" : name;

    public static List<string> NameIsDnsSubdomain(string name, bool prefix) =>
        IsDns1123Subdomain(prefix ? MaskTrailingDash(name) : name);

    public static List<string> NameIsDnsLabel(string name, bool prefix) =>
        IsDns1123Label(prefix ? MaskTrailingDash(name) : name);

    public static List<string> NameIsDns1035Label(string name, bool prefix) =>
        IsDns1035Label(prefix ? MaskTrailingDash(name) : name);
}
