namespace KubeSharp.Kubelet.Logs;

/// <summary>The query options of pods/log as the kubelet applies them (upstream's PodLogOptions).</summary>
public sealed record LogOptions
{
    public bool Follow { get; init; }
    public bool Timestamps { get; init; }
    public long? TailLines { get; init; }
    public long? LimitBytes { get; init; }
    /// <summary>Only lines at or after this instant (from sinceSeconds or sinceTime).</summary>
    public DateTimeOffset? Since { get; init; }
}
