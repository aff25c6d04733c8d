using System.Globalization;

namespace KubeSharp.Kubelet.Eviction;

/// <summary>An absolute quantity (bytes, inodes, pids) or a fraction of the signal's capacity.</summary>
public readonly record struct ThresholdValue(long? Quantity, double? Percentage)
{
    public static ThresholdValue Of(long quantity) => new(quantity, null);

    public static ThresholdValue Percent(double fraction) => new(null, fraction);

    /// <summary>upstream's GetThresholdQuantity: a percentage of the capacity, truncated.</summary>
    public long Resolve(long capacity) => Quantity ?? (long)(capacity * Percentage!.Value);

    public override string ToString() => Quantity is { } q
        ? q.ToString(CultureInfo.InvariantCulture)
        : (Percentage!.Value * 100).ToString("0.###", CultureInfo.InvariantCulture) + "%";
}

/// <summary>
/// One eviction threshold: the signal is met while its observed value is below <see cref="Value"/>. A zero
/// <see cref="GracePeriod"/> makes it a hard threshold (evict at once, no pod grace period); a soft one must be met
/// that long first. Once met it stays met until the signal is back above the value plus <see cref="MinReclaim"/>.
/// </summary>
public sealed record Threshold(string Signal, ThresholdValue Value, TimeSpan GracePeriod = default, ThresholdValue? MinReclaim = null)
{
    public bool IsHard => GracePeriod == TimeSpan.Zero;

    public override string ToString() => $"{Signal}<{Value}" + (IsHard ? "" : $" for {GracePeriod}");
}
