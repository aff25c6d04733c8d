namespace KubeSharp.Kubelet.Cri.Fake;

/// <summary>
/// How a virtual container of <see cref="FakeRuntime"/> behaves once started. The default runs until stopped,
/// which is what a hollow node wants; tests pick exits, OOM kills and stubborn SIGTERM handling per container.
/// </summary>
public sealed record FakeContainerScript
{
    /// <summary>A container that runs until it is stopped and exits at once on SIGTERM (code 143).</summary>
    public static readonly FakeContainerScript RunForever = new();

    /// <summary>When set, the container exits by itself this long after it started (zero: immediately).</summary>
    public TimeSpan? ExitAfter { get; init; }

    /// <summary>Exit code of the self-inflicted exit.</summary>
    public int ExitCode { get; init; }

    /// <summary>Reason of the self-inflicted exit; null means what containerd reports (Completed for 0, else Error).</summary>
    public string? Reason { get; init; }

    /// <summary>True: SIGTERM is ignored, so StopContainer waits its whole timeout and then kills (code 137).</summary>
    public bool IgnoreSigterm { get; init; }

    /// <summary>Exits immediately with code 1 (the shape of a crash loop).</summary>
    public static FakeContainerScript Crash(int exitCode = 1) => new() { ExitAfter = TimeSpan.Zero, ExitCode = exitCode };

    /// <summary>Exits with <paramref name="exitCode"/> after <paramref name="after"/>.</summary>
    public static FakeContainerScript Exit(int exitCode, TimeSpan? after = null) => new() { ExitAfter = after ?? TimeSpan.Zero, ExitCode = exitCode };

    /// <summary>Killed by the kernel's OOM killer (exit 137, reason OOMKilled) after <paramref name="after"/>.</summary>
    public static FakeContainerScript OomKilled(TimeSpan? after = null) =>
        new() { ExitAfter = after ?? TimeSpan.Zero, ExitCode = 137, Reason = "OOMKilled" };
}
