using k8s.Models;
using KubeSharp.ControllerManager.Controllers.TaintEviction;

namespace KubeSharp.ControllerManager.Tests.Controllers.TaintEviction;

public sealed class TolerationsTests
{
    private static readonly V1Taint Unreachable = new() { Key = "node.kubernetes.io/unreachable", Effect = "NoExecute" };
    private static readonly V1Taint Dedicated = new() { Key = "dedicated", Value = "gpu", Effect = "NoExecute" };

    /// <summary>Rows: toleration key, operator, value, effect → tolerates the "dedicated=gpu:NoExecute" taint.</summary>
    [Theory]
    [InlineData("dedicated", "Equal", "gpu", "NoExecute", true)]
    [InlineData("dedicated", null, "gpu", "NoExecute", true)] // Equal is the default operator
    [InlineData("dedicated", "Equal", "cpu", "NoExecute", false)]
    [InlineData("dedicated", "Exists", null, "NoExecute", true)]
    [InlineData("dedicated", "Exists", null, null, true)] // empty effect: every effect
    [InlineData("dedicated", "Exists", null, "NoSchedule", false)]
    [InlineData(null, "Exists", null, null, true)] // tolerates everything
    [InlineData(null, "Equal", "gpu", "NoExecute", false)] // an empty key needs Exists
    [InlineData("other", "Exists", null, "NoExecute", false)]
    public void Toleration_matching(string? key, string? op, string? value, string? effect, bool tolerated)
    {
        var toleration = new V1Toleration { Key = key, OperatorProperty = op, Value = value, Effect = effect };
        Assert.Equal(tolerated, Tolerations.Tolerates(toleration, Dedicated));
    }

    /// <summary>Rows: seconds of the unreachable and dedicated tolerations (-1 = no toleration, null = forever) → min time.</summary>
    [Theory]
    [InlineData(300L, 10L, true, 10.0)]
    [InlineData(300L, null, true, 300.0)] // forever does not count
    [InlineData(null, null, true, null)] // all forever: never evicted
    [InlineData(-5L, null, true, 0.0)] // negative: at once
    [InlineData(300L, -1L, false, null)] // a taint not tolerated
    public void Every_taint_must_be_tolerated_and_the_shortest_seconds_win(long? unreachableSeconds, long? dedicatedSeconds, bool all, double? expected)
    {
        var tolerations = new List<V1Toleration>
        {
            new() { Key = Unreachable.Key, OperatorProperty = "Exists", Effect = "NoExecute", TolerationSeconds = unreachableSeconds },
        };
        if (dedicatedSeconds != -1)
        {
            tolerations.Add(new V1Toleration { Key = "dedicated", OperatorProperty = "Exists", TolerationSeconds = dedicatedSeconds });
        }
        var (allTolerated, used) = Tolerations.Match([Unreachable, Dedicated], tolerations);
        Assert.Equal(all, allTolerated);
        if (!all) return;
        Assert.Equal(expected, Tolerations.MinTolerationTime(used)?.TotalSeconds);
    }
}
