using k8s.Models;
using KubeSharp.ControllerManager.Controllers.Disruption;
using static KubeSharp.ControllerManager.Tests.Controllers.Disruption.DisruptionFixtures;

namespace KubeSharp.ControllerManager.Tests.Controllers.Disruption;

public sealed class ExpectedPodsCalculatorTests
{
    /// <summary>
    /// Rows: minAvailable, maxUnavailable, matching pods (all of controller "rs"), rs replicas → expected, desired.
    /// </summary>
    [Theory]
    [InlineData("2", null, 3, 5, 3, 2)]       // an integer minAvailable counts the matching pods, not the scale
    [InlineData("50%", null, 3, 5, 5, 3)]     // 50% of 5 rounds up to 3
    [InlineData("100%", null, 2, 4, 4, 4)]
    [InlineData("0%", null, 2, 4, 4, 0)]
    [InlineData(null, "1", 3, 5, 5, 4)]       // an integer maxUnavailable is still taken of the scale
    [InlineData(null, "30%", 4, 4, 4, 2)]     // 30% of 4 = 1.2 → 2 may be unavailable, 2 desired
    [InlineData(null, "10", 3, 3, 3, 0)]      // desired never goes below 0
    [InlineData(null, null, 3, 3, 0, 0)]      // neither set: nothing expected or required
    public void Rows(string? minAvailable, string? maxUnavailable, int pods, int replicas, int expected, int desired)
    {
        var result = ExpectedPodsCalculator.Compute(Pdb(minAvailable, maxUnavailable), Pods(pods, "rs"), new Scales(("rs", replicas)));
        Assert.Null(result.Error);
        Assert.Equal((expected, desired), (result.Expected, result.DesiredHealthy));
    }

    [Fact]
    public void Each_controller_counts_once_and_several_controllers_add_up()
    {
        V1Pod[] pods = [Pod("a1", owner: "a"), Pod("a2", owner: "a"), Pod("b1", owner: "b", ownerKind: "ReplicationController")];
        var result = ExpectedPodsCalculator.Compute(Pdb(minAvailable: "50%"), pods, new Scales(("a", 4), ("b", 2)));
        Assert.Equal((6, 3), (result.Expected, result.DesiredHealthy));
    }

    [Fact]
    public void Pods_without_a_controller_are_reported_and_not_counted()
    {
        V1Pod[] pods = [Pod("managed", owner: "a"), Pod("bare")];
        var result = ExpectedPodsCalculator.Compute(Pdb(maxUnavailable: "1"), pods, new Scales(("a", 3)));
        Assert.Null(result.Error);
        Assert.Equal(["bare"], result.UnmanagedPods);
        Assert.Equal((3, 2), (result.Expected, result.DesiredHealthy));
    }

    [Fact]
    public void Integer_min_available_needs_no_controllers()
    {
        var result = ExpectedPodsCalculator.Compute(Pdb(minAvailable: "1"), [Pod("bare"), Pod("x", owner: "unknown")], new Scales());
        Assert.Null(result.Error);
        Assert.Empty(result.UnmanagedPods);
        Assert.Equal((2, 1), (result.Expected, result.DesiredHealthy));
    }

    [Fact]
    public void A_controller_no_finder_knows_is_an_error()
    {
        var result = ExpectedPodsCalculator.Compute(Pdb(minAvailable: "50%"), [Pod("job-pod", owner: "j", ownerKind: "Job")], new Scales());
        Assert.Equal("found no controllers for pod \"job-pod\"", result.Error);
    }

    [Fact]
    public void A_non_percentage_string_is_an_error()
    {
        var result = ExpectedPodsCalculator.Compute(Pdb(maxUnavailable: "half"), Pods(2, "rs"), new Scales(("rs", 2)));
        Assert.NotNull(result.Error);
    }
}
