namespace KubeSharp.Scheduler.Framework;

/// <summary>
/// Which plugins run, in order, and the weight of each score plugin (upstream KubeSchedulerProfile).
/// <see cref="Plugins"/> is the multiPoint set: each plugin is used at every extension point it implements,
/// in this order. <see cref="ExtensionPoints"/> refines single points as upstream does: a point's own enabled
/// plugins come first when they override a multiPoint one, its disabled plugins (or "*") are left out there.
/// </summary>
public sealed record Profile
{
    public required string SchedulerName { get; init; }

    public required IReadOnlyList<string> Plugins { get; init; }

    /// <summary>Per extension point ("preFilter", "filter", "postFilter", "preScore", "score", "reserve", "bind").</summary>
    public IReadOnlyDictionary<string, PluginSet> ExtensionPoints { get; init; } = new Dictionary<string, PluginSet>();

    /// <summary>Score weights by plugin name; a score plugin not listed has weight 1.</summary>
    public IReadOnlyDictionary<string, int> ScoreWeights { get; init; } = new Dictionary<string, int>();

    /// <summary>Plugin arguments by plugin name (pluginConfig), handed to the plugin's factory.</summary>
    public IReadOnlyDictionary<string, object> PluginArgs { get; init; } = new Dictionary<string, object>();

    /// <summary>This profile's percentageOfNodesToScore; null uses the global one (0 or null there: adaptive).</summary>
    public int? PercentageOfNodesToScore { get; init; }
}
