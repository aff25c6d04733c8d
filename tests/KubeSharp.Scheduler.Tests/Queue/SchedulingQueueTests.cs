using k8s.Models;
using KubeSharp.Scheduler.Queue;
using Microsoft.Extensions.Time.Testing;

namespace KubeSharp.Scheduler.Tests.Queue;

public class SchedulingQueueTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private SchedulingQueue NewQueue() => new(_time, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));

    private static V1Pod Pod(string name, int priority = 0, int createdSecond = 0)
    {
        var p = Make.Pod(name, priority: priority);
        p.Metadata.CreationTimestamp = new DateTime(2026, 1, 1, 0, 0, createdSecond, DateTimeKind.Utc);
        return p;
    }

    private static async Task<string> PopName(SchedulingQueue q)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        return (await q.PopAsync(cts.Token)).Pod.Metadata.Name;
    }

    [Fact]
    public async Task ActiveOrdersByPriorityThenCreationThenFifo()
    {
        var q = NewQueue();
        q.Add(Pod("late-low", 0, 5));
        q.Add(Pod("early-low", 0, 1));
        q.Add(Pod("high", 100, 9));
        q.Add(Pod("early-low-2", 0, 1));
        Assert.Equal("high", await PopName(q));
        Assert.Equal("early-low", await PopName(q));
        Assert.Equal("early-low-2", await PopName(q));
        Assert.Equal("late-low", await PopName(q));
    }

    [Fact]
    public async Task PopWaitsForAnAdd()
    {
        var q = NewQueue();
        var pop = PopName(q);
        Assert.False(pop.IsCompleted);
        q.Add(Pod("p"));
        Assert.Equal("p", await pop);
    }

    [Fact]
    public async Task UnschedulableWaitsForAClusterEventNotATimer()
    {
        var q = NewQueue();
        q.Add(Pod("p"));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var info = await q.PopAsync(cts.Token);
        info.UnschedulablePlugins.Add("NodeResourcesFit");
        q.AddUnschedulable(info, q.SchedulingCycle);
        _time.Advance(TimeSpan.FromMinutes(1));
        q.FlushBackoffCompleted();
        Assert.Equal((0, 0, 1), q.Counts);
        q.MoveAllToActiveOrBackoff();
        Assert.Equal((1, 0, 0), q.Counts);
    }

    [Fact]
    public async Task MovedPodStillInBackoffWaitsForIt()
    {
        var q = NewQueue();
        q.Add(Pod("p"));
        var info = await q.PopAsync(CancellationToken.None);
        info.UnschedulablePlugins.Add("NodeAffinity");
        q.AddUnschedulable(info, q.SchedulingCycle);
        q.MoveAllToActiveOrBackoff();
        Assert.Equal((0, 1, 0), q.Counts);
        _time.Advance(TimeSpan.FromMilliseconds(999));
        q.FlushBackoffCompleted();
        Assert.Equal((0, 1, 0), q.Counts);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        q.FlushBackoffCompleted();
        Assert.Equal((1, 0, 0), q.Counts);
    }

    [Fact]
    public async Task MoveDuringAttemptSendsPodToBackoffNotUnschedulable()
    {
        var q = NewQueue();
        q.Add(Pod("p"));
        var info = await q.PopAsync(CancellationToken.None);
        var cycle = q.SchedulingCycle;
        q.MoveAllToActiveOrBackoff(); // e.g. a node was added while the pod was being filtered
        info.UnschedulablePlugins.Add("NodeResourcesFit");
        q.AddUnschedulable(info, cycle);
        Assert.Equal((0, 1, 0), q.Counts);
    }

    [Fact]
    public async Task ErrorsBackOffExponentiallyUpToTheCap()
    {
        var q = NewQueue();
        q.Add(Pod("p"));
        var expected = new[] { 1, 2, 4, 8, 10, 10 };
        foreach (var seconds in expected)
        {
            var info = await q.PopAsync(CancellationToken.None);
            q.AddUnschedulable(info, q.SchedulingCycle); // no plugins: an error
            Assert.Equal(_time.GetUtcNow() + TimeSpan.FromSeconds(seconds), q.BackoffExpiry(info));
            _time.Advance(TimeSpan.FromSeconds(seconds));
            q.FlushBackoffCompleted();
            Assert.Equal((1, 0, 0), q.Counts);
        }
    }

    [Fact]
    public async Task DeleteRemovesFromEveryPlace()
    {
        var q = NewQueue();
        var a = Pod("a");
        q.Add(a);
        q.Delete(a);
        q.Add(Pod("b"));
        Assert.Equal("b", await PopName(q));
        Assert.Equal((0, 0, 0), q.Counts);
    }

    [Fact]
    public async Task SpecUpdateMovesUnschedulablePodStatusUpdateDoesNot()
    {
        var q = NewQueue();
        var pod = Pod("p");
        q.Add(pod);
        var info = await q.PopAsync(CancellationToken.None);
        info.UnschedulablePlugins.Add("NodeAffinity");
        q.AddUnschedulable(info, q.SchedulingCycle);
        var statusOnly = KubeSharp.Client.KubeObjects.DeepCopy(pod);
        statusOnly.Status = new V1PodStatus { Phase = "Pending" };
        q.Update(pod, statusOnly);
        Assert.Equal((0, 0, 1), q.Counts);
        var specChange = KubeSharp.Client.KubeObjects.DeepCopy(pod);
        specChange.Spec.NodeSelector = new Dictionary<string, string> { ["zone"] = "a" };
        _time.Advance(TimeSpan.FromSeconds(2));
        q.Update(pod, specChange);
        Assert.Equal((1, 0, 0), q.Counts);
    }

    [Fact]
    public async Task LeftoverUnschedulablePodsAreRetriedAfterFiveMinutes()
    {
        var q = NewQueue();
        q.Add(Pod("p"));
        var info = await q.PopAsync(CancellationToken.None);
        info.UnschedulablePlugins.Add("NodeAffinity");
        q.AddUnschedulable(info, q.SchedulingCycle);
        _time.Advance(TimeSpan.FromMinutes(5));
        q.FlushUnschedulableLeftover(TimeSpan.FromMinutes(5));
        Assert.Equal((0, 0, 1), q.Counts);
        _time.Advance(TimeSpan.FromSeconds(1));
        q.FlushUnschedulableLeftover(TimeSpan.FromMinutes(5));
        Assert.Equal((1, 0, 0), q.Counts);
    }

    [Fact]
    public async Task AFilteredMoveConcernsOnlyThePodsItNames()
    {
        var q = NewQueue();
        q.Add(Pod("affinity"));
        q.Add(Pod("resources"));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var a = await q.PopAsync(cts.Token);
        var r = await q.PopAsync(cts.Token);
        var cycle = q.SchedulingCycle;
        // Both attempts are in flight when a pod-placement event arrives.
        static bool Affected(QueuedPodInfo i) => i.UnschedulablePlugins.Contains("InterPodAffinity");
        q.MoveToActiveOrBackoff(Affected);
        a.UnschedulablePlugins.Add("InterPodAffinity");
        r.UnschedulablePlugins.Add("NodeResourcesFit");
        q.AddUnschedulable(a, cycle);
        q.AddUnschedulable(r, cycle);
        // The event may have helped the affinity pod (back-off), not the one short of cpu (unschedulable).
        Assert.Equal((0, 1, 1), q.Counts);
        q.Add(Pod("other"));
        var o = await q.PopAsync(cts.Token);
        o.UnschedulablePlugins.Add("PodTopologySpread");
        q.AddUnschedulable(o, q.SchedulingCycle);
        q.MoveToActiveOrBackoff(Affected);
        Assert.Equal((0, 1, 2), q.Counts);
        q.MoveToActiveOrBackoff(i => i.UnschedulablePlugins.Contains("PodTopologySpread"));
        Assert.Equal((0, 2, 1), q.Counts);
    }
}
