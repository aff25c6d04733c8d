using System.Globalization;

namespace KubeSharp.Benchmarks.ControllerBench.Cluster;

/// <summary>
/// CPU time (user + system) a process has used, from /proc/PID/stat. On a shared 2-core machine wall-clock
/// figures move with everyone else's load; the CPU a control-plane process burns for a scenario does much less.
/// </summary>
internal static class ProcessCpu
{
    /// <summary>Milliseconds of CPU used so far by <paramref name="pid"/> (all threads), or NaN when unreadable.</summary>
    public static double Ms(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // Fields after the ")" that closes the command name: state is field 3, utime 14, stime 15.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return ticks * 1000.0 / 100; // USER_HZ is 100 on Linux
        }
        catch (Exception e) when (e is IOException or FormatException or IndexOutOfRangeException)
        {
            return double.NaN;
        }
    }
}
