using k8s.Models;
using KubeSharp.ControllerManager.Controllers.NodeLifecycle;

namespace KubeSharp.ControllerManager.Tests.Controllers.NodeLifecycle;

public sealed class NodeTaintsTests
{
    /// <summary>Rows: condition type, status → the NoSchedule taint key it calls for ("" = none).</summary>
    [Theory]
    [InlineData("Ready", "True", "")]
    [InlineData("Ready", "False", "node.kubernetes.io/not-ready")]
    [InlineData("Ready", "Unknown", "node.kubernetes.io/unreachable")]
    [InlineData("MemoryPressure", "True", "node.kubernetes.io/memory-pressure")]
    [InlineData("MemoryPressure", "Unknown", "")]
    [InlineData("DiskPressure", "True", "node.kubernetes.io/disk-pressure")]
    [InlineData("PIDPressure", "True", "node.kubernetes.io/pid-pressure")]
    [InlineData("NetworkUnavailable", "True", "node.kubernetes.io/network-unavailable")]
    [InlineData("SomethingElse", "True", "")]
    public void Conditions_map_to_NoSchedule_taints(string type, string status, string key)
    {
        var node = new V1Node { Status = new V1NodeStatus { Conditions = [new V1NodeCondition { Type = type, Status = status }] } };
        var wanted = NodeTaints.WantedNoSchedule(node);
        if (key.Length == 0) Assert.Empty(wanted);
        else Assert.Equal([(key, "NoSchedule")], wanted.Select(t => (t.Key, t.Effect)));
    }

    [Fact]
    public void Unschedulable_taint_mirrors_the_spec_and_user_taints_stay()
    {
        var node = new V1Node
        {
            Spec = new V1NodeSpec
            {
                Unschedulable = true,
                Taints =
                [
                    new V1Taint { Key = "user/own", Effect = "NoSchedule" },
                    new V1Taint { Key = "node.kubernetes.io/not-ready", Effect = "NoSchedule" },
                ],
            },
            Status = new V1NodeStatus { Conditions = [new V1NodeCondition { Type = "Ready", Status = "True" }] },
        };
        var (add, remove) = NodeTaints.NoScheduleDiff(node);
        Assert.Equal(["node.kubernetes.io/unschedulable"], add.Select(t => t.Key));
        Assert.Equal(["node.kubernetes.io/not-ready"], remove.Select(t => t.Key));

        node.Spec.Unschedulable = false;
        node.Spec.Taints = [new V1Taint { Key = "node.kubernetes.io/unschedulable", Effect = "NoSchedule" }];
        (add, remove) = NodeTaints.NoScheduleDiff(node);
        Assert.Empty(add);
        Assert.Equal(["node.kubernetes.io/unschedulable"], remove.Select(t => t.Key));
    }

    [Fact]
    public void Swap_stamps_added_taints_keeps_existing_ones_and_reports_no_change_as_null()
    {
        var then = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var now = then.AddMinutes(5);
        IList<V1Taint> current =
        [
            new V1Taint { Key = "node.kubernetes.io/not-ready", Effect = "NoExecute", TimeAdded = then },
            new V1Taint { Key = "user/own", Effect = "NoExecute" },
        ];
        var swapped = NodeTaints.Swap(current, [NodeTaints.UnreachableNoExecute()], [NodeTaints.NotReadyNoExecute()], now)!;
        Assert.Equal([("user/own", (DateTime?)null), ("node.kubernetes.io/unreachable", now)], swapped.Select(t => (t.Key, t.TimeAdded)));

        Assert.Null(NodeTaints.Swap(swapped, [NodeTaints.UnreachableNoExecute()], [NodeTaints.NotReadyNoExecute()], now.AddMinutes(1)));
        Assert.Null(NodeTaints.Swap(null, [], [NodeTaints.NotReadyNoExecute()], now));
    }
}
