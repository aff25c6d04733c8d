using k8s.Models;
using KubeSharp.ControllerManager.Controllers.NodeLifecycle;

namespace KubeSharp.ControllerManager.Tests.Controllers.NodeLifecycle;

public sealed class DisruptionPolicyTests
{
    private static DisruptionPolicy Policy(int largeCluster = 50) => new(0.1, 0.01, 0.55, largeCluster);

    /// <summary>Rows: ready, not ready (False), unknown, no condition → state (upstream's ComputeZoneState).</summary>
    [Theory]
    [InlineData(3, 0, 0, 0, "Normal")]
    [InlineData(0, 1, 0, 0, "FullDisruption")]
    [InlineData(0, 0, 0, 1, "FullDisruption")] // a node that never posted counts as not ready
    [InlineData(1, 1, 1, 0, "Normal")] // two not ready: never partial, however small the zone
    [InlineData(2, 2, 1, 0, "PartialDisruption")] // 3 of 5 = 0.6 >= 0.55
    [InlineData(3, 3, 0, 0, "Normal")] // 0.5 < 0.55
    [InlineData(9, 11, 0, 0, "PartialDisruption")] // exactly 0.55
    public void Zone_state_follows_the_not_ready_fraction(int ready, int notReady, int unknown, int missing, string expected)
    {
        var (count, state) = Policy().ComputeZoneState(Conditions(ready, notReady, unknown, missing));
        Assert.Equal(expected, state.ToString());
        Assert.Equal(notReady + unknown + missing, count);
    }

    /// <summary>Rows: zone size, large-cluster threshold → rate of a partially disrupted zone.</summary>
    [Theory]
    [InlineData(10, 50, 0.0)] // small zone: stop
    [InlineData(51, 50, 0.01)] // large zone: the secondary rate
    [InlineData(6, 5, 0.01)]
    public void Partially_disrupted_zone_slows_down_or_stops_by_size(int size, int threshold, double rate)
    {
        var policy = Policy(threshold);
        var notReady = (int)Math.Ceiling(size * 0.6);
        Assert.Equal(0.1, policy.Update(Zones(("a", 2, 0))).Rates["a"]);
        var plan = policy.Update(Zones(("a", size - notReady, notReady)));
        Assert.Equal(rate, plan.Rates["a"]);
        Assert.Equal(ZoneState.PartialDisruption, policy.States["a"]);
    }

    [Fact]
    public void First_pass_sets_every_zone_and_unchanged_zones_are_left_alone()
    {
        var policy = Policy();
        var first = policy.Update(Zones(("a", 2, 0), ("b", 1, 1)));
        Assert.Equal(new Dictionary<string, double> { ["a"] = 0.1, ["b"] = 0.1 }, first.Rates);
        Assert.False(first.UntaintAll);
        Assert.False(first.ResetProbes);
        Assert.Empty(policy.Update(Zones(("a", 2, 0), ("b", 1, 1))).Rates);
    }

    [Fact]
    public void One_fully_disrupted_zone_among_healthy_ones_keeps_the_normal_rate()
    {
        var policy = Policy();
        policy.Update(Zones(("a", 2, 0), ("b", 2, 0)));
        var plan = policy.Update(Zones(("a", 2, 0), ("b", 0, 2)));
        Assert.Equal(ZoneState.FullDisruption, policy.States["b"]);
        Assert.Equal(0.1, plan.Rates["b"]);
        Assert.False(plan.UntaintAll);
    }

    [Fact]
    public void Every_zone_fully_disrupted_stops_tainting_and_untaints_then_recovery_resets_probes()
    {
        var policy = Policy();
        policy.Update(Zones(("a", 2, 0), ("b", 2, 0)));

        var down = policy.Update(Zones(("a", 0, 2), ("b", 0, 2)));
        Assert.True(down.UntaintAll);
        Assert.Equal(new Dictionary<string, double> { ["a"] = 0, ["b"] = 0 }, down.Rates);

        var still = policy.Update(Zones(("a", 0, 2), ("b", 0, 2)));
        Assert.False(still.UntaintAll);
        Assert.Empty(still.Rates);

        var up = policy.Update(Zones(("a", 1, 1), ("b", 0, 2)));
        Assert.True(up.ResetProbes);
        Assert.False(up.UntaintAll);
        Assert.Equal(new Dictionary<string, double> { ["a"] = 0.1, ["b"] = 0.1 }, up.Rates);
        Assert.Equal(ZoneState.Normal, policy.States["a"]);
        Assert.Equal(ZoneState.FullDisruption, policy.States["b"]);
    }

    [Fact]
    public void Zones_without_nodes_are_forgotten()
    {
        var policy = Policy();
        policy.Update(Zones(("a", 1, 0), ("b", 1, 0)));
        policy.Update(Zones(("a", 1, 0)));
        Assert.False(policy.States.ContainsKey("b"));
    }

    private static Dictionary<string, List<V1NodeCondition?>> Zones(params (string Zone, int Ready, int NotReady)[] zones) =>
        zones.ToDictionary(z => z.Zone, z => Conditions(z.Ready, z.NotReady, 0, 0));

    private static List<V1NodeCondition?> Conditions(int ready, int notReady, int unknown, int missing)
    {
        var list = new List<V1NodeCondition?>();
        for (var i = 0; i < ready; i++) list.Add(new V1NodeCondition { Type = "Ready", Status = "True" });
        for (var i = 0; i < notReady; i++) list.Add(new V1NodeCondition { Type = "Ready", Status = "False" });
        for (var i = 0; i < unknown; i++) list.Add(new V1NodeCondition { Type = "Ready", Status = "Unknown" });
        for (var i = 0; i < missing; i++) list.Add(null);
        return list;
    }
}
