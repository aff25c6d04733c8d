using k8s.Models;
using KubeSharp.Scheduler.Cache;
using KubeSharp.Scheduler.Framework;
using KubeSharp.Scheduler.Plugins.InterPodAffinity;

namespace KubeSharp.Scheduler.Tests.Plugins;

/// <summary>InterPodAffinity scoring on n1, n2 (zone a) and n3 (zone b): raw sums by domain, then min-max scaling.</summary>
public class InterPodAffinityScoreTests
{
    private const string Host = "kubernetes.io/hostname";
    private const string Zone = "topology.kubernetes.io/zone";

    private static V1WeightedPodAffinityTerm Weighted(int weight, V1PodAffinityTerm term) => new() { Weight = weight, PodAffinityTerm = term };

    private static V1Affinity Preferred(V1WeightedPodAffinityTerm[]? affinity = null, V1WeightedPodAffinityTerm[]? anti = null) => new()
    {
        PodAffinity = affinity == null ? null : new V1PodAffinity { PreferredDuringSchedulingIgnoredDuringExecution = affinity },
        PodAntiAffinity = anti == null ? null : new V1PodAntiAffinity { PreferredDuringSchedulingIgnoredDuringExecution = anti },
    };

    private static V1Pod On(string node, V1Pod pod)
    {
        pod.Spec.NodeName = node;
        return pod;
    }

    public static TheoryData<string, V1Pod, V1Pod[], int, long[], long[]> Cases => new()
    {
        {
            "own preferred affinity (+5 zone) and anti-affinity (-3 host)",
            Make.Pod("p", affinity: Preferred([Weighted(5, Make.Term(Zone, "app", "db"))], [Weighted(3, Make.Term(Host, "app", "web"))])),
            [On("n3", Make.Pod("db", labels: Make.Labels("app", "db"))), On("n1", Make.Pod("web", labels: Make.Labels("app", "web")))],
            1, [-3, 0, 5], [0, 37, 100]
        },
        {
            "preferred terms of several pods in one zone add up",
            Make.Pod("p", affinity: Preferred([Weighted(2, Make.Term(Zone, "app", "db"))])),
            [On("n1", Make.Pod("db1", labels: Make.Labels("app", "db"))), On("n2", Make.Pod("db2", labels: Make.Labels("app", "db"))), On("n3", Make.Pod("db3", labels: Make.Labels("app", "db")))],
            1, [4, 4, 2], [100, 100, 0]
        },
        {
            "an existing pod's required affinity counts HardPodAffinityWeight",
            Make.Pod("p", labels: Make.Labels("app", "web")),
            [On("n3", Make.Pod("fan", affinity: Make.RequiredAffinity(Make.Term(Zone, "app", "web"))))],
            7, [0, 0, 7], [0, 0, 100]
        },
        {
            "an existing pod's preferred anti-affinity repels",
            Make.Pod("p", labels: Make.Labels("app", "web")),
            [On("n1", Make.Pod("loner", affinity: Preferred(anti: [Weighted(10, Make.Term(Host, "app", "web"))])))],
            1, [-10, 0, 0], [0, 100, 100]
        },
        {
            "an existing pod's preferred affinity attracts",
            Make.Pod("p", labels: Make.Labels("app", "web")),
            [On("n2", Make.Pod("friend", affinity: Preferred([Weighted(4, Make.Term(Zone, "app", "web"))])))],
            1, [4, 4, 0], [100, 100, 0]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Score(string name, V1Pod pod, V1Pod[] existing, int hardWeight, long[] raw, long[] normalized)
    {
        var nodes = Nodes(existing);
        var plugin = new InterPodAffinityPlugin(new FakeClusterObjects(), new InterPodAffinityArgs { HardPodAffinityWeight = hardWeight });
        var state = new CycleState { Nodes = nodes };
        Assert.True(plugin.PreScore(state, pod, nodes).IsSuccess, name);
        var scores = nodes.Select(n => new NodeScore(n.Name, plugin.Score(state, pod, n).Score)).ToArray();
        Assert.Equal(raw, scores.Select(s => s.Score));
        plugin.NormalizeScores(state, pod, scores);
        Assert.Equal(normalized, scores.Select(s => s.Score));
    }

    [Fact]
    public void PreScoreSkipsWhenNothingAppliesOrWhenExistingPodsAreIgnored()
    {
        var withFan = Nodes([On("n3", Make.Pod("fan", affinity: Make.RequiredAffinity(Make.Term(Zone, "app", "web"))))]);
        var web = Make.Pod("p", labels: Make.Labels("app", "web"));
        var cluster = new FakeClusterObjects();
        Assert.Equal(StatusCode.Skip, new InterPodAffinityPlugin(cluster).PreScore(new CycleState { Nodes = withFan }, Make.Pod("q"), withFan).Code);
        Assert.Equal(StatusCode.Skip, new InterPodAffinityPlugin(cluster, new InterPodAffinityArgs { HardPodAffinityWeight = 0 })
            .PreScore(new CycleState { Nodes = withFan }, web, withFan).Code);
        Assert.Equal(StatusCode.Skip, new InterPodAffinityPlugin(cluster, new InterPodAffinityArgs { IgnorePreferredTermsOfExistingPods = true })
            .PreScore(new CycleState { Nodes = withFan }, web, withFan).Code);
        Assert.True(new InterPodAffinityPlugin(cluster).PreScore(new CycleState { Nodes = withFan }, web, withFan).IsSuccess);
    }

    [Fact]
    public void PodsOnNodesThatAreNotFeasibleStillCountForTheirDomain()
    {
        var nodes = Nodes([On("n1", Make.Pod("db", labels: Make.Labels("app", "db")))]);
        var pod = Make.Pod("p", affinity: Preferred([Weighted(5, Make.Term(Zone, "app", "db"))]));
        var plugin = new InterPodAffinityPlugin(new FakeClusterObjects());
        var state = new CycleState { Nodes = nodes };
        // Only n2 and n3 passed Filter; n2 shares zone a with n1's db pod.
        Assert.True(plugin.PreScore(state, pod, [nodes[1], nodes[2]]).IsSuccess);
        Assert.Equal(5, plugin.Score(state, pod, nodes[1]).Score);
        Assert.Equal(0, plugin.Score(state, pod, nodes[2]).Score);
    }

    private static NodeInfo[] Nodes(V1Pod[] existing)
    {
        var nodes = new[]
        {
            new NodeInfo(Make.Node("n1", labels: Make.Labels(Host, "n1", Zone, "a"))),
            new NodeInfo(Make.Node("n2", labels: Make.Labels(Host, "n2", Zone, "a"))),
            new NodeInfo(Make.Node("n3", labels: Make.Labels(Host, "n3", Zone, "b"))),
        };
        foreach (var p in existing) nodes.Single(n => n.Name == p.Spec.NodeName).AddPod(p);
        return nodes;
    }
}
