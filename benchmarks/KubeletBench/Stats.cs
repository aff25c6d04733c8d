namespace KubeSharp.Benchmarks.KubeletBench;

internal static class Stats
{
    /// <summary>Nearest-rank percentile of seconds.</summary>
    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public static double Median(IReadOnlyList<double> values) => Percentile(values, 50);
}

/// <summary>What one run measured; times in seconds.</summary>
internal sealed record PathFigures
{
    public required IReadOnlyList<double> Single { get; init; }
    /// <summary>Each burst's last pod and median pod, in the order run.</summary>
    public required IReadOnlyList<double> BurstLasts { get; init; }
    public required IReadOnlyList<double> BurstP50s { get; init; }
    public double BurstLast => Stats.Median(BurstLasts);
    public double BurstP50 => Stats.Median(BurstP50s);
    /// <summary>CPU seconds summed over all bursts.</summary>
    public required double BurstRuntimeCpu { get; init; }
    public double BurstKubeletCpu { get; init; }
    public double RestCpuFraction { get; init; }
    public long RestRssBytes { get; init; }
    public int RestPods { get; init; }
    /// <summary>CRI calls the kubelet made during the bursts, by operation (kubelet_runtime_operations_total).</summary>
    public IReadOnlyDictionary<string, long> BurstRuntimeCalls { get; init; } = new Dictionary<string, long>();
}
