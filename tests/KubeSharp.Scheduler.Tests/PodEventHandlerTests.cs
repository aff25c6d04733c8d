using k8s.Models;
using KubeSharp.Scheduler.Cache;
using KubeSharp.Scheduler.Queue;
using Microsoft.Extensions.Time.Testing;

namespace KubeSharp.Scheduler.Tests;

public class PodEventHandlerTests
{
    private readonly SchedulerCache _cache = new();
    private readonly SchedulingQueue _queue = new(new FakeTimeProvider(), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));

    private PodEventHandler Handler() => new("default-scheduler", _cache, _queue);

    private static V1Pod With(V1Pod pod, string rv, Action<V1Pod>? change = null)
    {
        var copy = KubeSharp.Client.KubeObjects.DeepCopy(pod);
        copy.Metadata.ResourceVersion = rv;
        change?.Invoke(copy);
        return copy;
    }

    public static TheoryData<string, string?, string?, string?, int, int> AddCases => new()
    {
        // name, schedulerName, nodeName, phase, expected active, expected cached pods
        { "pending pod of ours is queued", null, null, null, 1, 0 },
        { "explicit default-scheduler is ours", "default-scheduler", null, null, 1, 0 },
        { "another scheduler's pod is ignored", "other", null, null, 0, 0 },
        { "assigned pod goes to the cache", null, "n1", "Running", 0, 1 },
        { "another scheduler's assigned pod still counts on its node", "other", "n1", "Running", 0, 1 },
        { "terminal assigned pod frees its node", null, "n1", "Succeeded", 0, 0 },
        { "terminal pending pod is not scheduled", null, null, "Failed", 0, 0 },
    };

    [Theory]
    [MemberData(nameof(AddCases))]
    public void OnAdd(string name, string? schedulerName, string? nodeName, string? phase, int active, int cached)
    {
        var pod = Make.Pod("p", schedulerName: schedulerName);
        pod.Spec.NodeName = nodeName;
        pod.Status = phase == null ? null : new V1PodStatus { Phase = phase };
        Handler().OnAdd(pod);
        Assert.True(active == _queue.Counts.Active && cached == _cache.PodCount, name);
    }

    [Fact]
    public void BindingMovesThePodFromQueueToCache()
    {
        var pod = With(Make.Pod("p", "1"), "1");
        Handler().OnAdd(pod);
        Handler().OnUpdate(pod, With(pod, "2", p => p.Spec.NodeName = "n1"));
        Assert.Equal((0, 0, 0), _queue.Counts);
        Assert.Equal(1, _cache.PodCount);
    }

    [Fact]
    public void APendingPodThatFinishesLeavesTheQueue()
    {
        var pod = With(Make.Pod("p"), "1");
        Handler().OnAdd(pod);
        Handler().OnUpdate(pod, With(pod, "2", p => p.Status = new V1PodStatus { Phase = "Failed" }));
        Assert.Equal((0, 0, 0), _queue.Counts);
    }

    [Fact]
    public void DeletingAnAssignedPodFreesItsNode()
    {
        var pod = Make.Pod("p", "1");
        pod.Spec.NodeName = "n1";
        _cache.AddNode(Make.Node("n1"));
        Handler().OnAdd(pod);
        Assert.Equal(1000, _cache.Snapshot()[0].Requested.MilliCpu);
        Handler().OnDelete(pod, finalStateUnknown: true);
        Assert.Equal(0, _cache.Snapshot()[0].Requested.MilliCpu);
    }
}
