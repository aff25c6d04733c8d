using System.Diagnostics;

namespace KubeSharp.Benchmarks.ApiBench.Load;

/// <summary>Exact percentiles (nearest rank) over Stopwatch tick durations: every sample is kept and sorted.</summary>
internal sealed class Percentiles
{
    private readonly long[] _sorted;

    public Percentiles(ReadOnlySpan<long> ticks)
    {
        _sorted = ticks.ToArray();
        Array.Sort(_sorted);
    }

    public int Count => _sorted.Length;

    /// <summary>Nearest rank: the smallest sample with at least p of all samples at or below it.</summary>
    public double Ms(double p)
    {
        if (_sorted.Length == 0)
        {
            return double.NaN;
        }
        var rank = (int)Math.Ceiling(p * _sorted.Length);
        return ToMs(_sorted[Math.Clamp(rank, 1, _sorted.Length) - 1]);
    }

    public double MaxMs => _sorted.Length == 0 ? double.NaN : ToMs(_sorted[^1]);

    public static double ToMs(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
