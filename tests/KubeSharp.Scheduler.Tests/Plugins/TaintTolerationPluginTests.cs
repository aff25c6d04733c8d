using k8s.Models;
using KubeSharp.Scheduler.Cache;
using KubeSharp.Scheduler.Framework;
using KubeSharp.Scheduler.Plugins.TaintToleration;

namespace KubeSharp.Scheduler.Tests.Plugins;

public class TaintTolerationPluginTests
{
    private static V1Toleration Tol(string? key, string? op, string? value, string? effect) =>
        new() { Key = key, OperatorProperty = op, Value = value, Effect = effect };

    public static TheoryData<string, string, V1Toleration[], string?> FilterCases => new()
    {
        { "untainted node fits", "", [], null },
        { "NoSchedule repels", "NoSchedule", [], "node(s) had untolerated taint {dedicated: gpu}" },
        { "NoExecute repels", "NoExecute", [], "node(s) had untolerated taint {dedicated: gpu}" },
        { "PreferNoSchedule does not filter", "PreferNoSchedule", [], null },
        { "Equal toleration", "NoSchedule", [Tol("dedicated", "Equal", "gpu", "NoSchedule")], null },
        { "Equal with other value", "NoSchedule", [Tol("dedicated", "Equal", "cpu", "NoSchedule")], "node(s) had untolerated taint {dedicated: gpu}" },
        { "Exists toleration", "NoSchedule", [Tol("dedicated", "Exists", null, null)], null },
        { "empty key Exists tolerates all", "NoExecute", [Tol(null, "Exists", null, null)], null },
        { "wrong effect", "NoExecute", [Tol("dedicated", "Equal", "gpu", "NoSchedule")], "node(s) had untolerated taint {dedicated: gpu}" },
        { "default operator is Equal", "NoSchedule", [Tol("dedicated", null, "gpu", null)], null },
    };

    [Theory]
    [MemberData(nameof(FilterCases))]
    public void Filter(string name, string effect, V1Toleration[] tolerations, string? reason)
    {
        var node = new NodeInfo(Make.Node("n", taints: effect == "" ? null : [Make.Taint("dedicated", "gpu", effect)]));
        var status = new TaintTolerationPlugin().Filter(new CycleState(), Make.Pod("p", tolerations: tolerations), node);
        if (reason == null)
        {
            Assert.True(status.IsSuccess, name);
        }
        else
        {
            Assert.Equal(StatusCode.UnschedulableAndUnresolvable, status.Code);
            Assert.Equal([reason], status.Reasons);
        }
    }

    [Fact]
    public void PreferNoScheduleScoresReversed()
    {
        var plugin = new TaintTolerationPlugin();
        var pod = Make.Pod("p", tolerations: [Tol("b", "Exists", null, "PreferNoSchedule")]);
        var nodes = new[]
        {
            new NodeInfo(Make.Node("clean")),
            new NodeInfo(Make.Node("two", taints: [Make.Taint("a", "1", "PreferNoSchedule"), Make.Taint("c", "1", "PreferNoSchedule")])),
            new NodeInfo(Make.Node("tolerated", taints: [Make.Taint("b", "1", "PreferNoSchedule")])),
            new NodeInfo(Make.Node("one", taints: [Make.Taint("a", "1", "PreferNoSchedule")])),
        };
        var scores = nodes.Select(n => new NodeScore(n.Name, plugin.Score(new CycleState(), pod, n).Score)).ToArray();
        plugin.NormalizeScores(new CycleState(), pod, scores);
        Assert.Equal([100L, 0L, 100L, 50L], scores.Select(s => s.Score));
    }
}
