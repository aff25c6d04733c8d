namespace KubeSharp.Proxy.Nftables;

/// <summary>
/// The desired content of the proxy's table: chains (body text between the braces), sets and maps (declaration),
/// and the elements of the maps. Value-comparable per object, so a sync can write only what changed.
/// </summary>
public sealed class NftRuleset
{
    /// <summary>Chain name → body (base chains start with their "type … hook …;" line).</summary>
    public Dictionary<string, string> Chains { get; } = new(StringComparer.Ordinal);

    /// <summary>Set or map name → (kind "set"/"map", declaration between the braces).</summary>
    public Dictionary<string, (string Kind, string Declaration)> Sets { get; } = new(StringComparer.Ordinal);

    /// <summary>Map name → key → value, for the maps whose elements the proxy writes (not the dynamic affinity sets).</summary>
    public Dictionary<string, Dictionary<string, string>> Elements { get; } = new(StringComparer.Ordinal);

    public int RuleCount { get; private set; }

    public void AddChain(string name, IEnumerable<string> lines)
    {
        var list = lines.ToList();
        RuleCount += list.Count(l => !l.StartsWith("type ", StringComparison.Ordinal));
        Chains[name] = string.Join("\n", list);
    }

    public void AddMap(string name, string declaration)
    {
        Sets[name] = ("map", declaration);
        Elements[name] = new Dictionary<string, string>(StringComparer.Ordinal);
    }

    /// <summary>A fragment (one port's objects) holds only the maps it has elements in.</summary>
    public void AddElement(string map, string key, string value)
    {
        if (!Elements.TryGetValue(map, out var elements)) Elements[map] = elements = new Dictionary<string, string>(StringComparer.Ordinal);
        elements[key] = value;
    }

    /// <summary>Adds one service port's objects (rendered on their own, maybe by an earlier sync).</summary>
    public void Merge(NftRuleset fragment)
    {
        foreach (var (name, body) in fragment.Chains) Chains[name] = body;
        foreach (var (name, set) in fragment.Sets) Sets[name] = set;
        foreach (var (map, elements) in fragment.Elements)
        {
            var target = Elements[map];
            foreach (var (key, value) in elements) target[key] = value;
        }
        RuleCount += fragment.RuleCount;
    }
}
