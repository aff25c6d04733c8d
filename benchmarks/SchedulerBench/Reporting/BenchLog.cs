namespace KubeSharp.Benchmarks.SchedulerBench.Reporting;

internal static class BenchLog
{
    public static void Write(string scenario, string message) =>
        Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {scenario}: {message}");
}
