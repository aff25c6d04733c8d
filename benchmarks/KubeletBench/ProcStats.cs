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

    /// <summary>containerd of a data dir plus its shims: the container runtime's share of the CPU.</summary>
    public static double RuntimeCpuSeconds(string containerdSocket)
    {
        double total = 0;
        foreach (var pid in RuntimePids(containerdSocket)) total += CpuWithReapedChildrenSeconds(pid);
        return total;
    }

    public static IReadOnlyList<int> RuntimePids(string containerdSocket)
    {
        var pids = new List<int>();
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            string cmdline;
            try
            {
                cmdline = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }
            var isContainerd = cmdline.StartsWith("containerd ", StringComparison.Ordinal) || cmdline.Contains("/containerd ", StringComparison.Ordinal);
            var isShim = cmdline.Contains("containerd-shim", StringComparison.Ordinal);
            // Our containerd is started with its config path; shims carry the socket address.
            if ((isShim && cmdline.Contains("-address " + containerdSocket, StringComparison.Ordinal)) ||
                (isContainerd && !isShim && cmdline.Contains(Path.GetDirectoryName(containerdSocket)!, StringComparison.Ordinal)))
                pids.Add(pid);
        }
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
