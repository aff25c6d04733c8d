namespace KubeSharp.Kubelet.ImageGc;

/// <summary>
/// Upstream's image garbage collection settings (KubeletConfiguration imageGCHighThresholdPercent,
/// imageGCLowThresholdPercent, imageMinimumGCAge; the 5-minute period is upstream's ImageGCPeriod).
/// </summary>
public sealed record ImageGcPolicy
{
    /// <summary>Image filesystem usage (percent) at or above which unused images are deleted; 100 disables GC.</summary>
    public int HighThresholdPercent { get; init; } = 85;

    /// <summary>Deletion stops once usage is back to this percentage.</summary>
    public int LowThresholdPercent { get; init; } = 80;

    /// <summary>Images first seen less than this long ago are never deleted (a pod may be about to use them).</summary>
    public TimeSpan MinimumAge { get; init; } = TimeSpan.FromMinutes(2);

    public TimeSpan Period { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Images never deleted. containerd 1.6 does not report CRI's <c>pinned</c> flag, so the sandbox image (and,
    /// in the agent, the locally built busybox) are pinned here by name: nothing could pull them back.
    /// </summary>
    public IReadOnlyList<string> PinnedImages { get; init; } = ["registry.k8s.io/pause:3.10"];

    public void Validate()
    {
        if (HighThresholdPercent is < 0 or > 100 || LowThresholdPercent is < 0 or > 100 || LowThresholdPercent > HighThresholdPercent)
            throw new ArgumentException($"image GC thresholds must satisfy 0 <= low ({LowThresholdPercent}) <= high ({HighThresholdPercent}) <= 100");
        if (Period <= TimeSpan.Zero) throw new ArgumentException("image GC period must be positive");
    }
}
