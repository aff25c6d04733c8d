using System.Globalization;
using k8s.Models;

namespace KubeSharp.ApiMachinery.Validation;

/// <summary>
/// Parses Kubernetes quantity strings (resource.Quantity's serialized form) to exact decimals so validation can
/// compare requests with limits and reject negative values without relying on the client library's rounding.
/// Grammar as upstream: sign, digits with optional fraction, then a binary suffix (Ki..Ei), a decimal SI suffix
/// (n, u, m, k, M, G, T, P, E) or a decimal exponent (e3, E-2).
/// </summary>
public static class Quantities
{
    private static readonly Dictionary<string, decimal> Suffixes = new(StringComparer.Ordinal)
    {
        [""] = 1m,
        ["n"] = 0.000000001m,
        ["u"] = 0.000001m,
        ["m"] = 0.001m,
        ["k"] = 1_000m,
        ["M"] = 1_000_000m,
        ["G"] = 1_000_000_000m,
        ["T"] = 1_000_000_000_000m,
        ["P"] = 1_000_000_000_000_000m,
        ["E"] = 1_000_000_000_000_000_000m,
        ["Ki"] = 1024m,
        ["Mi"] = 1024m * 1024,
        ["Gi"] = 1024m * 1024 * 1024,
        ["Ti"] = 1024m * 1024 * 1024 * 1024,
        ["Pi"] = 1024m * 1024 * 1024 * 1024 * 1024,
        ["Ei"] = 1024m * 1024 * 1024 * 1024 * 1024 * 1024,
    };

    /// <summary>The value of a quantity, or null when it cannot be parsed (or does not fit a decimal).</summary>
    public static decimal? Value(ResourceQuantity? quantity)
    {
        if (quantity is null)
        {
            return null;
        }
        try
        {
            // The library keeps the exact value; its string form of negatives is lossy, so prefer the number.
            return quantity.ToDecimal();
        }
        catch (OverflowException)
        {
            return TryParse(quantity.ToString(), out var value) ? value : null;
        }
    }

    /// <summary>
    /// upstream's Quantity.String(): the client library's canonical form, except that negative values are rendered as
    /// "-" plus the canonical magnitude (the library's own rendering of negatives is not upstream's).
    /// </summary>
    public static string Format(ResourceQuantity quantity)
    {
        var text = quantity.ToString();
        if (Value(quantity) is { } negative && negative < 0)
        {
            return "-" + new ResourceQuantity(Math.Abs(negative), 0, quantity.Format).ToString();
        }
        return text;
    }

    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }
        var i = 0;
        if (text[0] is '+' or '-')
        {
            i++;
        }
        var digits = 0;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
            digits++;
        }
        if (i < text.Length && text[i] == '.')
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
                digits++;
            }
        }
        if (digits == 0)
        {
            return false;
        }
        if (!decimal.TryParse(text.AsSpan(0, i), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }
        var suffix = text[i..];
        try
        {
            if (Suffixes.TryGetValue(suffix, out var multiplier))
            {
                value = number * multiplier;
                return true;
            }
            if (suffix.Length > 1 && suffix[0] is 'e' or 'E'
                && int.TryParse(suffix.AsSpan(1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exponent)
                && Math.Abs(exponent) <= 28)
            {
                value = number;
                for (var e = 0; e < Math.Abs(exponent); e++)
                {
                    value = exponent > 0 ? value * 10 : value / 10;
                }
                return true;
            }
        }
        catch (OverflowException)
        {
            return false;
        }
        return false;
    }
}
