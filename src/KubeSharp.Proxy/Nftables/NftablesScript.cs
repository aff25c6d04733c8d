using System.Text;

namespace KubeSharp.Proxy.Nftables;

/// <summary>What the kernel's table holds, from <c>nft -t list table</c>: names only.</summary>
public sealed record NftObjects(IReadOnlySet<string> Chains, IReadOnlyDictionary<string, string> Sets)
{
    public static readonly NftObjects None = new(new HashSet<string>(), new Dictionary<string, string>());
}

/// <summary>
/// Turns a desired ruleset into one <c>nft -f</c> transaction (applied atomically or not at all).
/// Full: every desired chain and map is flushed and rewritten and objects in the kernel that are not desired are
/// deleted (first sync, periodic resync, after a failure). Incremental: against the ruleset of the last successful
/// sync, only new or changed chains are rewritten, map elements are added or removed one by one, and objects that
/// are gone are deleted, so one new service costs a few lines whatever the size of the table. The dynamic affinity
/// sets are never flushed: their contents are the clients' remembered endpoints.
/// Order inside the transaction: objects first (a rule may only name an existing chain or set), then chain bodies,
/// then elements, then deletions (an object may only go once nothing refers to it).
/// </summary>
public static partial class NftablesScript
{
    /// <param name="previous">The ruleset of the last successful sync; null for a full sync.</param>
    /// <param name="existing">Full sync: the objects in the kernel's table (leftovers are deleted).</param>
    /// <param name="refreshStatic">Incremental: rewrite the fixed chains too, so a table someone deleted fails the
    /// transaction (its maps are gone) and the retry is a full sync.</param>
    public static string Build(string table, NftRuleset? previous, NftRuleset desired, NftObjects? existing, bool refreshStatic = false) =>
        Write(new StringBuilder(), table, previous, desired, existing, refreshStatic).ToString();

    /// <summary>
    /// <see cref="Build"/> into a builder; with <paramref name="drain"/>, the builder is handed over and emptied
    /// every few tens of kilobytes (the caller writes it to nft's stdin), so a full sync's megabytes of script never
    /// sit in memory at once. What is left at the end is the caller's to write.
    /// </summary>
    public static StringBuilder Write(StringBuilder sb, string table, NftRuleset? previous, NftRuleset desired, NftObjects? existing,
        bool refreshStatic = false, Action<StringBuilder>? drain = null)
    {
        void Drain()
        {
            if (drain == null || sb.Length < 1 << 15) return;
            drain(sb);
            sb.Clear();
        }

        var full = previous == null;
        var inKernel = full ? existing?.Chains ?? new HashSet<string>() : (IReadOnlySet<string>)previous!.Chains.Keys.ToHashSet();
        sb.Append("add table ip ").Append(table).Append(" { comment \"rules for kubesharp kube-proxy\"; }\n");

        foreach (var (name, (kind, declaration)) in desired.Sets)
        {
            if (!full && previous!.Sets.ContainsKey(name)) continue;
            sb.Append("add ").Append(kind).Append(" ip ").Append(table).Append(' ').Append(name).Append(" { ").Append(declaration).Append(" }\n");
        }
        if (full)
        {
            foreach (var map in desired.Elements.Keys) sb.Append("flush map ip ").Append(table).Append(' ').Append(map).Append('\n');
        }

        var write = desired.Chains
            .Where(c => full || !previous!.Chains.TryGetValue(c.Key, out var old) || old != c.Value || (refreshStatic && !NftablesNames.IsObjectChain(c.Key)))
            .ToList();
        AppendFlushes(sb, table, write.Where(c => inKernel.Contains(c.Key)).Select(c => (c.Key, c.Value)));
        if (write.Count > 0)
        {
            sb.Append("table ip ").Append(table).Append(" {\n");
            foreach (var (name, body) in write)
            {
                sb.Append("chain ").Append(name).Append(" {\n").Append(body).Append("\n}\n");
                Drain();
            }
            sb.Append("}\n");
        }

        foreach (var (map, elements) in desired.Elements)
        {
            var old = full ? null : previous!.Elements.GetValueOrDefault(map);
            if (old != null)
            {
                var remove = old.Where(e => !elements.TryGetValue(e.Key, out var v) || v != e.Value).Select(e => e.Key).ToList();
                AppendElements(sb, "delete", table, map, remove.Select(k => k));
            }
            var add = elements.Where(e => old == null || !old.TryGetValue(e.Key, out var v) || v != e.Value);
            AppendElements(sb, "add", table, map, add.Select(e => $"{e.Key} : {e.Value}"), Drain);
        }

        // Deletions: chains and sets that were ours and are not desired any more.
        var staleChains = inKernel
            .Where(c => !desired.Chains.ContainsKey(c)).Order(StringComparer.Ordinal).ToList();
        foreach (var chain in staleChains) sb.Append("flush chain ip ").Append(table).Append(' ').Append(chain).Append('\n');
        foreach (var chain in staleChains) sb.Append("delete chain ip ").Append(table).Append(' ').Append(chain).Append('\n');
        var staleSets = full
            ? (existing?.Sets ?? new Dictionary<string, string>()).Where(s => !desired.Sets.ContainsKey(s.Key)).Select(s => (s.Key, s.Value))
            : previous!.Sets.Where(s => !desired.Sets.ContainsKey(s.Key)).Select(s => (s.Key, s.Value.Kind));
        foreach (var (name, kind) in staleSets.OrderBy(s => s.Item1, StringComparer.Ordinal))
        {
            sb.Append("delete ").Append(kind).Append(" ip ").Append(table).Append(' ').Append(name).Append('\n');
        }
        return sb;
    }

    /// <summary>
    /// Chains that exist are emptied first; new ones are created by the block that follows, which resolves
    /// references between its chains and sets in any order. "add chain" first makes the flush safe if one went missing.
    /// </summary>
    private static void AppendFlushes(StringBuilder sb, string table, IEnumerable<(string Name, string Body)> chains)
    {
        foreach (var (name, body) in chains)
        {
            sb.Append("add chain ip ").Append(table).Append(' ').Append(name);
            if (body.StartsWith("type ", StringComparison.Ordinal)) sb.Append(" { ").Append(body.AsSpan(0, body.IndexOf('\n'))).Append(" }");
            sb.Append("\nflush chain ip ").Append(table).Append(' ').Append(name).Append('\n');
        }
    }

    private static void AppendElements(StringBuilder sb, string verb, string table, string map, IEnumerable<string> items, Action? drain = null)
    {
        // Chunks keep each command line of a 10,000-service table reasonable for nft's parser.
        foreach (var chunk in items.Chunk(1000))
        {
            sb.Append(verb).Append(" element ip ").Append(table).Append(' ').Append(map).Append(" { ");
            sb.AppendJoin(", ", chunk);
            sb.Append(" }\n");
            drain?.Invoke();
        }
    }
}
