using k8s.Models;
using KubeSharp.Scheduler.Framework;
using KubeSharp.Scheduler.Plugins;
using KubeSharp.Scheduler.Plugins.SchedulingGates;
using KubeSharp.Scheduler.Queue;
using Microsoft.Extensions.Time.Testing;

namespace KubeSharp.Scheduler.Tests.Queue;

/// <summary>The queue with upstream's SchedulingGates PreEnqueue plugin in front of it.</summary>
public class SchedulingQueueGateTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private static readonly SchedulingGatesPlugin Gates = new();

    private SchedulingQueue NewQueue() =>
        new(_time, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), p => Gates.PreEnqueue(p).WithPlugin(Gates.Name));

    private static V1Pod Pod(string name, params string[] gates)
    {
        var p = Make.Pod(name);
        p.Metadata.ResourceVersion = "1";
        if (gates.Length > 0) p.Spec.SchedulingGates = gates.Select(g => new V1PodSchedulingGate { Name = g }).ToList();
        return p;
    }

    private static V1Pod Without(V1Pod pod, params string[] remaining)
    {
        var copy = KubeSharp.Client.KubeObjects.DeepCopy(pod);
        copy.Spec.SchedulingGates = remaining.Length == 0 ? null : remaining.Select(g => new V1PodSchedulingGate { Name = g }).ToList();
        copy.Metadata.ResourceVersion = "2";
        return copy;
    }

    private static async Task<string?> TryPop(SchedulingQueue q, TimeSpan wait)
    {
        using var cts = new CancellationTokenSource(wait);
        try
        {
            return (await q.PopAsync(cts.Token)).Pod.Metadata.Name;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    [Fact]
    public void PluginRejectsOnlyPodsWithGates()
    {
        Assert.True(Gates.PreEnqueue(Pod("free")).IsSuccess);
        var status = Gates.PreEnqueue(Pod("gated", "example.com/a", "example.com/b"));
        Assert.Equal(StatusCode.UnschedulableAndUnresolvable, status.Code);
        Assert.Equal("waiting for scheduling gates: [example.com/a example.com/b]", status.Message);
    }

    [Fact]
    public async Task GatedPodIsNotPoppedButParkedAsGated()
    {
        var q = NewQueue();
        q.Add(Pod("gated", "example.com/a"));
        q.Add(Pod("free"));
        Assert.Equal("free", await TryPop(q, TimeSpan.FromSeconds(5)));
        Assert.Null(await TryPop(q, TimeSpan.FromMilliseconds(200)));
        Assert.Equal((0, 0, 1), q.Counts);
        Assert.Equal(1, q.GatedCount);
        var info = q.Find("default/gated")!;
        Assert.Equal(PluginNames.SchedulingGates, info.GatingPlugin);
        Assert.Contains(PluginNames.SchedulingGates, info.UnschedulablePlugins);
    }

    [Fact]
    public async Task ClusterEventsAndTheLeftoverFlushLeaveGatedPodsAlone()
    {
        var q = NewQueue();
        q.Add(Pod("gated", "example.com/a"));
        q.MoveAllToActiveOrBackoff();
        q.MoveToActiveOrBackoff(_ => true);
        _time.Advance(TimeSpan.FromMinutes(10));
        q.FlushUnschedulableLeftover(TimeSpan.FromMinutes(5));
        q.FlushBackoffCompleted();
        Assert.Null(await TryPop(q, TimeSpan.FromMilliseconds(200)));
        Assert.Equal(1, q.GatedCount);
    }

    [Fact]
    public async Task RemovingSomeGatesKeepsThePodGated()
    {
        var q = NewQueue();
        var pod = Pod("gated", "example.com/a", "example.com/b");
        q.Add(pod);
        q.Update(pod, Without(pod, "example.com/b"));
        Assert.Null(await TryPop(q, TimeSpan.FromMilliseconds(200)));
        Assert.Equal(1, q.GatedCount);
        Assert.Single(q.Find("default/gated")!.Pod.Spec.SchedulingGates);
    }

    [Fact]
    public async Task RemovingTheLastGateActivatesThePodWithoutBackoff()
    {
        var q = NewQueue();
        var pod = Pod("gated", "example.com/a");
        q.Add(pod);
        // No time passes: a gated pod that becomes schedulable skips back-off (upstream isPodBackingoff).
        q.Update(pod, Without(pod));
        Assert.Equal((1, 0, 0), q.Counts);
        Assert.Equal(0, q.GatedCount);
        Assert.Equal("gated", await TryPop(q, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task PodFirstSeenByUpdateIsGatedToo()
    {
        var q = NewQueue();
        var pod = Pod("gated", "example.com/a");
        // e.g. a pod handed to this scheduler by an update: the queue had not seen it before.
        q.Update(pod, pod);
        Assert.Null(await TryPop(q, TimeSpan.FromMilliseconds(200)));
        Assert.Equal(1, q.GatedCount);
    }

    [Fact]
    public void DeleteRemovesAGatedPod()
    {
        var q = NewQueue();
        var pod = Pod("gated", "example.com/a");
        q.Add(pod);
        q.Delete(pod);
        Assert.Equal((0, 0, 0), q.Counts);
    }

    [Fact]
    public void DefaultProfileRunsSchedulingGatesAtPreEnqueue()
    {
        var framework = new SchedulingFramework(DefaultPlugins.Profile("default-scheduler"), DefaultPlugins.Registry(),
            new PluginHandle(new FakeBinder(), _time, new FakePreemptor()));
        Assert.Equal([PluginNames.SchedulingGates], framework.PreEnqueues.Select(p => p.Name));
        Assert.Equal(PluginNames.SchedulingGates, framework.RunPreEnqueue(Pod("gated", "example.com/a")).Plugin);
        Assert.True(framework.RunPreEnqueue(Pod("free")).IsSuccess);
    }
}
