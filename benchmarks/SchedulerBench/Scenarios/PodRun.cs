using System.Diagnostics;
using KubeSharp.Benchmarks.ApiBench.Load;
using KubeSharp.Benchmarks.ApiBench.Reporting;
using KubeSharp.Benchmarks.SchedulerBench.Workload;

namespace KubeSharp.Benchmarks.SchedulerBench.Scenarios;

/// <summary>One measured batch: when each pod was sent and seen bound, where it went, and the CPU both processes used.</summary>
internal sealed record PodRun(BulkResult Create, long[] BoundAt, string?[] Nodes, double SchedulerCpuSeconds, double ApiServerCpuSeconds,
    double HarnessCpuSeconds)
{
    public int Count => BoundAt.Length;

    /// <summary>First create sent → last bind observed, as scheduler_perf's SchedulingThroughput spans the measured pods.</summary>
    public double Seconds => (BoundAt.Max() - Create.FirstSent) / (double)Stopwatch.Frequency;

    public double PodsPerSecond => Count / Seconds;

    public Percentiles Latency()
    {
        var ticks = new long[Count];
        for (var i = 0; i < Count; i++) ticks[i] = BoundAt[i] - Create.SentAt[i];
        return new Percentiles(ticks);
    }

    /// <summary>The shared figures: throughput against its target, the create ceiling, latency, CPU per pod.</summary>
    public List<Figure> Figures(string scenario, double targetPodsPerSecond)
    {
        var latency = Latency();
        return
        [
            new(scenario, "pods/s, first create → last bind", PodsPerSecond, "/s", Goal.AtLeast, targetPodsPerSecond,
                $"{Count} pods in {Seconds:F1} s"),
            new(scenario, "creates/s (harness, same run)", Create.PerSecond, "/s", Notes: "upper bound for the line above"),
            new(scenario, "create → bound p50", latency.Ms(0.50), "ms"),
            new(scenario, "create → bound p99", latency.Ms(0.99), "ms", Notes: $"max {latency.MaxMs:F0} ms"),
            new(scenario, "scheduler CPU per pod", SchedulerCpuSeconds * 1000 / Count, "ms", Notes: $"{SchedulerCpuSeconds:F1} s CPU in total"),
            new(scenario, "apiserver CPU per pod", ApiServerCpuSeconds * 1000 / Count, "ms", Notes: $"{ApiServerCpuSeconds:F1} s CPU: creates, binds, events, watches"),
            new(scenario, "harness CPU per pod", HarnessCpuSeconds * 1000 / Count, "ms", Notes: "creating pods over TLS, watching them"),
            // What the scheduler could do with one core of its own: the figure to compare with upstream's, whose
            // scheduler_perf runs on machines with many cores.
            new(scenario, "scheduler ceiling (1 core, CPU only)", Count / SchedulerCpuSeconds, "/s",
                Notes: $"machine ceiling for all three: {Environment.ProcessorCount * Count / (SchedulerCpuSeconds + ApiServerCpuSeconds + HarnessCpuSeconds):F0}/s on {Environment.ProcessorCount} cores"),
        ];
    }
}
