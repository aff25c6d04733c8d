using KubeSharp.Scheduler.Framework;

namespace KubeSharp.Scheduler.Tests;

public class FitErrorTests
{
    [Fact]
    public void CountsAndSortsReasonsAsUpstream()
    {
        var statuses = new Dictionary<string, Status>
        {
            ["a"] = Status.Unresolvable("node(s) didn't match Pod's node affinity/selector"),
            ["b"] = Status.Unschedulable("Insufficient cpu"),
            ["c"] = Status.Unschedulable("Insufficient cpu", "Insufficient memory"),
        };
        var e = new FitError(3, statuses) { PostFilterMessage = "preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling." };
        Assert.Equal(
            "0/3 nodes are available: 1 Insufficient memory, 1 node(s) didn't match Pod's node affinity/selector, 2 Insufficient cpu. "
            + "preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling..",
            e.Message);
    }

    [Fact]
    public void SortsCountsAsStrings()
    {
        var statuses = Enumerable.Range(0, 12).ToDictionary(i => "n" + i, i => i < 10 ? Status.Unschedulable("Insufficient cpu") : Status.Unresolvable("x"));
        Assert.Equal("0/12 nodes are available: 10 Insufficient cpu, 2 x.", new FitError(12, statuses).Message);
    }

    [Fact]
    public void PreFilterMessageReplacesHistogram()
    {
        var statuses = new Dictionary<string, Status> { ["a"] = Status.Unschedulable("ignored") };
        Assert.Equal("0/1 nodes are available: persistentvolumeclaim \"x\" not found.",
            new FitError(1, statuses, "persistentvolumeclaim \"x\" not found").Message);
    }
}
