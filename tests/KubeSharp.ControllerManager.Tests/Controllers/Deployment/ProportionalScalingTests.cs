using KubeSharp.ControllerManager.Controllers.Deployment;
using static KubeSharp.ControllerManager.Tests.Controllers.Deployment.RollingMathTests;

namespace KubeSharp.ControllerManager.Tests.Controllers.Deployment;

public sealed class ProportionalScalingTests
{
    private static Dictionary<string, int> Sizes((List<(k8s.Models.V1ReplicaSet Rs, int Size)> Sizes, string Operation) plan) =>
        plan.Sizes.ToDictionary(s => s.Rs.Metadata.Name, s => s.Size);

    [Fact]
    public void Scale_up_mid_rollout_keeps_each_replica_set_share()
    {
        // 10 replicas + surge 3 were split 8 old / 5 new; scaled to 20 the total becomes 23.
        var d = NewDeployment(20, 3, 0);
        var plan = ProportionalScaling.Plan(d, [Rs("old", 8, maxReplicas: 13, createdSecond: 1), Rs("new", 5, maxReplicas: 13, createdSecond: 2)], 13);
        Assert.Equal("up", plan.Operation);
        Assert.Equal(new Dictionary<string, int> { ["old"] = 14, ["new"] = 9 }, Sizes(plan));
        Assert.Equal("old", plan.Sizes[0].Rs.Metadata.Name); // largest first
    }

    [Fact]
    public void Scale_down_mid_rollout_removes_proportionally()
    {
        var d = NewDeployment(5, 3, 0);
        var plan = ProportionalScaling.Plan(d, [Rs("old", 8, maxReplicas: 13, createdSecond: 1), Rs("new", 5, maxReplicas: 13, createdSecond: 2)], 13);
        Assert.Equal("down", plan.Operation);
        Assert.Equal(new Dictionary<string, int> { ["old"] = 5, ["new"] = 3 }, Sizes(plan));
    }

    [Fact]
    public void Rounding_leftovers_go_to_the_first_replica_set_newest_first_on_ties_when_scaling_up()
    {
        var d = NewDeployment(4, 0, 1);
        var plan = ProportionalScaling.Plan(d,
            [Rs("a", 1, maxReplicas: 3, createdSecond: 1), Rs("b", 1, maxReplicas: 3, createdSecond: 2), Rs("c", 1, maxReplicas: 3, createdSecond: 3)], 3);
        Assert.Equal(["c", "b", "a"], plan.Sizes.Select(s => s.Rs.Metadata.Name));
        Assert.Equal(new Dictionary<string, int> { ["a"] = 1, ["b"] = 1, ["c"] = 2 }, Sizes(plan));
    }

    [Fact]
    public void Ties_scale_down_oldest_first()
    {
        var d = NewDeployment(2, 0, 1);
        var plan = ProportionalScaling.Plan(d,
            [Rs("a", 1, maxReplicas: 3, createdSecond: 1), Rs("b", 1, maxReplicas: 3, createdSecond: 2), Rs("c", 1, maxReplicas: 3, createdSecond: 3)], 3);
        Assert.Equal(["a", "b", "c"], plan.Sizes.Select(s => s.Rs.Metadata.Name));
        Assert.Equal(new Dictionary<string, int> { ["a"] = 0, ["b"] = 1, ["c"] = 1 }, Sizes(plan));
    }

    [Fact]
    public void Scaling_to_zero_empties_every_replica_set()
    {
        var d = NewDeployment(0, 3, 0);
        var plan = ProportionalScaling.Plan(d, [Rs("old", 8, maxReplicas: 13), Rs("new", 5, maxReplicas: 13, createdSecond: 1)], 13);
        Assert.All(plan.Sizes, s => Assert.Equal(0, s.Size));
    }

    [Fact]
    public void Without_the_annotation_status_replicas_is_the_base()
    {
        // 6 old + 2 new = 8 reported; scaled to 16 (surge 0): each doubles.
        var d = NewDeployment(16, 0, 1);
        var plan = ProportionalScaling.Plan(d, [Rs("old", 6, createdSecond: 1), Rs("new", 2, createdSecond: 2)], 8);
        Assert.Equal(new Dictionary<string, int> { ["old"] = 12, ["new"] = 4 }, Sizes(plan));
    }
}
