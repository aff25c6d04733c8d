using k8s.Models;
using KubeSharp.Scheduler.Cache;
using KubeSharp.Scheduler.Framework;
using KubeSharp.Scheduler.Plugins.NodeAffinity;

namespace KubeSharp.Scheduler.Tests.Plugins;

public class NodeAffinityPluginTests
{
    private static V1Affinity Required(params V1NodeSelectorRequirement[] reqs) => new()
    {
        NodeAffinity = new V1NodeAffinity
        {
            RequiredDuringSchedulingIgnoredDuringExecution = new V1NodeSelector
            {
                NodeSelectorTerms = [new V1NodeSelectorTerm { MatchExpressions = reqs }],
            },
        },
    };

    private static V1NodeSelectorRequirement Req(string key, string op, params string[] values) =>
        new() { Key = key, OperatorProperty = op, Values = values.Length == 0 ? null : values };

    public static TheoryData<string, V1Pod, bool> FilterCases => new()
    {
        { "no selector fits", Make.Pod("p"), true },
        { "nodeSelector matches", Make.Pod("p", nodeSelector: Make.Labels("zone", "a")), true },
        { "nodeSelector mismatch", Make.Pod("p", nodeSelector: Make.Labels("zone", "b")), false },
        { "nodeSelector missing label", Make.Pod("p", nodeSelector: Make.Labels("gpu", "yes")), false },
        { "In matches", Make.Pod("p", affinity: Required(Req("zone", "In", "x", "a"))), true },
        { "In mismatch", Make.Pod("p", affinity: Required(Req("zone", "In", "b"))), false },
        { "NotIn matches", Make.Pod("p", affinity: Required(Req("zone", "NotIn", "b"))), true },
        { "NotIn rejects", Make.Pod("p", affinity: Required(Req("zone", "NotIn", "a"))), false },
        { "NotIn on missing label matches", Make.Pod("p", affinity: Required(Req("gpu", "NotIn", "a"))), true },
        { "Exists", Make.Pod("p", affinity: Required(Req("zone", "Exists"))), true },
        { "Exists missing", Make.Pod("p", affinity: Required(Req("gpu", "Exists"))), false },
        { "DoesNotExist", Make.Pod("p", affinity: Required(Req("gpu", "DoesNotExist"))), true },
        { "DoesNotExist present", Make.Pod("p", affinity: Required(Req("zone", "DoesNotExist"))), false },
        { "Gt true", Make.Pod("p", affinity: Required(Req("cores", "Gt", "8"))), true },
        { "Gt false", Make.Pod("p", affinity: Required(Req("cores", "Gt", "16"))), false },
        { "Lt true", Make.Pod("p", affinity: Required(Req("cores", "Lt", "17"))), true },
        { "Lt false", Make.Pod("p", affinity: Required(Req("cores", "Lt", "16"))), false },
        { "Gt on non-integer label", Make.Pod("p", affinity: Required(Req("zone", "Gt", "1"))), false },
        { "terms ANDed within", Make.Pod("p", affinity: Required(Req("zone", "In", "a"), Req("gpu", "Exists"))), false },
        { "empty term matches nothing", Make.Pod("p", affinity: Required()), false },
        { "nodeSelector and affinity both needed", Make.Pod("p", nodeSelector: Make.Labels("zone", "b"), affinity: Required(Req("zone", "Exists"))), false },
    };

    [Theory]
    [MemberData(nameof(FilterCases))]
    public void Filter(string name, V1Pod pod, bool fits)
    {
        var node = new NodeInfo(Make.Node("n1", labels: Make.Labels("zone", "a", "cores", "16")));
        var status = new NodeAffinityPlugin().Filter(new CycleState(), pod, node);
        Assert.True(fits == status.IsSuccess, name);
        if (!fits)
        {
            Assert.Equal(StatusCode.UnschedulableAndUnresolvable, status.Code);
            Assert.Equal(["node(s) didn't match Pod's node affinity/selector"], status.Reasons);
        }
    }

    [Fact]
    public void TermsAreOred()
    {
        var pod = Make.Pod("p");
        pod.Spec.Affinity = new V1Affinity
        {
            NodeAffinity = new V1NodeAffinity
            {
                RequiredDuringSchedulingIgnoredDuringExecution = new V1NodeSelector
                {
                    NodeSelectorTerms =
                    [
                        new V1NodeSelectorTerm { MatchExpressions = [Req("zone", "In", "b")] },
                        new V1NodeSelectorTerm { MatchFields = [Req("metadata.name", "In", "n1")] },
                    ],
                },
            },
        };
        Assert.True(new NodeAffinityPlugin().Filter(new CycleState(), pod, new NodeInfo(Make.Node("n1"))).IsSuccess);
    }

    [Fact]
    public void PreferredTermsScoreAndNormalize()
    {
        var pod = Make.Pod("p");
        pod.Spec.Affinity = new V1Affinity
        {
            NodeAffinity = new V1NodeAffinity
            {
                PreferredDuringSchedulingIgnoredDuringExecution =
                [
                    new V1PreferredSchedulingTerm { Weight = 10, Preference = new V1NodeSelectorTerm { MatchExpressions = [Req("zone", "In", "a")] } },
                    new V1PreferredSchedulingTerm { Weight = 30, Preference = new V1NodeSelectorTerm { MatchExpressions = [Req("ssd", "Exists")] } },
                ],
            },
        };
        var plugin = new NodeAffinityPlugin();
        var nodes = new[]
        {
            new NodeInfo(Make.Node("a", labels: Make.Labels("zone", "a"))),
            new NodeInfo(Make.Node("b", labels: Make.Labels("zone", "a", "ssd", "1"))),
            new NodeInfo(Make.Node("c")),
        };
        Assert.True(plugin.PreScore(new CycleState(), pod, nodes).IsSuccess);
        var scores = nodes.Select(n => new NodeScore(n.Name, plugin.Score(new CycleState(), pod, n).Score)).ToArray();
        Assert.Equal([10L, 40L, 0L], scores.Select(s => s.Score));
        plugin.NormalizeScores(new CycleState(), pod, scores);
        Assert.Equal([25L, 100L, 0L], scores.Select(s => s.Score));
        Assert.Equal(StatusCode.Skip, plugin.PreScore(new CycleState(), Make.Pod("q"), nodes).Code);
    }
}
