using System.Globalization;

namespace KubeSharp.Benchmarks.SchedulerBench.Cluster;

/// <summary>CPU time (user + system) another process has used, from /proc/&lt;pid&gt;/stat (Linux only).</summary>
internal static class ProcessCpu
{
    // USER_HZ: the unit of utime/stime. 100 on every Linux this runs on.
    private const double TicksPerSecond = 100;

    /// <summary>Seconds of CPU used so far, or NaN when the process is gone.</summary>
    public static double Seconds(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return double.NaN;
        }
        // The command name (field 2) may contain spaces; the fields after its closing parenthesis are fixed.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // utime and stime are fields 14 and 15 of the whole line, i.e. 11 and 12 after the name.
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return ticks / TicksPerSecond;
    }
}
