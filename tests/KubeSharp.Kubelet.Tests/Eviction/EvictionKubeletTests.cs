using k8s.Models;
using KubeSharp.Kubelet.Cri.V1;
using KubeSharp.Kubelet.Eviction;

namespace KubeSharp.Kubelet.Tests.Eviction;

/// <summary>The eviction manager inside a kubelet on the fake runtime: conditions on the Node, the pod killed and marked Evicted.</summary>
[Collection(ApiCollection.Name)]
public sealed class EvictionKubeletTests(ApiServerFixture api)
{
    [Fact]
    public async Task Memory_pressure_evicts_the_pod_stops_its_containers_and_reports_MemoryPressure()
    {
        var stats = new SwitchableStats();
        await using var node = await TestNode.StartAsync(api, o => o with
        {
            EvictionStats = stats,
            Eviction = new EvictionPolicy { MonitoringInterval = TimeSpan.FromMilliseconds(200), PressureTransitionPeriod = TimeSpan.FromSeconds(1) },
            NodeStatusUpdateFrequency = TimeSpan.FromMilliseconds(200),
        });
        var ns = await api.NewNamespaceAsync("evict");
        var critical = node.Pod(ns, "critical", TestNode.Container("c"));
        critical.Spec.PriorityClassName = "system-node-critical";
        critical = await node.CreateAsync(critical);
        Assert.True(critical.Spec.Priority >= EvictionManager.SystemCriticalPriority);
        var victim = await node.CreateAsync(node.Pod(ns, "victim", TestNode.Container("app")));
        await node.WaitForAsync(victim, p => p.Status?.Phase == "Running", "Running");
        await node.WaitForAsync(critical, p => p.Status?.Phase == "Running", "Running");

        stats.MemoryAvailable = 80L << 20;
        var evicted = await node.WaitForAsync(victim, p => p.Status?.Phase == "Failed", "Failed", TimeSpan.FromSeconds(30));
        Assert.Equal("Evicted", evicted.Status.Reason);
        const string message = "The node was low on resource: memory. Threshold quantity: 100Mi, available: 80Mi. Container app was using 300Mi, request is 0, has larger consumption of memory. ";
        Assert.Equal(message, evicted.Status.Message);
        var disruption = Assert.Single(evicted.Status.Conditions, c => c.Type == "DisruptionTarget");
        Assert.Equal(("True", "TerminationByKubelet"), (disruption.Status, disruption.Reason));
        Assert.NotNull(Assert.Single(evicted.Status.ContainerStatuses).State.Terminated);
        Assert.All(node.Runtime.Containers.Where(c => c.PodUid == victim.Metadata.Uid),
            c => Assert.Equal(ContainerState.ContainerExited, c.State));
        var events = await Eventually.ValueAsync(async () => (await api.Client.For<Corev1Event>().ListAsync(ns)).Items
            .Where(e => e.InvolvedObject.Name == "victim" && e.Reason == "Evicted").ToList(), e => e.Count > 0, "Evicted event");
        Assert.Equal(message, events[0].Message);
        Assert.Equal("Warning", events[0].Type);

        var n = await Eventually.ValueAsync(() => api.Client.For<V1Node>().GetAsync(null, node.Name),
            x => x.Status.Conditions.Any(c => c.Type == "MemoryPressure" && c.Status == "True"), "MemoryPressure");
        Assert.Equal("KubeletHasInsufficientMemory", n.Status.Conditions.Single(c => c.Type == "MemoryPressure").Reason);

        // The critical pod is never chosen, however long the pressure lasts; it stays Running and is not restarted.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var stillRunning = await node.GetAsync(critical);
        Assert.Equal("Running", stillRunning.Status.Phase);
        // The evicted pod stays Failed (nothing restarts it).
        Assert.Equal("Failed", (await node.GetAsync(victim)).Status.Phase);

        stats.MemoryAvailable = 6L << 30;
        await Eventually.ValueAsync(() => api.Client.For<V1Node>().GetAsync(null, node.Name),
            x => x.Status.Conditions.Any(c => c.Type == "MemoryPressure" && c.Status == "False"), "MemoryPressure cleared after the transition period");
    }

    [Fact]
    public async Task Under_memory_pressure_a_new_BestEffort_pod_is_rejected_and_never_started_while_a_critical_one_runs()
    {
        var stats = new SwitchableStats { MemoryAvailable = 80L << 20 };
        await using var node = await TestNode.StartAsync(api, o => o with
        {
            EvictionStats = stats,
            Eviction = new EvictionPolicy { MonitoringInterval = TimeSpan.FromMilliseconds(200), PressureTransitionPeriod = TimeSpan.FromSeconds(1) },
            NodeStatusUpdateFrequency = TimeSpan.FromMilliseconds(200),
        });
        await Eventually.ValueAsync(() => api.Client.For<V1Node>().GetAsync(null, node.Name),
            x => x.Status?.Conditions?.Any(c => c.Type == "MemoryPressure" && c.Status == "True") == true, "MemoryPressure");
        var ns = await api.NewNamespaceAsync("admit");

        var rejected = await node.CreateAsync(node.Pod(ns, "besteffort", TestNode.Container("app")));
        var failed = await node.WaitForAsync(rejected, p => p.Status?.Phase == "Failed", "Failed", TimeSpan.FromSeconds(30));
        Assert.Equal("Evicted", failed.Status.Reason);
        Assert.Equal("Pod was rejected: The node had condition: [MemoryPressure]. ", failed.Status.Message);
        Assert.Equal("BestEffort", failed.Status.QosClass);
        Assert.Null(failed.Status.StartTime);
        var events = await Eventually.ValueAsync(async () => (await api.Client.For<Corev1Event>().ListAsync(ns)).Items
            .Where(e => e.InvolvedObject.Name == "besteffort" && e.Reason == "Evicted").ToList(), e => e.Count > 0, "Evicted event");
        Assert.Equal(("Warning", "The node had condition: [MemoryPressure]. "), (events[0].Type, events[0].Message));

        var critical = node.Pod(ns, "critical", TestNode.Container("c"));
        critical.Spec.PriorityClassName = "system-node-critical";
        critical = await node.CreateAsync(critical);
        await node.WaitForAsync(critical, p => p.Status?.Phase == "Running", "Running");

        // The rejected pod stays Failed and nothing was ever created for it in the runtime.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal("Failed", (await node.GetAsync(rejected)).Status.Phase);
        Assert.DoesNotContain(node.Runtime.Sandboxes, s => s.Config.Metadata.Uid == rejected.Metadata.Uid);
        Assert.Contains(node.Runtime.Sandboxes, s => s.Config.Metadata.Uid == critical.Metadata.Uid);
    }

    private sealed class SwitchableStats : IEvictionStatsProvider
    {
        public long MemoryAvailable { get; set; } = 6L << 30;

        public Task<EvictionStats> ReadAsync(IReadOnlyList<V1Pod> pods, CancellationToken ct)
        {
            var signals = new Dictionary<string, SignalObservation>
            {
                [EvictionSignals.MemoryAvailable] = new(MemoryAvailable, 8L << 30),
                [EvictionSignals.NodeFsAvailable] = new(60L << 30, 100L << 30),
            };
            var usage = pods.ToDictionary(p => p.Metadata.Uid, p => new PodUsage(300L << 20, 0, 1,
                (p.Spec.Containers ?? []).Select(c => new ContainerUsage(c.Name, 300L << 20, 0)).ToList()));
            return Task.FromResult(new EvictionStats(signals, usage));
        }
    }
}
