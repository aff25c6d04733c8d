namespace KubeSharp.Benchmarks.ApiBench.Reporting;

/// <summary>The machine is shared, so every figure is printed next to the load it was measured under.</summary>
internal static class LoadAverage
{
    /// <summary>The 1-, 5- and 15-minute load averages as /proc/loadavg prints them.</summary>
    public static string Read()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"{parts[0]} {parts[1]} {parts[2]}";
        }
        catch (IOException)
        {
            return "?";
        }
    }

    public static string OneMinute(string loadavg) => loadavg.Split(' ')[0];
}
