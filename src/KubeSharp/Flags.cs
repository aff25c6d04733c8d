namespace KubeSharp.Cli;

/// <summary>--name value / --name=value / boolean --name flags.</summary>
public sealed class Flags
{
    private static readonly HashSet<string> Booleans = ["verbose", "v", "cleanup", "disable-proxy", "disable-agent", "allocate-node-cidrs"];
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public static Flags Parse(ReadOnlySpan<string> args)
    {
        var flags = new Flags();
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            if (!a.StartsWith('-')) throw new ArgumentException($"unexpected argument \"{a}\"");
            var name = a.TrimStart('-');
            string value;
            var eq = name.IndexOf('=');
            if (eq >= 0)
            {
                value = name[(eq + 1)..];
                name = name[..eq];
            }
            else if (Booleans.Contains(name))
            {
                value = "true";
            }
            else
            {
                if (i + 1 >= args.Length) throw new ArgumentException($"flag --{name} needs a value");
                value = args[++i];
            }
            flags._values[name] = value;
        }
        return flags;
    }

    public string? Get(string name) => _values.GetValueOrDefault(name);

    public string Get(string name, string fallback) => _values.GetValueOrDefault(name) ?? fallback;

    public int GetInt(string name, int fallback) =>
        _values.TryGetValue(name, out var v) ? int.TryParse(v, out var i) ? i : throw new ArgumentException($"--{name} must be a number") : fallback;

    public double GetDouble(string name, double fallback) =>
        _values.TryGetValue(name, out var v)
            ? double.TryParse(v, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : throw new ArgumentException($"--{name} must be a number")
            : fallback;

    /// <summary>A Go duration as upstream's flags take it: "40s", "500ms", "1m30s", "1h".</summary>
    public TimeSpan GetDuration(string name, TimeSpan fallback) =>
        _values.TryGetValue(name, out var v) ? ParseDuration(v) ?? throw new ArgumentException($"--{name}: invalid duration \"{v}\" (use e.g. 500ms, 40s, 1m30s)") : fallback;

    private static TimeSpan? ParseDuration(string text)
    {
        var match = System.Text.RegularExpressions.Regex.Match(text, @"^(?:(\d+(?:\.\d+)?)(h|ms|m|s|us|µs|ns))+$");
        if (!match.Success) return text == "0" ? TimeSpan.Zero : null;
        var total = TimeSpan.Zero;
        for (var i = 0; i < match.Groups[1].Captures.Count; i++)
        {
            var n = double.Parse(match.Groups[1].Captures[i].Value, System.Globalization.CultureInfo.InvariantCulture);
            total += match.Groups[2].Captures[i].Value switch
            {
                "h" => TimeSpan.FromHours(n),
                "m" => TimeSpan.FromMinutes(n),
                "s" => TimeSpan.FromSeconds(n),
                "ms" => TimeSpan.FromMilliseconds(n),
                "ns" => TimeSpan.FromTicks((long)(n / 100)),
                _ => TimeSpan.FromTicks((long)(n * 10)),
            };
        }
        return total;
    }

    public bool Has(string name) => _values.ContainsKey(name);
}
