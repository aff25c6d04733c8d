using k8s;
using k8s.Models;
using KubeSharp.Client.Events;
using KubeSharp.Kubelet.Eviction;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace KubeSharp.Kubelet.Tests.Eviction;

/// <summary>The eviction manager's decisions on fake stats, a fake clock and a recording evictor.</summary>
public sealed class EvictionManagerTests
{
    private const long MiB = 1 << 20;
    private const long GiB = 1 << 30;
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 3, 0, 0, TimeSpan.Zero));
    private readonly Stats _stats = new();
    private readonly Evictor _evictor = new();
    private readonly Reclaimer _reclaimer = new();
    private readonly Events _events = new();
    private readonly List<V1Pod> _pods = [];
    private readonly NodePressure _pressure = new();

    private EvictionManager Manager(EvictionPolicy? policy = null) =>
        new(policy ?? new EvictionPolicy(), _stats, () => _pods, _evictor, _reclaimer, _events, _pressure, _time, NullLogger.Instance);

    [Fact]
    public async Task Below_every_threshold_there_is_no_pressure_and_no_eviction()
    {
        var pod = AddPod("p", usedMiB: 500);
        var manager = Manager();
        Assert.Null(await manager.SynchronizeAsync(None));
        Assert.Empty(_pressure.Conditions);
        Assert.Empty(_evictor.Evicted);
        Assert.Equal(0, _reclaimer.Calls);
        Assert.NotNull(pod);
    }

    [Fact]
    public async Task Memory_below_the_hard_threshold_sets_MemoryPressure_and_evicts_the_top_ranked_pod_at_once()
    {
        AddPod("guaranteed", usedMiB: 400, requestMiB: 500);
        AddPod("hog", usedMiB: 500, container: "x");
        AddPod("small", usedMiB: 20);
        _stats.Set(EvictionSignals.MemoryAvailable, 80 * MiB, 8 * GiB);
        var evicted = await Manager().SynchronizeAsync(None);

        Assert.Equal("hog", evicted?.Metadata.Name);
        Assert.True(_pressure.Memory);
        Assert.False(_pressure.Disk);
        var (pod, grace, message, condition) = Assert.Single(_evictor.Evicted);
        Assert.Equal("hog", pod.Metadata.Name);
        Assert.Equal(0, grace);
        Assert.Equal("The node was low on resource: memory. Threshold quantity: 100Mi, available: 80Mi. Container x was using 500Mi, request is 0, has larger consumption of memory. ", message);
        Assert.Equal(("DisruptionTarget", "True", "TerminationByKubelet", message), (condition.Type, condition.Status, condition.Reason, condition.Message));
        var e = Assert.Single(_events.Recorded);
        Assert.Equal(("hog", EventTypes.Warning, "Evicted", message), (e.Name, e.Type, e.Reason, e.Message));
        Assert.Equal(0, _reclaimer.Calls);
    }

    [Fact]
    public async Task One_pod_is_evicted_per_interval()
    {
        AddPod("a", usedMiB: 300);
        AddPod("b", usedMiB: 200);
        _stats.Set(EvictionSignals.MemoryAvailable, 10 * MiB, 8 * GiB);
        var manager = Manager();
        Assert.Equal("a", (await manager.SynchronizeAsync(None))?.Metadata.Name);
        Assert.Single(_evictor.Evicted);
        // The evicted pod is Failed now: the next interval takes the next one.
        _pods.Single(p => p.Metadata.Name == "a").Status = new V1PodStatus { Phase = "Failed", Reason = "Evicted" };
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal("b", (await manager.SynchronizeAsync(None))?.Metadata.Name);
        Assert.Equal(2, _evictor.Evicted.Count);
    }

    [Fact]
    public async Task A_pod_still_shown_running_after_its_eviction_is_not_evicted_again()
    {
        AddPod("a", usedMiB: 300);
        AddPod("b", usedMiB: 200);
        _stats.Set(EvictionSignals.MemoryAvailable, 10 * MiB, 8 * GiB);
        var manager = Manager();
        Assert.Equal("a", (await manager.SynchronizeAsync(None))?.Metadata.Name);
        // The informer has not brought a's Failed status yet.
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal("b", (await manager.SynchronizeAsync(None))?.Metadata.Name);
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Null(await manager.SynchronizeAsync(None));
        Assert.Equal(["a", "b"], _evictor.Evicted.Select(e => e.Pod.Metadata.Name));
        Assert.Equal(2, _events.Recorded.Count);
    }

    [Fact]
    public async Task Critical_and_static_pods_are_never_evicted()
    {
        AddPod("node-critical", usedMiB: 900).Spec.Priority = 2_000_001_000;
        AddPod("static", usedMiB: 800).Metadata.Annotations = new Dictionary<string, string> { ["kubernetes.io/config.source"] = "file" };
        AddPod("mirror", usedMiB: 700).Metadata.Annotations = new Dictionary<string, string> { ["kubernetes.io/config.mirror"] = "abc" };
        AddPod("ordinary", usedMiB: 10);
        _stats.Set(EvictionSignals.MemoryAvailable, 10 * MiB, 8 * GiB);
        Assert.Equal("ordinary", (await Manager().SynchronizeAsync(None))?.Metadata.Name);

        _pods.RemoveAll(p => p.Metadata.Name == "ordinary");
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Null(await Manager().SynchronizeAsync(None));
        Assert.True(_pressure.Memory);
        Assert.Single(_evictor.Evicted);
    }

    [Fact]
    public async Task Disk_pressure_reclaims_node_resources_first_and_evicts_nobody_when_that_is_enough()
    {
        AddPod("p", usedMiB: 100);
        _stats.Set(EvictionSignals.NodeFsAvailable, 5 * GiB, 100 * GiB);
        _reclaimer.OnReclaim = () => _stats.Set(EvictionSignals.NodeFsAvailable, 30 * GiB, 100 * GiB);
        Assert.Null(await Manager().SynchronizeAsync(None));
        Assert.Equal(1, _reclaimer.Calls);
        Assert.True(_pressure.Disk);
        Assert.Empty(_evictor.Evicted);
    }

    [Fact]
    public async Task Disk_pressure_evicts_by_disk_usage_when_reclaim_is_not_enough()
    {
        AddPod("quiet", usedMiB: 1);
        AddPod("writer", usedMiB: 900, container: "w");
        _stats.Set(EvictionSignals.NodeFsAvailable, 5 * GiB, 100 * GiB);
        var evicted = await Manager().SynchronizeAsync(None);
        Assert.Equal(1, _reclaimer.Calls);
        Assert.Equal("writer", evicted?.Metadata.Name);
        Assert.True(_pressure.Disk);
        Assert.Equal("The node was low on resource: ephemeral-storage. Threshold quantity: 10Gi, available: 5Gi. Container w was using 900Mi, request is 0, has larger consumption of ephemeral-storage. ",
            Assert.Single(_evictor.Evicted).Message);
    }

    [Fact]
    public async Task A_pressure_condition_stays_for_the_transition_period_after_the_signal_recovers()
    {
        _stats.Set(EvictionSignals.PidAvailable, 100, 10_000);
        var manager = Manager(EvictionPolicy.Parse("pid.available<5%", pressureTransitionPeriod: "1m"));
        await manager.SynchronizeAsync(None);
        Assert.True(_pressure.Pid);
        _stats.Set(EvictionSignals.PidAvailable, 9_000, 10_000);
        _time.Advance(TimeSpan.FromSeconds(50));
        await manager.SynchronizeAsync(None);
        Assert.True(_pressure.Pid);
        _time.Advance(TimeSpan.FromSeconds(11));
        await manager.SynchronizeAsync(None);
        Assert.False(_pressure.Pid);
    }

    [Fact]
    public async Task A_met_threshold_stays_met_until_the_minimum_reclaim_is_reached()
    {
        AddPod("a", usedMiB: 10);
        AddPod("b", usedMiB: 5);
        var manager = Manager(EvictionPolicy.Parse("memory.available<100Mi", minimumReclaim: "memory.available=200Mi", pressureTransitionPeriod: "5s"));
        _stats.Set(EvictionSignals.MemoryAvailable, 50 * MiB, 8 * GiB);
        Assert.Equal("a", (await manager.SynchronizeAsync(None))?.Metadata.Name);
        _pods.RemoveAll(p => p.Metadata.Name == "a");

        // Above the threshold, but not above threshold + minimum reclaim (300Mi): still under pressure.
        _stats.Set(EvictionSignals.MemoryAvailable, 250 * MiB, 8 * GiB);
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal("b", (await manager.SynchronizeAsync(None))?.Metadata.Name);
        Assert.True(_pressure.Memory);

        _stats.Set(EvictionSignals.MemoryAvailable, 301 * MiB, 8 * GiB);
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Null(await manager.SynchronizeAsync(None));
        Assert.False(_pressure.Memory);
    }

    [Fact]
    public async Task A_soft_threshold_evicts_only_after_its_grace_period_with_the_capped_pod_grace_period()
    {
        AddPod("p", usedMiB: 10).Spec.TerminationGracePeriodSeconds = 120;
        var manager = Manager(EvictionPolicy.Parse("memory.available<100Mi", "memory.available<1Gi", "memory.available=1m", maxPodGracePeriodSeconds: 30));
        _stats.Set(EvictionSignals.MemoryAvailable, 512 * MiB, 8 * GiB);
        Assert.Null(await manager.SynchronizeAsync(None));
        Assert.True(_pressure.Memory);
        _time.Advance(TimeSpan.FromSeconds(50));
        Assert.Null(await manager.SynchronizeAsync(None));
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal("p", (await manager.SynchronizeAsync(None))?.Metadata.Name);
        Assert.Equal(30, Assert.Single(_evictor.Evicted).Grace);
        Assert.Contains("Threshold quantity: 1Gi, available: 512Mi.", _evictor.Evicted[0].Message);
    }

    [Fact]
    public async Task Memory_is_handled_before_disk_when_both_are_under_pressure()
    {
        AddPod("p", usedMiB: 10);
        _stats.Set(EvictionSignals.MemoryAvailable, 10 * MiB, 8 * GiB);
        _stats.Set(EvictionSignals.NodeFsAvailable, 1 * GiB, 100 * GiB);
        await Manager().SynchronizeAsync(None);
        Assert.True(_pressure.Memory && _pressure.Disk);
        Assert.Equal(0, _reclaimer.Calls);
        Assert.StartsWith("The node was low on resource: memory.", Assert.Single(_evictor.Evicted).Message);
    }

    private V1Pod AddPod(string name, long usedMiB, long requestMiB = 0, string container = "c")
    {
        var requests = requestMiB > 0
            ? new Dictionary<string, ResourceQuantity> { ["memory"] = new($"{requestMiB}Mi"), ["ephemeral-storage"] = new($"{requestMiB}Mi") }
            : null;
        var pod = new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "default", Uid = "uid-" + name },
            Spec = new V1PodSpec { Containers = [new V1Container { Name = container, Resources = new V1ResourceRequirements { Requests = requests } }] },
            Status = new V1PodStatus { Phase = "Running" },
        };
        _pods.Add(pod);
        _stats.Pods[pod.Metadata.Uid] = new PodUsage(usedMiB * MiB, usedMiB * MiB, usedMiB, [new ContainerUsage(container, usedMiB * MiB, usedMiB * MiB)]);
        return pod;
    }

    private sealed class Stats : IEvictionStatsProvider
    {
        private readonly Dictionary<string, SignalObservation> _signals = new()
        {
            [EvictionSignals.MemoryAvailable] = new(6 * GiB, 8 * GiB),
            [EvictionSignals.NodeFsAvailable] = new(60 * GiB, 100 * GiB),
            [EvictionSignals.ImageFsAvailable] = new(60 * GiB, 100 * GiB),
            [EvictionSignals.PidAvailable] = new(9_000, 10_000),
        };

        public Dictionary<string, PodUsage> Pods { get; } = [];

        public void Set(string signal, long available, long capacity) => _signals[signal] = new(available, capacity);

        public Task<EvictionStats> ReadAsync(IReadOnlyList<V1Pod> pods, CancellationToken ct) =>
            Task.FromResult(new EvictionStats(new Dictionary<string, SignalObservation>(_signals), new Dictionary<string, PodUsage>(Pods)));
    }

    private sealed class Evictor : IPodEvictor
    {
        public List<(V1Pod Pod, long Grace, string Message, V1PodCondition Condition)> Evicted { get; } = [];

        public Task EvictAsync(V1Pod pod, long gracePeriodSeconds, string message, V1PodCondition condition, TimeSpan timeout, CancellationToken ct)
        {
            Evicted.Add((pod, gracePeriodSeconds, message, condition));
            return Task.CompletedTask;
        }
    }

    private sealed class Reclaimer : INodeReclaimer
    {
        public int Calls { get; private set; }
        public Action? OnReclaim { get; set; }

        public Task ReclaimAsync(string signal, CancellationToken ct)
        {
            Calls++;
            OnReclaim?.Invoke();
            return Task.CompletedTask;
        }
    }

    private sealed class Events : IEventRecorder
    {
        public List<(string Name, string Type, string Reason, string Message)> Recorded { get; } = [];
        public void Event(IKubernetesObject<V1ObjectMeta> obj, string type, string reason, string message) => Recorded.Add((obj.Metadata.Name, type, reason, message));
        public void Event(V1ObjectReference reference, string type, string reason, string message) => Recorded.Add((reference.Name, type, reason, message));
    }
}
