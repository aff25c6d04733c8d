using KubeSharp.Benchmarks.ApiBench.Reporting;

namespace KubeSharp.Benchmarks.ControllerBench.Harness;

/// <summary>The CPU both processes used during a timed phase, as an informational figure.</summary>
internal static class CpuFigure
{
    public static Figure Of(string scenario, string phase, (double Api, double Cm) before, (double Api, double Cm) after) =>
        new(scenario, $"controller-manager CPU during {phase}", after.Cm - before.Cm, "ms",
            Notes: $"API server CPU {after.Api - before.Api:0} ms (user+system, /proc/PID/stat)");
}
