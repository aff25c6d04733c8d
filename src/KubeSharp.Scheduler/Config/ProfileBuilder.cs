using KubeSharp.Scheduler.Framework;
using KubeSharp.Scheduler.Plugins;

namespace KubeSharp.Scheduler.Config;

/// <summary>
/// Turns one configured profile into a <see cref="Profile"/>: upstream's mergePlugins of the default multiPoint
/// set with the file's plugins per extension point, score weights (a score-point weight wins over a multiPoint
/// one), and the plugins' arguments.
/// </summary>
internal static class ProfileBuilder
{
    private static readonly HashSet<string> SupportedPoints = ["preEnqueue", "preFilter", "filter", "postFilter", "preScore", "score", "reserve", "bind"];

    public static Profile Build(string schedulerName, ProfileConfig config, PluginRegistry registry, string path)
    {
        var defaults = DefaultPlugins.Profile(schedulerName);
        var defaultEntries = defaults.Plugins.Select(n => (Name: n, Weight: defaults.ScoreWeights.TryGetValue(n, out var w) ? w : 0)).ToList();
        var plugins = config.Plugins ?? new PluginsConfig();
        var multiPoint = Merge(defaultEntries, plugins.MultiPoint, registry, $"{path}.plugins.multiPoint");
        var weights = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, weight) in multiPoint.Enabled)
        {
            if (weight > 0) weights[name] = weight;
        }
        var points = new Dictionary<string, PluginSet>(StringComparer.Ordinal);
        foreach (var (point, set) in plugins.Points())
        {
            if (set == null) continue;
            var merged = Merge([], set, registry, $"{path}.plugins.{point}");
            if (!SupportedPoints.Contains(point))
            {
                // queueSort/permit/preBind/postBind have no plugins here (the queue sorts by priority itself);
                // only the in-tree name that lives there is accepted, so upstream files load.
                var stray = merged.Enabled.FirstOrDefault(e => e.Name is not PluginNames.PrioritySort);
                if (stray.Name != null) throw new SchedulerConfigException($"{path}.plugins.{point}.enabled: plugin \"{stray.Name}\" does not extend {point}");
                continue;
            }
            if (point == "score")
            {
                foreach (var (name, weight) in merged.Enabled)
                {
                    if (weight > 0) weights[name] = weight;
                }
            }
            points[point] = new PluginSet { Enabled = merged.Enabled.Select(e => e.Name).ToList(), Disabled = merged.Disabled };
        }
        var args = new Dictionary<string, object>(StringComparer.Ordinal);
        for (var i = 0; i < (config.PluginConfig?.Count ?? 0); i++)
        {
            var entry = config.PluginConfig![i];
            var p = $"{path}.pluginConfig[{i}]";
            if (string.IsNullOrEmpty(entry.Name)) throw new SchedulerConfigException($"{p}.name: Required value");
            if (!registry.Contains(entry.Name)) throw new SchedulerConfigException($"{p}.name: plugin \"{entry.Name}\" does not exist");
            if (args.ContainsKey(entry.Name)) throw new SchedulerConfigException($"{p}.name: Duplicate value: \"{entry.Name}\"");
            args[entry.Name] = SchedulerConfigLoader.ReadArgs(entry.Name, entry.Args, $"{p}.args");
        }
        return new Profile
        {
            SchedulerName = schedulerName,
            Plugins = multiPoint.Enabled.Select(e => e.Name).ToList(),
            ExtensionPoints = points,
            ScoreWeights = weights,
            PluginArgs = args,
        };
    }

    /// <summary>
    /// Upstream mergePluginSet: defaults minus the disabled ones (none with "*"); a default the file enables again
    /// is replaced in place (keeping its position, taking the new weight); the file's other plugins follow.
    /// </summary>
    private static (List<(string Name, int Weight)> Enabled, List<string> Disabled) Merge(
        List<(string Name, int Weight)> defaults, PluginSetConfig? custom, PluginRegistry registry, string path)
    {
        var disabled = new List<string>();
        for (var i = 0; i < (custom?.Disabled?.Count ?? 0); i++)
        {
            var name = custom!.Disabled![i].Name;
            if (string.IsNullOrEmpty(name)) throw new SchedulerConfigException($"{path}.disabled[{i}].name: Required value");
            disabled.Add(name);
        }
        var enabledCustom = new List<(string Name, int Weight)>();
        for (var i = 0; i < (custom?.Enabled?.Count ?? 0); i++)
        {
            var e = custom!.Enabled![i];
            if (string.IsNullOrEmpty(e.Name)) throw new SchedulerConfigException($"{path}.enabled[{i}].name: Required value");
            if (!registry.Contains(e.Name)) throw new SchedulerConfigException($"{path}.enabled[{i}].name: plugin \"{e.Name}\" does not exist");
            if (e.Weight is < 0 or > 100) throw new SchedulerConfigException($"{path}.enabled[{i}].weight: {e.Weight}: not in valid range [0-100]");
            if (enabledCustom.Any(x => x.Name == e.Name)) throw new SchedulerConfigException($"{path}.enabled[{i}].name: Duplicate value: \"{e.Name}\"");
            enabledCustom.Add((e.Name, e.Weight ?? 0));
        }
        var result = new List<(string Name, int Weight)>();
        var replaced = new HashSet<string>(StringComparer.Ordinal);
        if (!disabled.Contains("*"))
        {
            foreach (var d in defaults)
            {
                if (disabled.Contains(d.Name)) continue;
                var again = enabledCustom.FindIndex(x => x.Name == d.Name);
                if (again >= 0)
                {
                    result.Add(enabledCustom[again]);
                    replaced.Add(d.Name);
                }
                else
                {
                    result.Add(d);
                }
            }
        }
        result.AddRange(enabledCustom.Where(e => !replaced.Contains(e.Name)));
        return (result, disabled);
    }
}
