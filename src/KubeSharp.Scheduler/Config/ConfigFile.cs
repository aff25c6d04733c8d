using System.Text.Json;

namespace KubeSharp.Scheduler.Config;

// The kubescheduler.config.k8s.io/v1 KubeSchedulerConfiguration fields this scheduler reads, as upstream names
// them. Deserialized strictly: a field not listed here is an error, so a typo cannot silently change nothing.

internal sealed class ConfigFile
{
    public string? ApiVersion { get; init; }

    public string? Kind { get; init; }

    public int? Parallelism { get; init; }

    public int? PercentageOfNodesToScore { get; init; }

    public long? PodInitialBackoffSeconds { get; init; }

    public long? PodMaxBackoffSeconds { get; init; }

    public LeaderElectionConfig? LeaderElection { get; init; }

    public ClientConnectionConfig? ClientConnection { get; init; }

    public List<ProfileConfig>? Profiles { get; init; }

    public List<JsonElement>? Extenders { get; init; }

    // Accepted for compatibility with upstream files; they configure debugging endpoints this scheduler lacks.
    public bool? EnableProfiling { get; init; }

    public bool? EnableContentionProfiling { get; init; }

    public bool? DelayCacheUntilActive { get; init; }
}

internal sealed class LeaderElectionConfig
{
    public bool? LeaderElect { get; init; }

    public string? ResourceNamespace { get; init; }

    public string? ResourceName { get; init; }

    public string? ResourceLock { get; init; }

    public string? LeaseDuration { get; init; }

    public string? RenewDeadline { get; init; }

    public string? RetryPeriod { get; init; }
}

internal sealed class ClientConnectionConfig
{
    public string? Kubeconfig { get; init; }

    public string? AcceptContentTypes { get; init; }

    public string? ContentType { get; init; }

    public double? Qps { get; init; }

    public int? Burst { get; init; }
}

internal sealed class ProfileConfig
{
    public string? SchedulerName { get; init; }

    public int? PercentageOfNodesToScore { get; init; }

    public PluginsConfig? Plugins { get; init; }

    public List<PluginConfigEntry>? PluginConfig { get; init; }
}

internal sealed class PluginsConfig
{
    public PluginSetConfig? PreEnqueue { get; init; }

    public PluginSetConfig? QueueSort { get; init; }

    public PluginSetConfig? PreFilter { get; init; }

    public PluginSetConfig? Filter { get; init; }

    public PluginSetConfig? PostFilter { get; init; }

    public PluginSetConfig? PreScore { get; init; }

    public PluginSetConfig? Score { get; init; }

    public PluginSetConfig? Reserve { get; init; }

    public PluginSetConfig? Permit { get; init; }

    public PluginSetConfig? PreBind { get; init; }

    public PluginSetConfig? Bind { get; init; }

    public PluginSetConfig? PostBind { get; init; }

    public PluginSetConfig? MultiPoint { get; init; }

    /// <summary>The extension points other than multiPoint, by upstream's field name.</summary>
    public IEnumerable<(string Point, PluginSetConfig? Set)> Points() =>
    [
        ("preEnqueue", PreEnqueue), ("queueSort", QueueSort), ("preFilter", PreFilter), ("filter", Filter),
        ("postFilter", PostFilter), ("preScore", PreScore), ("score", Score), ("reserve", Reserve), ("permit", Permit),
        ("preBind", PreBind), ("bind", Bind), ("postBind", PostBind),
    ];
}

internal sealed class PluginSetConfig
{
    public List<PluginEntry>? Enabled { get; init; }

    public List<PluginEntry>? Disabled { get; init; }
}

internal sealed class PluginEntry
{
    public string? Name { get; init; }

    public int? Weight { get; init; }
}

internal sealed class PluginConfigEntry
{
    public string? Name { get; init; }

    public JsonElement? Args { get; init; }
}

internal sealed class NodeResourcesFitArgsConfig
{
    public string? ApiVersion { get; init; }

    public string? Kind { get; init; }

    public List<string>? IgnoredResources { get; init; }

    public List<string>? IgnoredResourceGroups { get; init; }

    public ScoringStrategyConfig? ScoringStrategy { get; init; }
}

internal sealed class ScoringStrategyConfig
{
    public string? Type { get; init; }

    public List<ResourceSpecConfig>? Resources { get; init; }

    public RequestedToCapacityRatioConfig? RequestedToCapacityRatio { get; init; }
}

internal sealed class ResourceSpecConfig
{
    public string? Name { get; init; }

    public long? Weight { get; init; }
}

internal sealed class RequestedToCapacityRatioConfig
{
    public List<ShapePointConfig>? Shape { get; init; }
}

internal sealed class ShapePointConfig
{
    public int? Utilization { get; init; }

    public int? Score { get; init; }
}

internal sealed class InterPodAffinityArgsConfig
{
    public string? ApiVersion { get; init; }

    public string? Kind { get; init; }

    public int? HardPodAffinityWeight { get; init; }

    public bool? IgnorePreferredTermsOfExistingPods { get; init; }
}

internal sealed class PodTopologySpreadArgsConfig
{
    public string? ApiVersion { get; init; }

    public string? Kind { get; init; }

    public string? DefaultingType { get; init; }

    public List<JsonElement>? DefaultConstraints { get; init; }
}

internal sealed class DefaultPreemptionArgsConfig
{
    public string? ApiVersion { get; init; }

    public string? Kind { get; init; }

    public int? MinCandidateNodesPercentage { get; init; }

    public int? MinCandidateNodesAbsolute { get; init; }
}
