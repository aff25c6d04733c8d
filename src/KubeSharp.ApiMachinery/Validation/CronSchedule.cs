using System.Globalization;
using System.Text.RegularExpressions;

namespace KubeSharp.ApiMachinery.Validation;

/// <summary>
/// Checks a schedule the way upstream's cron.ParseStandard (robfig/cron v3) does: five fields (minute, hour,
/// day of month, month, day of week) with lists, ranges, steps, '*', '?', month/day names, or a descriptor
/// (@yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly, @every duration). Returns the parser's error
/// text or null.
/// </summary>
public static partial class CronSchedule
{
    private readonly record struct Bounds(int Min, int Max, string[]? Names);

    private static readonly Bounds[] Fields =
    [
        new(0, 59, null),
        new(0, 23, null),
        new(1, 31, null),
        new(1, 12, ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]),
        new(0, 6, ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]),
    ];

    private static readonly string[] Descriptors = ["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"];

    [GeneratedRegex("^([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$")]
    private static partial Regex GoDuration();

    public static string? Validate(string spec)
    {
        if (spec.Length == 0)
        {
            return "empty spec string";
        }
        var text = spec;
        if (text.StartsWith("TZ=", StringComparison.Ordinal) || text.StartsWith("CRON_TZ=", StringComparison.Ordinal))
        {
            var space = text.IndexOf(' ');
            text = space < 0 ? "" : text[(space + 1)..].Trim();
        }
        if (text.StartsWith('@'))
        {
            if (Array.IndexOf(Descriptors, text) >= 0)
            {
                return null;
            }
            if (text.StartsWith("@every ", StringComparison.Ordinal))
            {
                var duration = text["@every ".Length..];
                return GoDuration().IsMatch(duration) ? null : $"failed to parse duration {text}: time: invalid duration {GoFormat.Quote(duration)}";
            }
            return $"unrecognized descriptor: {text}";
        }
        var fields = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 5)
        {
            return $"expected exactly 5 fields, found {fields.Length}: [{string.Join(" ", fields)}]";
        }
        for (var i = 0; i < fields.Length; i++)
        {
            foreach (var expr in fields[i].Split(','))
            {
                if (ValidateRange(expr, Fields[i]) is { } error)
                {
                    return error;
                }
            }
        }
        return null;
    }

    private static string? ValidateRange(string expr, Bounds bounds)
    {
        var rangeAndStep = expr.Split('/');
        var lowAndHigh = rangeAndStep[0].Split('-');
        var singleDigit = lowAndHigh.Length == 1;
        long start, end;
        if (lowAndHigh[0] is "*" or "?")
        {
            start = bounds.Min;
            end = bounds.Max;
        }
        else
        {
            if (ParseIntOrName(lowAndHigh[0], bounds.Names, out start) is { } e1)
            {
                return e1;
            }
            switch (lowAndHigh.Length)
            {
                case 1:
                    end = start;
                    break;
                case 2:
                    if (ParseIntOrName(lowAndHigh[1], bounds.Names, out end) is { } e2)
                    {
                        return e2;
                    }
                    break;
                default:
                    return $"too many hyphens: {expr}";
            }
        }
        long step;
        switch (rangeAndStep.Length)
        {
            case 1:
                step = 1;
                break;
            case 2:
                if (MustParseInt(rangeAndStep[1], out step) is { } e3)
                {
                    return e3;
                }
                // "N/step" means "N-max/step".
                if (singleDigit)
                {
                    end = bounds.Max;
                }
                break;
            default:
                return $"too many slashes: {expr}";
        }
        if (start < bounds.Min)
        {
            return $"beginning of range ({start}) below minimum ({bounds.Min}): {expr}";
        }
        if (end > bounds.Max)
        {
            return $"end of range ({end}) above maximum ({bounds.Max}): {expr}";
        }
        if (start > end)
        {
            return $"beginning of range ({start}) beyond end of range ({end}): {expr}";
        }
        if (step == 0)
        {
            return $"step of range should be a positive number: {expr}";
        }
        return null;
    }

    private static string? ParseIntOrName(string expr, string[]? names, out long value)
    {
        if (names is not null)
        {
            var index = Array.IndexOf(names, expr.ToLowerInvariant());
            if (index >= 0)
            {
                value = names.Length == 12 ? index + 1 : index;
                return null;
            }
        }
        return MustParseInt(expr, out value);
    }

    private static string? MustParseInt(string expr, out long value)
    {
        if (!long.TryParse(expr, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            return $"failed to parse int from {expr}: strconv.Atoi: parsing {GoFormat.Quote(expr)}: invalid syntax";
        }
        if (value < 0)
        {
            return $"negative number ({value}) not allowed: {expr}";
        }
        return null;
    }
}
