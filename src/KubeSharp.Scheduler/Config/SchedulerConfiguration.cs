using KubeSharp.Scheduler.Framework;

namespace KubeSharp.Scheduler.Config;

/// <summary>A loaded, validated KubeSchedulerConfiguration: the profiles (merged with the defaults) and global settings.</summary>
public sealed record SchedulerConfiguration
{
    public required IReadOnlyList<Profile> Profiles { get; init; }

    public int? Parallelism { get; init; }

    public int? PercentageOfNodesToScore { get; init; }

    public TimeSpan? PodInitialBackoff { get; init; }

    public TimeSpan? PodMaxBackoff { get; init; }

    public bool? LeaderElect { get; init; }

    public string? LeaseNamespace { get; init; }

    public string? LeaseName { get; init; }

    /// <summary>clientConnection.kubeconfig; the command line's --kubeconfig wins.</summary>
    public string? Kubeconfig { get; init; }

    /// <summary>The options with every setting the file gives applied.</summary>
    public SchedulerOptions ApplyTo(SchedulerOptions options) => options with
    {
        Profiles = Profiles,
        SchedulerName = Profiles[0].SchedulerName,
        Parallelism = Parallelism ?? options.Parallelism,
        PercentageOfNodesToScore = PercentageOfNodesToScore ?? options.PercentageOfNodesToScore,
        PodInitialBackoff = PodInitialBackoff ?? options.PodInitialBackoff,
        PodMaxBackoff = PodMaxBackoff ?? options.PodMaxBackoff,
        LeaderElect = LeaderElect ?? options.LeaderElect,
        LeaseNamespace = LeaseNamespace ?? options.LeaseNamespace,
        LeaseName = LeaseName ?? options.LeaseName,
    };
}

/// <summary>A configuration file that cannot be used; the message says where and why.</summary>
public sealed class SchedulerConfigException(string message, Exception? inner = null) : Exception(message, inner);
