namespace KubeSharp.Scheduler.Framework;

/// <summary>
/// Which plugins run, in order, and the weight of each score plugin (upstream KubeSchedulerProfile). Plugins are
/// enabled by name; each extension point uses the enabled plugins that implement it, in this order.
/// </summary>
public sealed record Profile
{
    public required string SchedulerName { get; init; }

    public required IReadOnlyList<string> Plugins { get; init; }

    /// <summary>Score weights by plugin name; a score plugin not listed has weight 1.</summary>
    public IReadOnlyDictionary<string, int> ScoreWeights { get; init; } = new Dictionary<string, int>();
}
