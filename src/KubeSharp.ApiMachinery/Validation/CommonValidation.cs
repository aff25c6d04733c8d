using System.Text.RegularExpressions;
using k8s.Models;

namespace KubeSharp.ApiMachinery.Validation;

/// <summary>Small checks shared by several kinds, each matching an upstream helper of the same purpose.</summary>
internal static partial class CommonValidation
{
    public const string NegativeErrorMsg = "must be greater than or equal to 0";

    [GeneratedRegex("^[0-9]+%$")]
    private static partial Regex PercentRegex();

    public static FieldError NegativeError(FieldPath path, long value) => FieldErrors.Invalid(path, value, NegativeErrorMsg);

    /// <summary>upstream's ValidateNonnegativeField.</summary>
    public static void NonNegative(List<FieldError> errs, long? value, FieldPath path)
    {
        if (value is < 0)
        {
            errs.Add(NegativeError(path, value.Value));
        }
    }

    /// <summary>upstream's ValidateDNS1123Label/ValidateDNS1123Subdomain wrappers.</summary>
    public static void Dns1123Label(List<FieldError> errs, string value, FieldPath path)
    {
        foreach (var msg in NameValidation.IsDns1123Label(value))
        {
            errs.Add(FieldErrors.Invalid(path, value, msg));
        }
    }

    public static void Dns1123Subdomain(List<FieldError> errs, string value, FieldPath path)
    {
        foreach (var msg in NameValidation.IsDns1123Subdomain(value))
        {
            errs.Add(FieldErrors.Invalid(path, value, msg));
        }
    }

    public static void QualifiedName(List<FieldError> errs, string value, FieldPath path)
    {
        foreach (var msg in NameValidation.IsQualifiedName(value))
        {
            errs.Add(FieldErrors.Invalid(path, value, msg));
        }
    }

    /// <summary>Whether an IntOrString carries an integer (the JSON number form).</summary>
    public static bool IsInt(IntOrString value, out int number) =>
        int.TryParse(value.Value, System.Globalization.NumberStyles.AllowLeadingSign,
            System.Globalization.CultureInfo.InvariantCulture, out number);

    /// <summary>upstream's ValidatePortNumOrName (service targetPort, probe ports).</summary>
    public static void PortNumOrName(List<FieldError> errs, IntOrString? port, FieldPath path)
    {
        if (port is null)
        {
            return;
        }
        if (IsInt(port, out var number))
        {
            foreach (var msg in NameValidation.IsValidPortNum(number))
            {
                errs.Add(FieldErrors.Invalid(path, number, msg));
            }
        }
        else
        {
            foreach (var msg in NameValidation.IsValidPortName(port.Value ?? ""))
            {
                errs.Add(FieldErrors.Invalid(path, port.Value, msg));
            }
        }
    }

    /// <summary>upstream's ValidatePositiveIntOrPercent (rolling update maxSurge/maxUnavailable).</summary>
    public static void PositiveIntOrPercent(List<FieldError> errs, IntOrString? value, FieldPath path)
    {
        if (value is null)
        {
            return;
        }
        if (IsInt(value, out var number))
        {
            NonNegative(errs, number, path);
        }
        else if (!PercentRegex().IsMatch(value.Value ?? ""))
        {
            errs.Add(FieldErrors.Invalid(path, new GoLiteral(value.Value ?? ""),
                NameValidation.RegexError("a valid percent string must be a numeric string followed by an ending '%'", "[0-9]+%", "1%", "93%")));
        }
    }

    /// <summary>upstream's IsNotMoreThan100Percent.</summary>
    public static void NotMoreThan100Percent(List<FieldError> errs, IntOrString? value, FieldPath path)
    {
        if (value is not null && PercentValue(value) is > 100)
        {
            errs.Add(FieldErrors.Invalid(path, new GoLiteral(value.Value ?? ""), "must not be greater than 100%"));
        }
    }

    /// <summary>upstream's getIntOrPercentValue: the number, or the percentage without '%'.</summary>
    public static int IntOrPercentValue(IntOrString? value)
    {
        if (value is null)
        {
            return 0;
        }
        if (IsInt(value, out var number))
        {
            return number;
        }
        return PercentValue(value) ?? 0;
    }

    private static int? PercentValue(IntOrString value)
    {
        var text = value.Value ?? "";
        return PercentRegex().IsMatch(text) && int.TryParse(text[..^1], out var pct) ? pct : null;
    }

    /// <summary>Adds NotSupported (or Required when empty) for a string enum, as upstream's switch statements do.</summary>
    public static void Enum(List<FieldError> errs, string? value, FieldPath path, params string[] supported)
    {
        if (string.IsNullOrEmpty(value))
        {
            errs.Add(FieldErrors.Required(path));
        }
        else if (Array.IndexOf(supported, value) < 0)
        {
            errs.Add(FieldErrors.NotSupported(path, value, supported));
        }
    }
}
