using System.Globalization;

namespace KubeSharp.Benchmarks.ApiBench.Cluster;

/// <summary>Resident set size of another process, read from /proc/&lt;pid&gt;/status (Linux only).</summary>
internal static class ProcessMemory
{
    /// <summary>VmRSS in KiB, or null when the process is gone.</summary>
    public static long? RssKib(int pid) => Field(pid, "VmRSS:");

    /// <summary>VmHWM (peak RSS) in KiB.</summary>
    public static long? PeakRssKib(int pid) => Field(pid, "VmHWM:");

    /// <summary>
    /// The minimum of several samples spread over a few seconds: RSS jumps while the GC is mid-cycle or a
    /// background compaction runs, and the settled floor is the figure that says what each object costs.
    /// </summary>
    public static async Task<long> SettledRssKibAsync(int pid, int samples, TimeSpan spacing, CancellationToken cancellationToken)
    {
        var min = long.MaxValue;
        for (var i = 0; i < samples; i++)
        {
            if (i > 0)
            {
                await Task.Delay(spacing, cancellationToken);
            }
            var rss = RssKib(pid) ?? throw new InvalidOperationException($"process {pid} exited while sampling its memory");
            min = Math.Min(min, rss);
        }

        return min;
    }

    private static long? Field(int pid, string name)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines($"/proc/{pid}/status");
        }
        catch (IOException)
        {
            return null;
        }

        foreach (var line in lines)
        {
            if (line.StartsWith(name, StringComparison.Ordinal))
            {
                // "VmRSS:\t  123456 kB"
                var value = line[name.Length..].Trim();
                return long.Parse(value[..value.IndexOf(' ', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
            }
        }

        return null;
    }
}
