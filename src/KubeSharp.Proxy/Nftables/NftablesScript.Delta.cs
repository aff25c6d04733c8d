using System.Text;

namespace KubeSharp.Proxy.Nftables;

public static partial class NftablesScript
{
    /// <summary>
    /// The incremental transaction for a <see cref="NftDelta"/>: the same commands <see cref="Build"/> writes for
    /// the difference of two whole rulesets, found from the changed ports alone (the rest of the table is not
    /// looked at). Fragments of different ports never share a chain or set (their names hash the port).
    /// </summary>
    /// <param name="refreshStatic">Rewrite the fixed chains too (periodic syncs; see <see cref="Build"/>).</param>
    public static string BuildDelta(string table, NftDelta delta, bool refreshStatic)
    {
        var sb = new StringBuilder();
        sb.Append("add table ip ").Append(table).Append(" { comment \"rules for kubesharp kube-proxy\"; }\n");
        foreach (var change in delta.Changes)
        {
            if (change.New == null) continue;
            foreach (var (name, (kind, declaration)) in change.New.Sets)
            {
                if (change.Old?.Sets.ContainsKey(name) == true) continue;
                sb.Append("add ").Append(kind).Append(" ip ").Append(table).Append(' ').Append(name).Append(" { ").Append(declaration).Append(" }\n");
            }
        }

        var write = new List<(string Name, string Body)>();
        var existing = new List<(string Name, string Body)>();
        if (refreshStatic)
        {
            foreach (var (name, body) in delta.Fixed.Chains) existing.Add((name, body));
        }
        foreach (var change in delta.Changes)
        {
            if (change.New == null) continue;
            foreach (var (name, body) in change.New.Chains)
            {
                if (change.Old == null || !change.Old.Chains.TryGetValue(name, out var old)) write.Add((name, body));
                else if (old != body) existing.Add((name, body));
            }
        }
        AppendFlushes(sb, table, existing);
        write.AddRange(existing);
        if (write.Count > 0)
        {
            sb.Append("table ip ").Append(table).Append(" {\n");
            foreach (var (name, body) in write) sb.Append("chain ").Append(name).Append(" {\n").Append(body).Append("\n}\n");
            sb.Append("}\n");
        }

        var removals = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var additions = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var change in delta.Changes)
        {
            if (change.Old != null)
            {
                foreach (var (map, elements) in change.Old.Elements)
                {
                    var now = change.New?.Elements.GetValueOrDefault(map);
                    foreach (var (key, value) in elements)
                    {
                        if (now == null || !now.TryGetValue(key, out var v) || v != value) Add(removals, map, key);
                    }
                }
            }
            if (change.New != null)
            {
                foreach (var (map, elements) in change.New.Elements)
                {
                    var before = change.Old?.Elements.GetValueOrDefault(map);
                    foreach (var (key, value) in elements)
                    {
                        if (before == null || !before.TryGetValue(key, out var v) || v != value) Add(additions, map, $"{key} : {value}");
                    }
                }
            }
        }
        foreach (var (map, keys) in removals.OrderBy(m => m.Key, StringComparer.Ordinal)) AppendElements(sb, "delete", table, map, keys);
        foreach (var (map, items) in additions.OrderBy(m => m.Key, StringComparer.Ordinal)) AppendElements(sb, "add", table, map, items);

        var staleChains = new List<string>();
        var staleSets = new List<(string Name, string Kind)>();
        foreach (var change in delta.Changes)
        {
            if (change.Old == null) continue;
            foreach (var name in change.Old.Chains.Keys)
            {
                if (change.New?.Chains.ContainsKey(name) != true) staleChains.Add(name);
            }
            foreach (var (name, (kind, _)) in change.Old.Sets)
            {
                if (change.New?.Sets.ContainsKey(name) != true) staleSets.Add((name, kind));
            }
        }
        staleChains.Sort(StringComparer.Ordinal);
        foreach (var chain in staleChains) sb.Append("flush chain ip ").Append(table).Append(' ').Append(chain).Append('\n');
        foreach (var chain in staleChains) sb.Append("delete chain ip ").Append(table).Append(' ').Append(chain).Append('\n');
        foreach (var (name, kind) in staleSets.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            sb.Append("delete ").Append(kind).Append(" ip ").Append(table).Append(' ').Append(name).Append('\n');
        }
        return sb.ToString();
    }

    private static void Add(Dictionary<string, List<string>> byMap, string map, string item)
    {
        if (!byMap.TryGetValue(map, out var list)) byMap[map] = list = [];
        list.Add(item);
    }
}
