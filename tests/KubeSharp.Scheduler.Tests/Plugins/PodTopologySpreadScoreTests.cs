using k8s.Models;
using KubeSharp.Scheduler.Framework;
using KubeSharp.Scheduler.Plugins.PodTopologySpread;
using static KubeSharp.Scheduler.Tests.Plugins.PodTopologySpreadFilterTests;

namespace KubeSharp.Scheduler.Tests.Plugins;

/// <summary>PodTopologySpread scoring on the same four nodes: raw scores (count × log(domains + 2) + maxSkew − 1) and their reversed normalization.</summary>
public class PodTopologySpreadScoreTests
{
    private static (long[] Raw, long[] Normalized) Run(PodTopologySpreadPlugin plugin, V1Pod pod, V1Pod[] existing)
    {
        var nodes = Nodes(existing);
        var state = new CycleState { Nodes = nodes };
        Assert.True(plugin.PreScore(state, pod, nodes).IsSuccess);
        var scores = nodes.Select(n => new NodeScore(n.Name, plugin.Score(state, pod, n).Score)).ToArray();
        var raw = scores.Select(s => s.Score).ToArray();
        plugin.NormalizeScores(state, pod, scores);
        return (raw, scores.Select(s => s.Score).ToArray());
    }

    [Fact]
    public void HostnameCountsPodsOnTheNode()
    {
        // 4 candidate nodes: weight log(6) ≈ 1.79; n1 has 2 pods (3.58 → 4), n2 1 (1.79 → 2).
        var (raw, normalized) = Run(new PodTopologySpreadPlugin(new FakeClusterObjects()), Incoming(spread: Spread(1, Host, "ScheduleAnyway")),
            [Web("n1"), Web("n1"), Web("n2")]);
        Assert.Equal([4L, 2, 0, 0], raw);
        Assert.Equal([0L, 50, 100, 100], normalized);
    }

    [Fact]
    public void ZoneCountsTheDomainAndNodesWithoutTheKeyAreIgnored()
    {
        // Zones a (2 pods) and b (1): weight log(4) ≈ 1.39, plus maxSkew − 1 = 1; n4 has no zone label and scores 0.
        var (raw, normalized) = Run(new PodTopologySpreadPlugin(new FakeClusterObjects()), Incoming(spread: Spread(2, Zone, "ScheduleAnyway")),
            [Web("n1"), Web("n2"), Web("n3")]);
        Assert.Equal([4L, 4, 2, 0], raw);
        Assert.Equal([50L, 50, 100, 0], normalized);
    }

    [Fact]
    public void SystemDefaultsSpreadPodsSelectedByAServiceByHostAndZone()
    {
        var cluster = new FakeClusterObjects();
        cluster.ServiceList.Add(new V1Service { Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = "default" }, Spec = new V1ServiceSpec { Selector = Make.Labels("app", "web") } });
        var pod = Make.Pod("p", labels: Make.Labels("app", "web"));
        // hostname maxSkew 3 (weight log 6), zone maxSkew 5 (zones a, b and n4's "" → weight log 5); n4 keeps its
        // hostname score although it has no zone: system defaults do not require every key.
        var (raw, normalized) = Run(new PodTopologySpreadPlugin(cluster), pod, [Web("n1")]);
        Assert.Equal([9L, 8, 6, 2], raw);
        Assert.Equal([22L, 33, 55, 100], normalized);
        Assert.Equal(StatusCode.Skip, new PodTopologySpreadPlugin(new FakeClusterObjects())
            .PreScore(new CycleState { Nodes = Nodes() }, pod, Nodes()).Code);
    }

    [Fact]
    public void ListDefaultingUsesTheConfiguredConstraints()
    {
        var cluster = new FakeClusterObjects();
        cluster.ServiceList.Add(new V1Service { Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = "default" }, Spec = new V1ServiceSpec { Selector = Make.Labels("app", "web") } });
        var args = new PodTopologySpreadArgs
        {
            DefaultingType = PodTopologySpreadArgs.ListDefaulting,
            DefaultConstraints = [new V1TopologySpreadConstraint { MaxSkew = 1, TopologyKey = Zone, WhenUnsatisfiable = "DoNotSchedule" }],
        };
        var plugin = new PodTopologySpreadPlugin(cluster, args);
        var pod = Make.Pod("p", labels: Make.Labels("app", "web"));
        var nodes = Nodes(Web("n1"));
        var state = new CycleState { Nodes = nodes };
        Assert.True(plugin.PreFilter(state, pod).IsSuccess);
        Assert.Equal(StatusCode.Unschedulable, plugin.Filter(state, pod, nodes[0]).Code);
        Assert.True(plugin.Filter(state, pod, nodes[2]).IsSuccess);
    }

    [Fact]
    public void DefaultSelectorAndsServicesWithTheOwningReplicaSet()
    {
        var cluster = new FakeClusterObjects();
        cluster.ServiceList.Add(new V1Service { Metadata = new V1ObjectMeta { Name = "fe", NamespaceProperty = "default" }, Spec = new V1ServiceSpec { Selector = Make.Labels("tier", "fe") } });
        cluster.ServiceList.Add(new V1Service { Metadata = new V1ObjectMeta { Name = "unrelated", NamespaceProperty = "default" }, Spec = new V1ServiceSpec { Selector = Make.Labels("app", "db") } });
        cluster.ReplicaSets.Add(new V1ReplicaSet
        {
            Metadata = new V1ObjectMeta { Name = "rs1", NamespaceProperty = "default" },
            Spec = new V1ReplicaSetSpec { Selector = new V1LabelSelector { MatchExpressions = [new V1LabelSelectorRequirement { Key = "app", OperatorProperty = "In", Values = ["web"] }] } },
        });
        var pod = Make.Pod("p", labels: Make.Labels("app", "web", "tier", "fe"));
        pod.Metadata.OwnerReferences = [new V1OwnerReference { ApiVersion = "apps/v1", Kind = "ReplicaSet", Name = "rs1", Uid = "u", Controller = true }];
        var selector = DefaultSelector.For(pod, cluster);
        Assert.NotNull(selector);
        Assert.True(selector.Matches(Make.Labels("app", "web", "tier", "fe")));
        Assert.False(selector.Matches(Make.Labels("tier", "fe")));
        Assert.False(selector.Matches(Make.Labels("app", "web")));
        Assert.Null(DefaultSelector.For(Make.Pod("q", labels: Make.Labels("x", "y")), cluster));
    }
}
