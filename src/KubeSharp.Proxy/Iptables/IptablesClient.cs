namespace KubeSharp.Proxy.Iptables;

/// <summary>iptables operations the proxy needs, on top of the host's iptables (nft or legacy backend).</summary>
public sealed class IptablesClient(HostCommand host)
{
    /// <summary>Applies a ruleset without flushing chains it does not declare; fails with iptables-restore's message.</summary>
    public async Task RestoreAsync(string input, CancellationToken ct)
    {
        var result = await host.RunAsync(["iptables-restore", "--noflush", "-w", "5"], input, ct);
        if (result.ExitCode != 0) throw new IptablesException($"iptables-restore failed ({result.ExitCode}): {result.Stderr.Trim()}");
    }

    /// <summary>The chains of <paramref name="table"/> (from iptables-save).</summary>
    public async Task<IReadOnlySet<string>> ChainsAsync(string table, CancellationToken ct)
    {
        var result = await host.RunAsync(["iptables-save", "-t", table], null, ct);
        if (result.ExitCode != 0) throw new IptablesException($"iptables-save -t {table} failed ({result.ExitCode}): {result.Stderr.Trim()}");
        var chains = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in result.Stdout.Split('\n'))
        {
            if (line.StartsWith(':'))
            {
                var end = line.IndexOf(' ');
                chains.Add(end > 1 ? line[1..end] : line[1..]);
            }
        }
        return chains;
    }

    /// <summary>Makes sure a built-in chain jumps to ours: checked first, then inserted at the top (or appended).</summary>
    public async Task EnsureRuleAsync(string table, string chain, IReadOnlyList<string> rule, bool first, CancellationToken ct)
    {
        var check = await host.RunAsync(["iptables", "-w", "5", "-t", table, "-C", chain, .. rule], null, ct);
        if (check.ExitCode == 0) return;
        string[] add = first ? ["iptables", "-w", "5", "-t", table, "-I", chain, "1", .. rule] : ["iptables", "-w", "5", "-t", table, "-A", chain, .. rule];
        var result = await host.RunAsync(add, null, ct);
        if (result.ExitCode != 0) throw new IptablesException($"adding {string.Join(' ', rule)} to {table}/{chain} failed: {result.Stderr.Trim()}");
    }

    /// <summary>Removes every copy of a rule (no error when absent).</summary>
    public async Task DeleteRuleAsync(string table, string chain, IReadOnlyList<string> rule, CancellationToken ct)
    {
        for (var i = 0; i < 16; i++)
        {
            var result = await host.RunAsync(["iptables", "-w", "5", "-t", table, "-D", chain, .. rule], null, ct);
            if (result.ExitCode != 0) return;
        }
    }
}

public sealed class IptablesException(string message) : ProxyRulesException(message);
