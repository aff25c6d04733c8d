namespace KubeSharp.Scheduler.Framework;

/// <summary>
/// One extension point's plugins in a profile (upstream v1.PluginSet after merging with the defaults): the
/// enabled plugins in order, and the disabled ones ("*" disables every plugin that multiPoint would add).
/// </summary>
public sealed record PluginSet
{
    public IReadOnlyList<string> Enabled { get; init; } = [];

    public IReadOnlyList<string> Disabled { get; init; } = [];
}
