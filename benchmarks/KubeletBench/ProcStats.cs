namespace KubeSharp.Benchmarks.KubeletBench;

/// <summary>CPU time and resident memory of processes, from /proc (clock ticks are 100 Hz on Linux).</summary>
internal static class ProcStats
{
    private const double TicksPerSecond = 100;

    /// <summary>utime+stime of the process itself (children excluded), in seconds; 0 when it is gone.</summary>
    public static double OwnCpuSeconds(int pid) => Fields(pid) is { } f ? (f[11] + f[12]) / TicksPerSecond : 0;

    /// <summary>Own CPU plus that of reaped children (runc and CNI plugins are reaped by the shim and containerd).</summary>
    public static double CpuWithReapedChildrenSeconds(int pid) => Fields(pid) is { } f ? (f[11] + f[12] + f[13] + f[14]) / TicksPerSecond : 0;

    public static long RssBytes(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>
    /// Resident kB by mapping from /proc/PID/smaps, largest first: files by name, anonymous mappings by size class
    /// (the GC reserves one huge range for its regions; thread stacks and native heaps are small ones).
    /// </summary>
    public static IReadOnlyList<(string Mapping, long Kb)> RssByMapping(int pid)
    {
        var totals = new Dictionary<string, long>();
        string? current = null;
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/smaps"))
            {
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length >= 5 && parts[0].Contains('-') && !parts[0].EndsWith(':'))
                {
                    var range = parts[0].Split('-');
                    var size = Convert.ToInt64(range[1], 16) - Convert.ToInt64(range[0], 16);
                    current = parts.Length >= 6 ? parts[5] : size >= 1L << 30 ? "[anon ≥ 1 GiB: GC regions]" : size >= 1 << 20 ? "[anon ≥ 1 MiB]" : "[anon < 1 MiB]";
                }
                else if (current is not null && parts.Length >= 2 && parts[0] == "Rss:")
                {
                    totals[current] = totals.GetValueOrDefault(current) + long.Parse(parts[1]);
                }
            }
        }
        catch (IOException)
        {
        }
        return totals.Where(t => t.Value > 0).OrderByDescending(t => t.Value).Select(t => (t.Key, t.Value)).ToList();
    }

    /// <summary>containerd of a data dir plus its shims: the container runtime's share of the CPU.</summary>
    public static double RuntimeCpuSeconds(string containerdSocket)
    {
        double total = 0;
        foreach (var pid in RuntimePids(containerdSocket)) total += CpuWithReapedChildrenSeconds(pid);
        return total;
    }

    /// <summary>The containerd whose pid file is next to the socket, plus its shims.</summary>
    public static IReadOnlyList<int> RuntimePids(string containerdSocket)
    {
        var pids = new List<int>(KubeSharp.Agent.Host.NodeLeftovers.ShimPids(containerdSocket));
        var pidFile = Path.Combine(Path.GetDirectoryName(containerdSocket)!, "containerd.pid");
        if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out var containerd)) pids.Add(containerd);
        return pids;
    }

    /// <summary>Fields after the command name of /proc/PID/stat (index 0 = state, 11 = utime, 12 = stime, 13 = cutime, 14 = cstime).</summary>
    private static long[]? Fields(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        // The command name is in parentheses and may contain spaces.
        var rest = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return rest.Select(f => long.TryParse(f, out var v) ? v : 0).ToArray();
    }
}
