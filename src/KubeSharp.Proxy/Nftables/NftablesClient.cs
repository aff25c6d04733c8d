using System.Text;
using KubeSharp.Proxy.Iptables;

namespace KubeSharp.Proxy.Nftables;

/// <summary>The nft operations the proxy needs: apply a transaction, list the table's objects, delete the table.</summary>
public sealed class NftablesClient(HostCommand host)
{
    /// <summary>Applies a script as one transaction (<c>nft -f -</c>): all of it or nothing.</summary>
    public async Task ApplyAsync(string script, CancellationToken ct) => Check(await host.RunAsync(["nft", "-f", "-"], script, ct));

    /// <summary>The same, written to nft from the builder's chunks (a full sync's script is megabytes).</summary>
    public async Task ApplyAsync(StringBuilder script, CancellationToken ct) => Check(await host.RunAsync(["nft", "-f", "-"], script, null, ct));

    /// <summary>The same, with the script written by <paramref name="write"/> while nft reads it.</summary>
    public async Task ApplyAsync(Action<TextWriter> write, CancellationToken ct) => Check(await host.RunWritingAsync(["nft", "-f", "-"], write, ct));

    private static void Check(CommandResult result)
    {
        if (result.ExitCode != 0) throw new NftablesException($"nft -f failed ({result.ExitCode}): {Trim(result.Stderr)}");
    }

    /// <summary>
    /// The chains and sets/maps of <paramref name="table"/>; none when it does not exist. Listed with
    /// <c>nft list chains</c>, <c>-t list sets</c> and <c>-t list maps</c>, which print declarations only: listing
    /// the table itself prints every rule, 11 s for 10,000 services on a loaded box against well under one.
    /// </summary>
    public async Task<NftObjects> ObjectsAsync(string table, CancellationToken ct)
    {
        var chains = new HashSet<string>(StringComparer.Ordinal);
        var sets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var what in new[] { "chains", "sets", "maps" })
        {
            var inTable = false;
            // Streamed: only the "table ip NAME {" and "chain|set|map NAME {" lines matter.
            var result = await host.RunAsync(["nft", "-t", "list", what, "ip"], null, raw =>
            {
                var line = raw.AsSpan().Trim();
                if (!line.EndsWith(" {", StringComparison.Ordinal))
                {
                    if (raw == "}") inTable = false;
                    return;
                }
                var body = line[..^2];
                var space = body.IndexOf(' ');
                var kind = body[..space];
                var name = body[(space + 1)..];
                if (kind is "table") inTable = name.SequenceEqual($"ip {table}");
                else if (!inTable || name.Contains(' ')) return;
                else if (kind is "chain") chains.Add(name.ToString());
                else if (kind is "set" or "map") sets[name.ToString()] = kind.ToString();
            }, ct);
            if (result.ExitCode != 0) throw new NftablesException($"nft list {what} ip failed ({result.ExitCode}): {Trim(result.Stderr)}");
        }
        return chains.Count == 0 && sets.Count == 0 ? NftObjects.None : new NftObjects(chains, sets);
    }

    /// <summary>Deletes the table and everything in it; true when it existed.</summary>
    public async Task<bool> DeleteTableAsync(string table, CancellationToken ct)
    {
        var result = await host.RunAsync(["nft", "delete", "table", "ip", table], null, ct);
        if (result.ExitCode == 0) return true;
        if (result.Stderr.Contains("No such file or directory", StringComparison.Ordinal)) return false;
        throw new NftablesException($"nft delete table ip {table} failed ({result.ExitCode}): {Trim(result.Stderr)}");
    }

    /// <summary>nft echoes the whole offending line; a 10,000-service script makes that long.</summary>
    private static string Trim(string stderr)
    {
        var text = stderr.Trim();
        return text.Length > 2000 ? text[..2000] + " …" : text;
    }
}

public sealed class NftablesException(string message) : ProxyRulesException(message);
