using k8s.Models;
using KubeSharp.Client.Events;
using KubeSharp.Scheduler.Cache;
using KubeSharp.Scheduler.Framework;
using KubeSharp.Scheduler.Plugins;
using KubeSharp.Scheduler.Queue;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace KubeSharp.Scheduler.Tests;

/// <summary>The scheduling loop without a server: fake binder, recorder and status writer, fake clock.</summary>
public class SchedulerTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly SchedulerCache _cache = new();
    private readonly SchedulingQueue _queue;
    private readonly FakeBinder _binder = new();
    private readonly FakeEventRecorder _events = new();
    private readonly FakeConditionWriter _conditions = new();
    private readonly FakePreemptor _preemptor = new();
    private readonly Dictionary<string, V1Pod> _pods = new();
    private readonly Scheduler _scheduler;

    public SchedulerTests()
    {
        _queue = new SchedulingQueue(_time, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
        var framework = new SchedulingFramework(DefaultPlugins.Profile("default-scheduler"), DefaultPlugins.Registry(),
            new PluginHandle(_binder, _time, _preemptor));
        _scheduler = new Scheduler(framework, _cache, _queue, p => _pods.GetValueOrDefault(p.Metadata.Name), _events, _conditions,
            NullLogger.Instance, 4, seed: 1);
    }

    private V1Pod Pending(V1Pod pod)
    {
        _pods[pod.Metadata.Name] = pod;
        _queue.Add(pod);
        return pod;
    }

    private async Task ScheduleNextAsync() => await _scheduler.ScheduleOneAsync(await _queue.PopAsync(CancellationToken.None), CancellationToken.None);

    [Fact]
    public async Task AnAssumedPodCountsBeforeItsBindingCompletes()
    {
        _cache.AddNode(Make.Node("n1", cpu: "1"));
        _cache.AddNode(Make.Node("n2", cpu: "1"));
        Pending(Make.Pod("a", "1"));
        Pending(Make.Pod("b", "1"));
        await ScheduleNextAsync();
        await ScheduleNextAsync();
        await WaitFor(() => _binder.Count == 2);
        // Neither binding has answered, yet the second pod avoided the first one's node.
        Assert.NotEqual(_binder.Call(0).Node, _binder.Call(1).Node);
        _binder.Call(0).Result.SetResult(Status.Success);
        await WaitFor(() => _events.Events.Count == 1);
        // Bindings run in the background, so the first call recorded may be either pod's.
        Assert.Equal($"Normal Scheduled Successfully assigned default/{_binder.Call(0).Pod} to {_binder.Call(0).Node}", _events.Events[0]);
    }

    [Fact]
    public async Task AFailedBindingForgetsTheAssumptionAndBacksOff()
    {
        _cache.AddNode(Make.Node("n1", cpu: "1"));
        Pending(Make.Pod("a", "1"));
        await ScheduleNextAsync();
        await WaitFor(() => _binder.Count == 1);
        Assert.Equal(1000, _cache.Snapshot()[0].Requested.MilliCpu);
        _binder.Call(0).Result.SetResult(Status.Error("pod a is already assigned to node \"n9\""));
        await WaitFor(() => _queue.Counts.Backoff == 1);
        Assert.Equal(0, _cache.Snapshot()[0].Requested.MilliCpu);
        Assert.Equal("Warning FailedScheduling running Bind plugin \"DefaultBinder\": pod a is already assigned to node \"n9\"", Assert.Single(_events.Events));
        Assert.Equal("a False SchedulerError running Bind plugin \"DefaultBinder\": pod a is already assigned to node \"n9\"", Assert.Single(_conditions.Writes));
        _time.Advance(TimeSpan.FromSeconds(1));
        _queue.FlushBackoffCompleted();
        await ScheduleNextAsync();
        await WaitFor(() => _binder.Count == 2);
        Assert.Equal("n1", _binder.Call(1).Node);
    }

    [Fact]
    public async Task NoNodesIsAnErrorThatBacksOff()
    {
        Pending(Make.Pod("a"));
        await ScheduleNextAsync();
        Assert.Equal("Warning FailedScheduling no nodes available to schedule pods", Assert.Single(_events.Events));
        Assert.Equal((0, 1, 0), _queue.Counts);
    }

    public static TheoryData<string, int, string, string> PreemptionCases => new()
    {
        { "no lower-priority pods", 0, "1", "0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.." },
        { "victims would not free enough", 10, "3", "0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 Insufficient cpu.." },
        // Preemption succeeded: as upstream, the message has no preemption part.
        { "victims would free enough", 10, "1", "0/1 nodes are available: 1 Insufficient cpu." },
    };

    [Theory]
    [MemberData(nameof(PreemptionCases))]
    public async Task PreemptionDiagnosisFollowsUpstreamsDryRun(string name, int priority, string cpu, string expected)
    {
        _cache.AddNode(Make.Node("n1", cpu: "2"));
        var running = Make.Pod("running", "2", priority: 0);
        running.Spec.NodeName = "n1";
        _cache.AddPod(running);
        var result = await _scheduler.ScheduleAsync(Make.Pod("new", cpu, priority: priority), CancellationToken.None);
        Assert.True(expected == result.FitError?.Message, $"{name}: {result.FitError?.Message}");
    }

    [Fact]
    public async Task PreemptionPolicyNeverIsNotEligible()
    {
        _cache.AddNode(Make.Node("n1", cpu: "1"));
        var pod = Make.Pod("new", "2");
        pod.Spec.PreemptionPolicy = "Never";
        Assert.Equal("0/1 nodes are available: 1 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never..",
            (await _scheduler.ScheduleAsync(pod, CancellationToken.None)).FitError?.Message);
    }

    [Fact]
    public async Task PreemptionEvictsNominatesAndDoesNotEvictAgainWhileVictimsTerminate()
    {
        _cache.AddNode(Make.Node("n1", cpu: "2"));
        foreach (var (name, priority) in new[] { ("low", 1), ("mid", 5) })
        {
            var running = Make.Pod(name, "1", priority: priority);
            running.Spec.NodeName = "n1";
            _cache.AddPod(running);
        }
        var pod = Pending(Make.Pod("high", "1", priority: 10));
        await ScheduleNextAsync();
        Assert.Equal("low by high on n1", Assert.Single(_preemptor.Evicted));
        Assert.Equal("high False Unschedulable 0/1 nodes are available: 1 Insufficient cpu. nominated=n1", Assert.Single(_conditions.Writes));

        // The informer now shows the nomination and the victim terminating; a retry must not pick "mid" as well.
        pod.Status = new V1PodStatus { NominatedNodeName = "n1" };
        var terminating = Make.Pod("low", "1", priority: 1);
        terminating.Spec.NodeName = "n1";
        terminating.Metadata.DeletionTimestamp = _time.GetUtcNow().UtcDateTime;
        _cache.RemovePod(_cache.Snapshot()[0].Pods.First(p => p.Metadata.Name == "low"));
        _cache.AddPod(terminating);
        var result = await _scheduler.ScheduleAsync(pod, CancellationToken.None);
        Assert.Equal("0/1 nodes are available: 1 Insufficient cpu. preemption: not eligible due to a terminating pod on the nominated node..",
            result.FitError?.Message);
        Assert.Single(_preemptor.Evicted);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(99, 99)]
    [InlineData(100, 100)]
    [InlineData(150, 100)]
    [InlineData(300, 144)]
    [InlineData(1000, 420)]
    [InlineData(5000, 500)]
    [InlineData(20000, 1000)]
    public void FeasibleNodesToFindIsUpstreamsAdaptivePercentage(int nodes, int expected) =>
        Assert.Equal(expected, Scheduler.FeasibleNodesToFind(nodes));

    [Theory]
    [InlineData(50, 100, 50)]
    [InlineData(1000, 0, 420)]
    [InlineData(1000, 30, 300)]
    [InlineData(1000, 100, 1000)]
    [InlineData(1000, 5, 100)]
    public void FeasibleNodesToFindHonoursAConfiguredPercentage(int nodes, int percentage, int expected) =>
        Assert.Equal(expected, Scheduler.FeasibleNodesToFind(nodes, percentage));

    [Fact]
    public void InALargeClusterScoringStopsEarlyButTheOnlyFittingNodeIsStillFound()
    {
        for (var i = 0; i < 250; i++) _cache.AddNode(Make.Node($"n{i:000}", labels: Make.Labels("zone", i == 249 ? "a" : "b")));
        Assert.Equal("n249", _scheduler.Schedule(Make.Pod("picky", nodeSelector: Make.Labels("zone", "a"))).NodeName);
        Assert.NotNull(_scheduler.Schedule(Make.Pod("any")).NodeName);
        var none = _scheduler.Schedule(Make.Pod("nowhere", nodeSelector: Make.Labels("zone", "c")));
        Assert.StartsWith("0/250 nodes are available: 250 node(s) didn't match Pod's node affinity/selector.", none.FitError?.Message);
    }

    private static async Task WaitFor(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("condition not met");
            await Task.Delay(10);
        }
    }
}
