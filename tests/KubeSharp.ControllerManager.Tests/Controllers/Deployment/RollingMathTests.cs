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
}
