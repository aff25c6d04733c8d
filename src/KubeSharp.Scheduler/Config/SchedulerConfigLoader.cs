using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using k8s.Models;
using KubeSharp.ApiMachinery.Serialization;
using KubeSharp.Scheduler.Framework;
using KubeSharp.Scheduler.Plugins;
using KubeSharp.Scheduler.Plugins.DefaultPreemption;
using KubeSharp.Scheduler.Plugins.InterPodAffinity;
using KubeSharp.Scheduler.Plugins.NodeResourcesFit;
using KubeSharp.Scheduler.Plugins.PodTopologySpread;
using YamlDotNet.Core;

namespace KubeSharp.Scheduler.Config;

/// <summary>
/// Reads upstream's KubeSchedulerConfiguration (kubescheduler.config.k8s.io/v1) from YAML: strict about unknown
/// fields, validated as upstream validates, each profile's plugins merged with the default profile the way
/// upstream's v1 defaulting does (a plugin re-enabled with a new weight keeps its place; "*" disables all).
/// </summary>
public static class SchedulerConfigLoader
{
    public const string ApiVersion = "kubescheduler.config.k8s.io/v1";
    public const string Kind = "KubeSchedulerConfiguration";

    private static readonly JsonSerializerOptions Strict = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static SchedulerConfiguration Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SchedulerConfigException($"reading scheduler config {path}: {e.Message}", e);
        }
        return Parse(text, path);
    }

    public static SchedulerConfiguration Parse(string yaml, string source = "scheduler config")
    {
        try
        {
            var node = YamlJson.Parse(yaml) ?? throw new SchedulerConfigException($"{source}: the file is empty");
            var file = Read<ConfigFile>(node, "");
            return Validate(file);
        }
        catch (SchedulerConfigException e)
        {
            throw e.Message.StartsWith(source, StringComparison.Ordinal) ? e : new SchedulerConfigException($"{source}: {e.Message}", e);
        }
        catch (YamlException e)
        {
            throw new SchedulerConfigException($"{source}: invalid YAML at line {e.Start.Line}: {e.Message}", e);
        }
    }

    private static T Read<T>(JsonNode node, string path)
    {
        try
        {
            return node.Deserialize<T>(Strict) ?? throw new SchedulerConfigException($"{path}: must not be null");
        }
        catch (JsonException e)
        {
            var where = e.Path is { Length: > 2 } p ? path + (path.Length == 0 ? p[2..] : p[1..]) : path;
            throw new SchedulerConfigException($"{where}: {Explain(e.Message)}", e);
        }
    }

    /// <summary>System.Text.Json's messages name .NET types; say what the file got wrong instead.</summary>
    private static string Explain(string message)
    {
        if (message.Contains("could not be mapped", StringComparison.Ordinal)) return "unknown field";
        if (!message.Contains("could not be converted", StringComparison.Ordinal)) return message;
        string[] kinds = ["Int32:an integer", "Int64:an integer", "Boolean:true or false", "Double:a number", "String:a string", "List:a list", "Config:an object"];
        foreach (var kind in kinds)
        {
            var (type, what) = (kind[..kind.IndexOf(':')], kind[(kind.IndexOf(':') + 1)..]);
            if (message.Contains(type, StringComparison.Ordinal)) return $"invalid value: expected {what}";
        }
        return "invalid value";
    }

    private static string FirstSentence(string message)
    {
        var i = message.IndexOf(". Path:", StringComparison.Ordinal);
        return i > 0 ? message[..i] : message;
    }

    private static SchedulerConfiguration Validate(ConfigFile f)
    {
        if (f.ApiVersion != ApiVersion) throw new SchedulerConfigException($"apiVersion: must be \"{ApiVersion}\", got \"{f.ApiVersion}\"");
        if (f.Kind != Kind) throw new SchedulerConfigException($"kind: must be \"{Kind}\", got \"{f.Kind}\"");
        if (f.Parallelism is <= 0) throw new SchedulerConfigException($"parallelism: {f.Parallelism}: should be an integer value greater than zero");
        CheckPercentage(f.PercentageOfNodesToScore, "percentageOfNodesToScore");
        if (f.PodInitialBackoffSeconds is <= 0) throw new SchedulerConfigException($"podInitialBackoffSeconds: {f.PodInitialBackoffSeconds}: must be greater than 0");
        if (f.PodMaxBackoffSeconds is { } max && max < (f.PodInitialBackoffSeconds ?? 1))
        {
            throw new SchedulerConfigException($"podMaxBackoffSeconds: {max}: must be greater than or equal to PodInitialBackoffSeconds");
        }
        if (f.Extenders is { Count: > 0 }) throw new SchedulerConfigException("extenders: scheduler extenders are not supported");
        var profiles = new List<Profile>();
        var registry = DefaultPlugins.Registry();
        var configs = f.Profiles is { Count: > 0 } ? f.Profiles : [new ProfileConfig { SchedulerName = "default-scheduler" }];
        for (var i = 0; i < configs.Count; i++)
        {
            var path = $"profiles[{i}]";
            var p = configs[i];
            var name = p.SchedulerName ?? (configs.Count == 1 ? "default-scheduler" : "");
            if (name.Length == 0) throw new SchedulerConfigException($"{path}.schedulerName: Required value");
            if (profiles.Any(x => x.SchedulerName == name)) throw new SchedulerConfigException($"{path}.schedulerName: Duplicate value: \"{name}\"");
            CheckPercentage(p.PercentageOfNodesToScore, $"{path}.percentageOfNodesToScore");
            profiles.Add(ProfileBuilder.Build(name, p, registry, path) with { PercentageOfNodesToScore = p.PercentageOfNodesToScore });
        }
        return new SchedulerConfiguration
        {
            Profiles = profiles,
            Parallelism = f.Parallelism,
            PercentageOfNodesToScore = f.PercentageOfNodesToScore,
            PodInitialBackoff = f.PodInitialBackoffSeconds is { } ib ? TimeSpan.FromSeconds(ib) : null,
            PodMaxBackoff = f.PodMaxBackoffSeconds is { } mb ? TimeSpan.FromSeconds(mb) : null,
            LeaderElect = f.LeaderElection?.LeaderElect,
            LeaseNamespace = f.LeaderElection?.ResourceNamespace,
            LeaseName = f.LeaderElection?.ResourceName,
            Kubeconfig = f.ClientConnection?.Kubeconfig,
        };
    }

    internal static void CheckPercentage(int? value, string path)
    {
        if (value is < 0 or > 100) throw new SchedulerConfigException($"{path}: {value}: not in valid range [0-100]");
    }

    /// <summary>pluginConfig args: typed and validated per plugin, defaults filled in as upstream's v1 defaulting does.</summary>
    internal static object ReadArgs(string plugin, JsonElement? args, string path)
    {
        var node = args is { } a ? JsonNode.Parse(a.GetRawText()) ?? new JsonObject() : new JsonObject();
        return plugin switch
        {
            PluginNames.NodeResourcesFit => FitArgs(Read<NodeResourcesFitArgsConfig>(node, path), path),
            PluginNames.InterPodAffinity => AffinityArgs(Read<InterPodAffinityArgsConfig>(node, path), path),
            PluginNames.PodTopologySpread => SpreadArgs(Read<PodTopologySpreadArgsConfig>(node, path), path),
            PluginNames.DefaultPreemption => PreemptionArgs(Read<DefaultPreemptionArgsConfig>(node, path), path),
            _ => throw new SchedulerConfigException($"{path}: plugin {plugin} takes no arguments here"),
        };
    }

    private static void CheckKind(string? kind, string expected, string path)
    {
        if (kind != null && kind != expected) throw new SchedulerConfigException($"{path}.kind: must be \"{expected}\", got \"{kind}\"");
    }

    private static NodeResourcesFitArgs FitArgs(NodeResourcesFitArgsConfig c, string path)
    {
        CheckKind(c.Kind, "NodeResourcesFitArgs", path);
        var strategy = new ScoringStrategy();
        if (c.ScoringStrategy is { } s)
        {
            var type = s.Type ?? ScoringStrategy.LeastAllocated;
            if (type is not (ScoringStrategy.LeastAllocated or ScoringStrategy.MostAllocated or ScoringStrategy.RequestedToCapacityRatio))
            {
                throw new SchedulerConfigException($"{path}.scoringStrategy.type: Unsupported value: \"{type}\": supported values: \"LeastAllocated\", \"MostAllocated\", \"RequestedToCapacityRatio\"");
            }
            var resources = strategy.Resources;
            if (s.Resources is { Count: > 0 })
            {
                resources = s.Resources.Select((r, i) =>
                {
                    if (string.IsNullOrEmpty(r.Name)) throw new SchedulerConfigException($"{path}.scoringStrategy.resources[{i}].name: Required value");
                    var weight = r.Weight is null or 0 ? 1 : r.Weight.Value;
                    if (weight is < 1 or > 100) throw new SchedulerConfigException($"{path}.scoringStrategy.resources[{i}].weight: {weight}: not in valid range [1-100]");
                    return new ResourceSpec(r.Name, weight);
                }).ToList();
            }
            var shape = new List<UtilizationShapePoint>();
            if (type == ScoringStrategy.RequestedToCapacityRatio)
            {
                var points = s.RequestedToCapacityRatio?.Shape;
                if (points is not { Count: > 0 }) throw new SchedulerConfigException($"{path}.scoringStrategy.requestedToCapacityRatio.shape: Required value");
                for (var i = 0; i < points.Count; i++)
                {
                    var u = points[i].Utilization ?? 0;
                    var sc = points[i].Score ?? 0;
                    if (u is < 0 or > 100) throw new SchedulerConfigException($"{path}.scoringStrategy.requestedToCapacityRatio.shape[{i}].utilization: {u}: not in valid range [0-100]");
                    if (sc is < 0 or > 10) throw new SchedulerConfigException($"{path}.scoringStrategy.requestedToCapacityRatio.shape[{i}].score: {sc}: not in valid range [0-10]");
                    if (i > 0 && u <= shape[^1].Utilization) throw new SchedulerConfigException($"{path}.scoringStrategy.requestedToCapacityRatio.shape[{i}].utilization: {u}: Invalid value: utilization values must be sorted in increasing order");
                    shape.Add(new UtilizationShapePoint(u, sc));
                }
            }
            else if (s.RequestedToCapacityRatio != null)
            {
                throw new SchedulerConfigException($"{path}.scoringStrategy.requestedToCapacityRatio: Forbidden: only for type RequestedToCapacityRatio");
            }
            strategy = new ScoringStrategy { Type = type, Resources = resources, Shape = shape };
        }
        return new NodeResourcesFitArgs
        {
            IgnoredResources = c.IgnoredResources ?? [],
            IgnoredResourceGroups = c.IgnoredResourceGroups ?? [],
            ScoringStrategy = strategy,
        };
    }

    private static InterPodAffinityArgs AffinityArgs(InterPodAffinityArgsConfig c, string path)
    {
        CheckKind(c.Kind, "InterPodAffinityArgs", path);
        var weight = c.HardPodAffinityWeight ?? 1;
        if (weight is < 0 or > 100) throw new SchedulerConfigException($"{path}.hardPodAffinityWeight: {weight}: not in valid range [0-100]");
        return new InterPodAffinityArgs { HardPodAffinityWeight = weight, IgnorePreferredTermsOfExistingPods = c.IgnorePreferredTermsOfExistingPods ?? false };
    }

    private static PodTopologySpreadArgs SpreadArgs(PodTopologySpreadArgsConfig c, string path)
    {
        CheckKind(c.Kind, "PodTopologySpreadArgs", path);
        var type = c.DefaultingType ?? PodTopologySpreadArgs.SystemDefaulting;
        if (type is not (PodTopologySpreadArgs.SystemDefaulting or PodTopologySpreadArgs.ListDefaulting))
        {
            throw new SchedulerConfigException($"{path}.defaultingType: Unsupported value: \"{type}\": supported values: \"List\", \"System\"");
        }
        var constraints = new List<V1TopologySpreadConstraint>();
        for (var i = 0; i < (c.DefaultConstraints?.Count ?? 0); i++)
        {
            var p = $"{path}.defaultConstraints[{i}]";
            V1TopologySpreadConstraint sc;
            try
            {
                sc = (V1TopologySpreadConstraint)KubeJson.Deserialize(JsonNode.Parse(c.DefaultConstraints![i].GetRawText())!, typeof(V1TopologySpreadConstraint));
            }
            catch (JsonException e)
            {
                throw new SchedulerConfigException($"{p}: {FirstSentence(e.Message)}", e);
            }
            if (sc.MaxSkew <= 0) throw new SchedulerConfigException($"{p}.maxSkew: {sc.MaxSkew}: must be greater than zero");
            if (string.IsNullOrEmpty(sc.TopologyKey)) throw new SchedulerConfigException($"{p}.topologyKey: Required value: can not be empty");
            if (sc.WhenUnsatisfiable is not ("DoNotSchedule" or "ScheduleAnyway"))
            {
                throw new SchedulerConfigException($"{p}.whenUnsatisfiable: Unsupported value: \"{sc.WhenUnsatisfiable}\": supported values: \"DoNotSchedule\", \"ScheduleAnyway\"");
            }
            if (sc.LabelSelector != null) throw new SchedulerConfigException($"{p}.labelSelector: Forbidden: constraint must not define a selector, as they deduced for each pod");
            if (constraints.Any(x => x.TopologyKey == sc.TopologyKey && x.WhenUnsatisfiable == sc.WhenUnsatisfiable))
            {
                throw new SchedulerConfigException($"{p}: Duplicate value: {{{sc.TopologyKey}, {sc.WhenUnsatisfiable}}}");
            }
            constraints.Add(sc);
        }
        if (type == PodTopologySpreadArgs.SystemDefaulting && constraints.Count > 0)
        {
            throw new SchedulerConfigException($"{path}.defaultConstraints: Invalid value: when .defaultingType is \"System\", .defaultConstraints must be empty");
        }
        return new PodTopologySpreadArgs { DefaultingType = type, DefaultConstraints = constraints };
    }

    private static DefaultPreemptionArgs PreemptionArgs(DefaultPreemptionArgsConfig c, string path)
    {
        CheckKind(c.Kind, "DefaultPreemptionArgs", path);
        var pct = c.MinCandidateNodesPercentage ?? 10;
        var abs = c.MinCandidateNodesAbsolute ?? 100;
        if (pct is < 0 or > 100) throw new SchedulerConfigException($"{path}.minCandidateNodesPercentage: {pct}: not in valid range [0, 100]");
        if (abs < 0) throw new SchedulerConfigException($"{path}.minCandidateNodesAbsolute: {abs}: not in valid range [0, inf)");
        if (pct == 0 && abs == 0) throw new SchedulerConfigException($"{path}: minCandidateNodesPercentage and minCandidateNodesAbsolute cannot both be zero");
        return new DefaultPreemptionArgs { MinCandidateNodesPercentage = pct, MinCandidateNodesAbsolute = abs };
    }
}
