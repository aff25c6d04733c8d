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

    public bool Has(string name) => _values.ContainsKey(name);
}
