using System.Globalization;
using System.Text.RegularExpressions;
using k8s.Models;

namespace KubeSharp.Kubelet.Eviction;

/// <summary>
/// Parsers for the eviction flags: <c>memory.available&lt;100Mi,nodefs.available&lt;10%</c> (thresholds),
/// <c>memory.available=1m30s</c> (grace periods), <c>nodefs.available=500Mi</c> (minimum reclaim).
/// </summary>
public static partial class ThresholdParser
{
    public static IReadOnlyList<Threshold> ParseThresholds(string text, string flag)
    {
        var result = new List<Threshold>();
        foreach (var statement in Split(text))
        {
            var lt = statement.IndexOf('<', StringComparison.Ordinal);
            if (lt <= 0) throw new ArgumentException($"invalid {flag} statement \"{statement}\": expected <signal><<value>");
            var signal = CheckSignal(statement[..lt].Trim());
            var raw = statement[(lt + 1)..].Trim();
            if (result.Any(t => t.Signal == signal)) throw new ArgumentException($"found duplicate eviction threshold for signal {signal}");
            // upstream: 0% and 100% switch a threshold off rather than being errors.
            if (raw is "0%" or "100%") continue;
            var value = ParseValue(signal, raw);
            if (value.Quantity is <= 0) throw new ArgumentException($"eviction threshold {signal} must be positive: {raw}");
            result.Add(new Threshold(signal, value));
        }
        return result;
    }

    public static IReadOnlyDictionary<string, TimeSpan> ParseGracePeriods(string? text)
    {
        var result = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        foreach (var (signal, raw) in Pairs(text, "--eviction-soft-grace-period"))
        {
            var grace = ParseDuration(raw);
            if (grace < TimeSpan.Zero) throw new ArgumentException($"invalid eviction grace period specified: {raw}, must be a positive value");
            result[signal] = grace;
        }
        return result;
    }

    public static IReadOnlyDictionary<string, ThresholdValue> ParseMinimumReclaim(string? text)
    {
        var result = new Dictionary<string, ThresholdValue>(StringComparer.Ordinal);
        foreach (var (signal, raw) in Pairs(text, "--eviction-minimum-reclaim"))
        {
            var value = ParseValue(signal, raw);
            if (value.Quantity is < 0 || value.Percentage is < 0) throw new ArgumentException($"negative reclaim defined for {signal}: {raw}");
            result[signal] = value;
        }
        return result;
    }

    /// <summary>Go's time.ParseDuration for the units a kubelet flag uses: "5m", "1m30s", "90s", "1h", "500ms".</summary>
    public static TimeSpan ParseDuration(string text)
    {
        var match = DurationPattern().Match(text.Trim());
        if (!match.Success || text.Trim().Length == 0) throw new ArgumentException($"invalid duration \"{text}\"");
        if (text.Trim() == "0") return TimeSpan.Zero;
        var total = TimeSpan.Zero;
        foreach (Capture part in match.Groups["part"].Captures)
        {
            var unitStart = part.Value.IndexOfAny(['h', 'm', 's', 'u', 'n', 'µ']);
            var number = double.Parse(part.Value[..unitStart], CultureInfo.InvariantCulture);
            total += part.Value[unitStart..] switch
            {
                "h" => TimeSpan.FromHours(number),
                "m" => TimeSpan.FromMinutes(number),
                "s" => TimeSpan.FromSeconds(number),
                "ms" => TimeSpan.FromMilliseconds(number),
                _ => TimeSpan.FromTicks((long)(number * 10)),
            };
        }
        return total;
    }

    private static ThresholdValue ParseValue(string signal, string raw)
    {
        if (raw.EndsWith('%'))
        {
            if (!double.TryParse(raw[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var percent) || percent is < 0 or > 100)
                throw new ArgumentException($"invalid percentage \"{raw}\" for {signal}: must be between 0% and 100%");
            return ThresholdValue.Percent(percent / 100);
        }
        decimal value;
        try
        {
            value = new ResourceQuantity(raw).ToDecimal();
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException)
        {
            throw new ArgumentException($"invalid quantity \"{raw}\" for {signal}");
        }
        return ThresholdValue.Of((long)Math.Ceiling(value));
    }

    private static string CheckSignal(string signal) => EvictionSignals.All.Contains(signal)
        ? signal
        : throw new ArgumentException($"unsupported eviction signal {signal}");

    private static IEnumerable<string> Split(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static IEnumerable<(string Signal, string Value)> Pairs(string? text, string flag)
    {
        foreach (var statement in Split(text))
        {
            var eq = statement.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) throw new ArgumentException($"invalid {flag} statement \"{statement}\": expected <signal>=<value>");
            yield return (CheckSignal(statement[..eq].Trim()), statement[(eq + 1)..].Trim());
        }
    }

    [GeneratedRegex(@"^(?:0|(?<part>\d+(?:\.\d+)?(?:h|ms|m|s|us|µs|ns))+)$")]
    private static partial Regex DurationPattern();
}
