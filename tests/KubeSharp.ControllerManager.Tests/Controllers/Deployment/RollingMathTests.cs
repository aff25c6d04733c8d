using k8s.Models;
using KubeSharp.ControllerManager.Controllers.Deployment;

namespace KubeSharp.ControllerManager.Tests.Controllers.Deployment;

public sealed class RollingMathTests
{
    internal static V1Deployment NewDeployment(int replicas, IntOrString? surge, IntOrString? unavailable, string type = "RollingUpdate") => new()
    {
        Metadata = new V1ObjectMeta { Name = "d", NamespaceProperty = "ns", Generation = 1 },
        Spec = new V1DeploymentSpec
        {
            Replicas = replicas,
            Strategy = new V1DeploymentStrategy
            {
                Type = type,
                RollingUpdate = type == "RollingUpdate" ? new V1RollingUpdateDeployment { MaxSurge = surge, MaxUnavailable = unavailable } : null,
            },
        },
        Status = new V1DeploymentStatus(),
    };

    internal static V1ReplicaSet Rs(string name, int replicas, int available = 0, int? maxReplicas = null, int createdSecond = 0)
    {
        var rs = new V1ReplicaSet
        {
            Metadata = new V1ObjectMeta
            {
                Name = name,
                Uid = name,
                CreationTimestamp = new DateTime(2026, 1, 1, 0, 0, createdSecond, DateTimeKind.Utc),
                Annotations = new Dictionary<string, string>(),
            },
            Spec = new V1ReplicaSetSpec { Replicas = replicas },
            Status = new V1ReplicaSetStatus { Replicas = replicas, AvailableReplicas = available },
        };
        if (maxReplicas != null) rs.Metadata.Annotations["deployment.kubernetes.io/max-replicas"] = maxReplicas.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return rs;
    }

    [Theory]
    [InlineData("25%", 10, true, 3)]
    [InlineData("25%", 10, false, 2)]
    [InlineData("25%", 1, true, 1)]
    [InlineData("25%", 1, false, 0)]
    [InlineData("100%", 7, false, 7)]
    [InlineData("0%", 7, true, 0)]
    [InlineData("3", 10, false, 3)]
    public void Scaled_value_rounds_percentages_in_the_asked_direction(string value, int total, bool roundUp, int expected) =>
        Assert.Equal(expected, RollingMath.ScaledValue(value, total, roundUp));

    [Fact]
    public void A_non_percent_string_is_rejected() =>
        Assert.Throws<FormatException>(() => RollingMath.ScaledValue("abc", 10, true));

    [Theory]
    // surge, unavailable, replicas -> resolved surge, resolved unavailable
    [InlineData("25%", "25%", 4, 1, 1)]
    [InlineData("25%", "25%", 10, 3, 2)]
    [InlineData("0", "10%", 5, 0, 1)] // both resolve to zero: unavailable becomes 1
    [InlineData("1", "0", 3, 1, 0)]
    [InlineData("0", "50%", 3, 0, 1)]
    public void Fenceposts_resolve_surge_up_and_unavailable_down(string surge, string unavailable, int replicas, int expSurge, int expUnavailable) =>
        Assert.Equal((expSurge, expUnavailable), RollingMath.ResolveFenceposts(surge, unavailable, replicas));

    [Fact]
    public void Max_unavailable_is_capped_at_replicas_and_zero_for_recreate_or_zero_replicas()
    {
        Assert.Equal(3, RollingMath.MaxUnavailable(NewDeployment(3, 0, 5)));
        Assert.Equal(0, RollingMath.MaxUnavailable(NewDeployment(0, 1, 1)));
        Assert.Equal(0, RollingMath.MaxUnavailable(NewDeployment(3, null, null, "Recreate")));
        Assert.Equal(0, RollingMath.MaxSurge(NewDeployment(3, null, null, "Recreate")));
        Assert.Equal(2, RollingMath.MaxSurge(NewDeployment(5, "30%", 0)));
    }

    [Theory]
    // replicas, surge, old replicas, new replicas -> new size
    [InlineData(4, "1", 4, 0, 1)] // total may reach 5
    [InlineData(4, "1", 3, 1, 2)]
    [InlineData(4, "1", 4, 1, 1)] // at replicas + surge: no growth
    [InlineData(4, "100%", 4, 0, 4)] // never beyond replicas
    [InlineData(10, "25%", 10, 0, 3)]
    public void New_replica_set_grows_within_max_surge(int replicas, string surge, int old, int current, int expected)
    {
        var d = NewDeployment(replicas, surge, 0);
        var newRs = Rs("new", current);
        Assert.Equal(expected, RollingMath.NewRSNewReplicas(d, [Rs("old", old), newRs], newRs));
    }

    [Fact]
    public void Recreate_goes_straight_to_replicas()
    {
        var d = NewDeployment(5, null, null, "Recreate");
        var newRs = Rs("new", 0);
        Assert.Equal(5, RollingMath.NewRSNewReplicas(d, [Rs("old", 5), newRs], newRs));
    }

    [Theory]
    // spec.replicas, status.availableReplicas, budget -> replicas removed
    [InlineData(4, 2, 3, 2)] // the two unavailable ones
    [InlineData(4, 1, 2, 2)] // capped by the budget
    [InlineData(4, 4, 3, 0)] // all available: nothing to clean up
    [InlineData(0, 0, 3, 0)] // already at zero
    [InlineData(4, 0, 0, 0)] // no budget left
    public void Cleanup_removes_unavailable_replicas_of_an_old_replica_set_within_the_budget(int replicas, int available, int budget, int expected) =>
        Assert.Equal(expected, RollingMath.UnhealthyToCleanUp(Rs("old", replicas, available), budget));

    [Fact]
    public void Cleanup_never_scales_an_old_replica_set_up_when_its_status_lags_a_scale_down()
    {
        // Scaled down from 5 to 4 a moment ago; the ReplicaSet controller still reports 5 available pods. Without
        // the check the "cleanup" would set spec.replicas to 5 again (4 - (4 - 5)).
        var old = Rs("old", 4, available: 5);

        var e = Assert.Throws<InvalidOperationException>(() => RollingMath.UnhealthyToCleanUp(old, 2));
        Assert.Contains("invalid request to scale down", e.Message, StringComparison.Ordinal);
        Assert.Contains("4 -> 5", e.Message, StringComparison.Ordinal);
    }
}
