using k8s.Models;
using KubeSharp.ControllerManager.Controllers.Disruption;
using static KubeSharp.ControllerManager.Tests.Controllers.Disruption.DisruptionFixtures;

namespace KubeSharp.ControllerManager.Tests.Controllers.Disruption;

public sealed class BudgetStatusTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Rows: currentHealthy, desiredHealthy, expected → disruptionsAllowed, condition status and reason.</summary>
    [Theory]
    [InlineData(3, 2, 3, 1, "True", "SufficientPods")]
    [InlineData(5, 2, 5, 3, "True", "SufficientPods")]
    [InlineData(2, 2, 3, 0, "False", "InsufficientPods")]
    [InlineData(1, 2, 3, 0, "False", "InsufficientPods")]    // never negative
    [InlineData(2, 0, 0, 0, "False", "InsufficientPods")]    // nothing expected yet: no disruptions
    public void Disruptions_allowed_and_condition(int healthy, int desired, int expected, int allowed, string status, string reason)
    {
        var pdb = Pdb(minAvailable: "1", generation: 4);
        var next = BudgetStatus.Desired(pdb, healthy, desired, expected, [], Now)!;
        Assert.Equal((healthy, desired, expected, allowed, 4L), (next.CurrentHealthy, next.DesiredHealthy, next.ExpectedPods, next.DisruptionsAllowed, next.ObservedGeneration));
        var condition = Assert.Single(next.Conditions);
        Assert.Equal(("DisruptionAllowed", status, reason, "", 4L), (condition.Type, condition.Status, condition.Reason, condition.Message, condition.ObservedGeneration));
        Assert.Equal(Now.UtcDateTime, condition.LastTransitionTime);
    }

    [Fact]
    public void An_up_to_date_status_is_not_rewritten_and_the_transition_time_moves_only_with_the_status()
    {
        var pdb = Pdb(minAvailable: "1");
        pdb.Status = BudgetStatus.Desired(pdb, 3, 1, 3, [], Now)!;
        Assert.Null(BudgetStatus.Desired(pdb, 3, 1, 3, [], Now.AddMinutes(1)));

        var fewer = BudgetStatus.Desired(pdb, 2, 1, 3, [], Now.AddMinutes(2))!;
        Assert.Equal(Now.UtcDateTime, Assert.Single(fewer.Conditions).LastTransitionTime);
        pdb.Status = fewer;
        var none = BudgetStatus.Desired(pdb, 1, 1, 3, [], Now.AddMinutes(3))!;
        Assert.Equal(("False", Now.AddMinutes(3).UtcDateTime), (none.Conditions[0].Status, none.Conditions[0].LastTransitionTime));
    }

    [Fact]
    public void A_new_generation_is_observed_even_when_the_numbers_stay()
    {
        var pdb = Pdb(minAvailable: "1", generation: 1);
        pdb.Status = BudgetStatus.Desired(pdb, 3, 1, 3, [], Now)!;
        pdb.Metadata.Generation = 2;
        var next = BudgetStatus.Desired(pdb, 3, 1, 3, [], Now)!;
        Assert.Equal((2L, 2L), (next.ObservedGeneration, next.Conditions[0].ObservedGeneration));
    }

    [Fact]
    public void Disrupted_pods_within_the_timeout_are_kept_and_do_not_count_as_healthy()
    {
        var pdb = Pdb(minAvailable: "1");
        pdb.Status = new V1PodDisruptionBudgetStatus
        {
            DisruptedPods = new Dictionary<string, DateTime?>
            {
                ["recent"] = Now.AddSeconds(-30).UtcDateTime,
                ["expired"] = Now.AddMinutes(-3).UtcDateTime,
                ["gone"] = Now.AddSeconds(-10).UtcDateTime,
                ["deleting"] = Now.AddSeconds(-10).UtcDateTime,
            },
        };
        V1Pod[] pods = [Pod("recent"), Pod("expired"), Pod("deleting", deleting: true), Pod("other")];
        var (disrupted, recheck, notDeleted) = BudgetStatus.DisruptedPods(pdb, pods, Now);
        Assert.Equal(["recent"], disrupted.Keys);
        Assert.Equal(Now.AddSeconds(90), recheck);
        Assert.Equal(["expired"], notDeleted.Select(p => p.Metadata.Name));
        // recent: admitted for eviction; deleting: being deleted; expired and other: Ready and counted.
        Assert.Equal(2, BudgetStatus.CountHealthy(pods, disrupted, Now));
    }

    [Fact]
    public void Unready_pods_are_not_healthy()
    {
        Assert.Equal(1, BudgetStatus.CountHealthy([Pod("a"), Pod("b", ready: false)], new Dictionary<string, DateTime>(), Now));
    }

    [Fact]
    public void Fail_safe_allows_no_disruptions_and_says_why()
    {
        var pdb = Pdb(minAvailable: "50%");
        pdb.Status = BudgetStatus.Desired(pdb, 3, 1, 3, [], Now)!;
        var safe = BudgetStatus.FailSafe(pdb, "found no controllers for pod \"x\"", Now.AddMinutes(1));
        Assert.Equal(0, safe.DisruptionsAllowed);
        var condition = Assert.Single(safe.Conditions);
        Assert.Equal(("False", "SyncFailed", "found no controllers for pod \"x\""), (condition.Status, condition.Reason, condition.Message));
        Assert.Equal(Now.AddMinutes(1).UtcDateTime, condition.LastTransitionTime);
        Assert.Equal(3, safe.CurrentHealthy);
    }
}
