using KubeSharp.Scheduler.Config;
using KubeSharp.Scheduler.Framework;
using KubeSharp.Scheduler.Plugins;
using KubeSharp.Scheduler.Plugins.DefaultPreemption;
using KubeSharp.Scheduler.Plugins.InterPodAffinity;
using KubeSharp.Scheduler.Plugins.NodeResourcesFit;
using KubeSharp.Scheduler.Plugins.PodTopologySpread;

namespace KubeSharp.Scheduler.Tests.Config;

/// <summary>KubeSchedulerConfiguration files written to disk and loaded as the CLI loads them.</summary>
public sealed class SchedulerConfigLoaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kubesharp-sched-config-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    private SchedulerConfiguration Load(string yaml)
    {
        var path = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(path, yaml);
        return SchedulerConfigLoader.Load(path);
    }

    private static SchedulingFramework Framework(Profile profile) =>
        new(profile, DefaultPlugins.Registry(), new PluginHandle(new FakeBinder(), TimeProvider.System, new FakePreemptor()));

    private const string Header = "apiVersion: kubescheduler.config.k8s.io/v1\nkind: KubeSchedulerConfiguration\n";

    [Fact]
    public void AnEmptyConfigurationIsTheDefaultProfile()
    {
        var config = Load(Header);
        var profile = Assert.Single(config.Profiles);
        Assert.Equal("default-scheduler", profile.SchedulerName);
        var framework = Framework(profile);
        Assert.Equal(
            ["NodeUnschedulable", "NodeName", "TaintToleration", "NodeAffinity", "NodePorts", "NodeResourcesFit", "PodTopologySpread", "InterPodAffinity"],
            framework.Filters.Select(p => p.Name));
        Assert.Equal(
            [("TaintToleration", 3), ("NodeAffinity", 2), ("NodeResourcesFit", 1), ("PodTopologySpread", 2), ("InterPodAffinity", 2),
             ("NodeResourcesBalancedAllocation", 1), ("ImageLocality", 1)],
            framework.ScorePlugins);
        Assert.Null(config.PercentageOfNodesToScore);
    }

    [Fact]
    public void ProfilesPluginsWeightsArgsAndGlobalSettings()
    {
        var config = Load(Header + """
            parallelism: 8
            percentageOfNodesToScore: 40
            podInitialBackoffSeconds: 2
            podMaxBackoffSeconds: 20
            leaderElection:
              leaderElect: false
              resourceNamespace: sched-ns
              resourceName: my-lease
            clientConnection:
              kubeconfig: /etc/kube/scheduler.conf
            profiles:
            - schedulerName: default-scheduler
              pluginConfig:
              - name: InterPodAffinity
                args:
                  kind: InterPodAffinityArgs
                  hardPodAffinityWeight: 7
              - name: PodTopologySpread
                args:
                  defaultingType: List
                  defaultConstraints:
                  - maxSkew: 2
                    topologyKey: topology.kubernetes.io/zone
                    whenUnsatisfiable: DoNotSchedule
              - name: DefaultPreemption
                args:
                  minCandidateNodesPercentage: 20
                  minCandidateNodesAbsolute: 50
            - schedulerName: packer
              percentageOfNodesToScore: 100
              plugins:
                multiPoint:
                  enabled:
                  - name: NodeResourcesFit
                    weight: 5
                  disabled:
                  - name: ImageLocality
                filter:
                  disabled:
                  - name: NodePorts
                score:
                  disabled:
                  - name: NodeResourcesBalancedAllocation
                  enabled:
                  - name: TaintToleration
                    weight: 9
              pluginConfig:
              - name: NodeResourcesFit
                args:
                  scoringStrategy:
                    type: MostAllocated
                    resources:
                    - name: cpu
                      weight: 3
                    - name: nvidia.com/gpu
            """);
        Assert.Equal(8, config.Parallelism);
        Assert.Equal(40, config.PercentageOfNodesToScore);
        Assert.Equal(TimeSpan.FromSeconds(2), config.PodInitialBackoff);
        Assert.Equal(TimeSpan.FromSeconds(20), config.PodMaxBackoff);
        Assert.Equal(false, config.LeaderElect);
        Assert.Equal("sched-ns", config.LeaseNamespace);
        Assert.Equal("my-lease", config.LeaseName);
        Assert.Equal("/etc/kube/scheduler.conf", config.Kubeconfig);
        Assert.Equal(["default-scheduler", "packer"], config.Profiles.Select(p => p.SchedulerName));

        var first = config.Profiles[0];
        Assert.Null(first.PercentageOfNodesToScore);
        Assert.Equal(7, Assert.IsType<InterPodAffinityArgs>(first.PluginArgs["InterPodAffinity"]).HardPodAffinityWeight);
        var spread = Assert.IsType<PodTopologySpreadArgs>(first.PluginArgs["PodTopologySpread"]);
        Assert.Equal("List", spread.DefaultingType);
        Assert.Equal(2, Assert.Single(spread.DefaultConstraints).MaxSkew);
        var preemption = Assert.IsType<DefaultPreemptionArgs>(first.PluginArgs["DefaultPreemption"]);
        Assert.Equal((20, 50), (preemption.MinCandidateNodesPercentage, preemption.MinCandidateNodesAbsolute));

        var packer = config.Profiles[1];
        Assert.Equal(100, packer.PercentageOfNodesToScore);
        var fit = Assert.IsType<NodeResourcesFitArgs>(packer.PluginArgs["NodeResourcesFit"]);
        Assert.Equal("MostAllocated", fit.ScoringStrategy.Type);
        Assert.Equal([new ResourceSpec("cpu", 3), new ResourceSpec("nvidia.com/gpu", 1)], fit.ScoringStrategy.Resources);
        var framework = Framework(packer);
        Assert.DoesNotContain(framework.Filters, p => p.Name == "NodePorts");
        // NodeResourcesFit keeps its default place with the new weight; TaintToleration's score weight comes from the score point.
        Assert.Equal([("TaintToleration", 9), ("NodeAffinity", 2), ("NodeResourcesFit", 5), ("PodTopologySpread", 2), ("InterPodAffinity", 2)],
            framework.ScorePlugins);
    }

    [Fact]
    public void StarDisablesEveryDefaultOfAPoint()
    {
        var config = Load(Header + """
            profiles:
            - schedulerName: minimal
              plugins:
                score:
                  disabled:
                  - name: "*"
                  enabled:
                  - name: NodeResourcesFit
                    weight: 4
                multiPoint:
                  disabled:
                  - name: PodTopologySpread
            """);
        var framework = Framework(Assert.Single(config.Profiles));
        Assert.Equal([("NodeResourcesFit", 4)], framework.ScorePlugins);
        Assert.DoesNotContain(framework.Filters, p => p.Name == "PodTopologySpread");
        Assert.Contains(framework.Filters, p => p.Name == "InterPodAffinity");
    }

    [Fact]
    public void RequestedToCapacityRatioReadsItsShape()
    {
        var config = Load(Header + """
            profiles:
            - pluginConfig:
              - name: NodeResourcesFit
                args:
                  scoringStrategy:
                    type: RequestedToCapacityRatio
                    requestedToCapacityRatio:
                      shape:
                      - utilization: 0
                        score: 0
                      - utilization: 100
                        score: 10
            """);
        var fit = Assert.IsType<NodeResourcesFitArgs>(config.Profiles[0].PluginArgs["NodeResourcesFit"]);
        Assert.Equal([new UtilizationShapePoint(0, 0), new UtilizationShapePoint(100, 10)], fit.ScoringStrategy.Shape);
        Assert.Equal([new ResourceSpec("cpu", 1), new ResourceSpec("memory", 1)], fit.ScoringStrategy.Resources);
    }

    public static TheoryData<string, string, string> Invalid => new()
    {
        { "wrong apiVersion", "apiVersion: kubescheduler.config.k8s.io/v1beta3\nkind: KubeSchedulerConfiguration\n", "apiVersion: must be \"kubescheduler.config.k8s.io/v1\"" },
        { "unknown top-level field", Header + "percentageOfNodesToScor: 10\n", "yaml: percentageOfNodesToScor: unknown field" },
        { "unknown profile field", Header + "profiles:\n- schedulerName: a\n  plugin: {}\n", "profiles[0].plugin: unknown field" },
        { "percentage out of range", Header + "percentageOfNodesToScore: 101\n", "percentageOfNodesToScore: 101: not in valid range [0-100]" },
        { "profile percentage out of range", Header + "profiles:\n- schedulerName: a\n  percentageOfNodesToScore: -1\n", "profiles[0].percentageOfNodesToScore: -1: not in valid range [0-100]" },
        { "not a number", Header + "parallelism: lots\n", "parallelism: invalid value: expected an integer" },
        { "zero parallelism", Header + "parallelism: 0\n", "parallelism: 0: should be an integer value greater than zero" },
        { "duplicate scheduler names", Header + "profiles:\n- schedulerName: a\n- schedulerName: a\n", "profiles[1].schedulerName: Duplicate value: \"a\"" },
        { "missing scheduler name", Header + "profiles:\n- schedulerName: a\n- percentageOfNodesToScore: 5\n", "profiles[1].schedulerName: Required value" },
        { "unknown plugin", Header + "profiles:\n- plugins:\n    filter:\n      enabled:\n      - name: VolumeMagic\n", "profiles[0].plugins.filter.enabled[0].name: plugin \"VolumeMagic\" does not exist" },
        { "unknown scoring strategy", Header + "profiles:\n- pluginConfig:\n  - name: NodeResourcesFit\n    args:\n      scoringStrategy:\n        type: Random\n", "scoringStrategy.type: Unsupported value: \"Random\"" },
        { "unknown args field", Header + "profiles:\n- pluginConfig:\n  - name: InterPodAffinity\n    args:\n      hardWeight: 3\n", "profiles[0].pluginConfig[0].args.hardWeight: unknown field" },
        { "hard affinity weight out of range", Header + "profiles:\n- pluginConfig:\n  - name: InterPodAffinity\n    args:\n      hardPodAffinityWeight: 101\n", "hardPodAffinityWeight: 101: not in valid range [0-100]" },
        { "System defaulting with constraints", Header + "profiles:\n- pluginConfig:\n  - name: PodTopologySpread\n    args:\n      defaultConstraints:\n      - maxSkew: 1\n        topologyKey: zone\n        whenUnsatisfiable: DoNotSchedule\n", "when .defaultingType is \"System\", .defaultConstraints must be empty" },
        { "shape not increasing", Header + "profiles:\n- pluginConfig:\n  - name: NodeResourcesFit\n    args:\n      scoringStrategy:\n        type: RequestedToCapacityRatio\n        requestedToCapacityRatio:\n          shape:\n          - {utilization: 50, score: 1}\n          - {utilization: 50, score: 2}\n", "utilization values must be sorted in increasing order" },
        { "both preemption bounds zero", Header + "profiles:\n- pluginConfig:\n  - name: DefaultPreemption\n    args:\n      minCandidateNodesPercentage: 0\n      minCandidateNodesAbsolute: 0\n", "cannot both be zero" },
        { "extenders", Header + "extenders:\n- urlPrefix: http://x\n", "extenders: scheduler extenders are not supported" },
        { "broken YAML", Header + "profiles: [\n", "invalid YAML" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void InvalidFilesFailWithAClearMessage(string name, string yaml, string expected)
    {
        var e = Assert.Throws<SchedulerConfigException>(() => Load(yaml));
        Assert.True(e.Message.Contains(expected, StringComparison.Ordinal), $"{name}: {e.Message}");
        Assert.Contains(_dir, e.Message);
    }
}
