namespace KubeSharp.Kubelet.Eviction;

/// <summary>
/// Node-pressure eviction settings (upstream's evictionHard, evictionSoft, evictionSoftGracePeriod,
/// evictionMinimumReclaim, evictionPressureTransitionPeriod, evictionMaxPodGracePeriod and the 10 s housekeeping
/// interval of the eviction manager). <see cref="Parse"/> reads the kubelet flags.
/// </summary>
public sealed record EvictionPolicy
{
    /// <summary>
    /// Upstream 1.32's DefaultEvictionHard on Linux. Setting <c>--eviction-hard</c> replaces the whole set, as
    /// upstream does: a signal left out has no hard threshold.
    /// </summary>
    public static readonly IReadOnlyList<Threshold> DefaultHard =
    [
        new(EvictionSignals.MemoryAvailable, ThresholdValue.Of(100L << 20)),
        new(EvictionSignals.NodeFsAvailable, ThresholdValue.Percent(0.10)),
        new(EvictionSignals.NodeFsInodesFree, ThresholdValue.Percent(0.05)),
        new(EvictionSignals.ImageFsAvailable, ThresholdValue.Percent(0.15)),
        new(EvictionSignals.ImageFsInodesFree, ThresholdValue.Percent(0.05)),
    ];

    /// <summary>Hard and soft thresholds together (soft ones have a grace period).</summary>
    public IReadOnlyList<Threshold> Thresholds { get; init; } = DefaultHard;

    /// <summary>A pressure condition stays True this long after its last threshold stopped being met (upstream 5 m).</summary>
    public TimeSpan PressureTransitionPeriod { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Longest grace period a pod gets when a soft threshold evicts it (<c>--eviction-max-pod-grace-period</c>; 0: the pod's own).</summary>
    public long MaxPodGracePeriodSeconds { get; init; }

    /// <summary>How often stats are read and thresholds checked; at most one pod is evicted per interval (upstream 10 s).</summary>
    public TimeSpan MonitoringInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an eviction waits for the pod's containers to stop before the next interval (upstream 30 s).</summary>
    public TimeSpan PodCleanupTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The hard threshold of a signal, if any (allocatable subtracts memory.available and nodefs.available).</summary>
    public Threshold? Hard(string signal) => Thresholds.FirstOrDefault(t => t.Signal == signal && t.IsHard);

    /// <summary>
    /// Builds the thresholds from the kubelet flags' values (null: flag not given). Throws ArgumentException with
    /// upstream's wording for unknown signals, bad values, soft thresholds without a grace period.
    /// </summary>
    public static EvictionPolicy Parse(string? hard, string? soft = null, string? softGracePeriod = null, string? minimumReclaim = null,
        string? pressureTransitionPeriod = null, long maxPodGracePeriodSeconds = 0)
    {
        var reclaim = ThresholdParser.ParseMinimumReclaim(minimumReclaim);
        var hardThresholds = hard == null ? DefaultHard : ThresholdParser.ParseThresholds(hard, "--eviction-hard");
        var result = new List<Threshold>();
        foreach (var t in hardThresholds)
            result.Add(t with { MinReclaim = reclaim.TryGetValue(t.Signal, out var r) ? r : t.MinReclaim });
        var graces = ThresholdParser.ParseGracePeriods(softGracePeriod);
        foreach (var t in soft == null ? [] : ThresholdParser.ParseThresholds(soft, "--eviction-soft"))
        {
            if (!graces.TryGetValue(t.Signal, out var grace) || grace <= TimeSpan.Zero)
                throw new ArgumentException($"grace period must be specified for the soft eviction threshold {t.Signal}");
            result.Add(t with { GracePeriod = grace, MinReclaim = reclaim.TryGetValue(t.Signal, out var r) ? r : null });
        }
        return new EvictionPolicy
        {
            Thresholds = result,
            PressureTransitionPeriod = pressureTransitionPeriod == null ? TimeSpan.FromMinutes(5) : ThresholdParser.ParseDuration(pressureTransitionPeriod),
            MaxPodGracePeriodSeconds = maxPodGracePeriodSeconds,
        };
    }
}
