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

    /// <summary>The chains and sets/maps of <paramref name="table"/>; none when it does not exist.</summary>
    public async Task<NftObjects> ObjectsAsync(string table, CancellationToken ct)
    {
        var chains = new HashSet<string>(StringComparer.Ordinal);
        var sets = new Dictionary<string, string>(StringComparer.Ordinal);
        // Streamed: only the "chain NAME {" / "set NAME {" / "map NAME {" lines matter, not the rules between.
        var result = await host.RunAsync(["nft", "-t", "list", "table", "ip", table], null, raw =>
        {
            var line = raw.AsSpan().Trim();
            if (!line.EndsWith(" {", StringComparison.Ordinal)) return;
            var space = line.IndexOf(' ');
            var kind = line[..space];
            var name = line[(space + 1)..^2];
            if (name.Contains(' ')) return;
            if (kind is "chain") chains.Add(name.ToString());
            else if (kind is "set" or "map") sets[name.ToString()] = kind.ToString();
        }, ct);
        if (result.ExitCode != 0)
        {
            if (result.Stderr.Contains("No such file or directory", StringComparison.Ordinal)) return NftObjects.None;
            throw new NftablesException($"nft list table ip {table} failed ({result.ExitCode}): {Trim(result.Stderr)}");
        }
        return new NftObjects(chains, sets);
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
