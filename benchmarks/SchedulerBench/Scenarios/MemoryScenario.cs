using KubeSharp.Benchmarks.ApiBench.Cluster;
using KubeSharp.Benchmarks.ApiBench.Reporting;
using KubeSharp.Benchmarks.SchedulerBench.Cluster;
using KubeSharp.Benchmarks.SchedulerBench.Reporting;
using KubeSharp.Benchmarks.SchedulerBench.Workload;

namespace KubeSharp.Benchmarks.SchedulerBench.Scenarios;

/// <summary>
/// The scheduler's memory at upstream's scalability thresholds (5,000 nodes, 150,000 pods). The pods are created
/// already bound (spec.nodeName set, spread evenly): scheduling 150,000 pods first would take minutes and measure
/// nothing the basic scenario does not. The scheduler starts after them, lists them all into its informer and
/// cache as bound pods, then schedules a further batch so the figure is of a working scheduler.
/// </summary>
internal sealed class MemoryScenario : IScenario
{
    public const double TargetMib = 1024;

    public string Name => "memory";

    public async Task<IReadOnlyList<Figure>> RunAsync(ScenarioContext context, CancellationToken ct)
    {
        var o = context.Options;
        using var cluster = await BenchCluster.StartAsync(context.ServerDll, Name, ct);
        await Setup.NamespacesAsync(cluster, ct, "sched-setup", "sched-test");
        await Setup.NodesAsync(cluster, Name, o.MemoryNodes, o.Clients, ct);
        BenchLog.Write(Name, $"creating {o.MemoryPods} pods bound to the nodes round robin");
        var bodies = new PodBodies[o.MemoryNodes];
        for (var n = 0; n < bodies.Length; n++) bodies[n] = Templates.DefaultPod("sched-setup", Setup.NodeName(n));
        var bound = await BulkCreator.RunAsync(cluster.Client, "/api/v1/namespaces/sched-setup/pods", o.MemoryPods, o.Clients,
            i => bodies[i % bodies.Length].For(Setup.PodName("bound", i)), ct);
        BenchLog.Write(Name, $"{o.MemoryPods} bound pods created in {bound.Seconds:F1} s ({bound.PerSecond:F0}/s)");
        await Setup.SchedulerAsync(cluster, Name, ct);
        var pid = cluster.Scheduler!.Pid;
        var afterLoad = ProcessMemory.RssKib(pid) ?? 0;
        var run = await Setup.PodsAsync(cluster, Name, "sched-test", "pod", o.MemoryScheduledPods, o.Clients, Templates.DefaultPod("sched-test"), ct);
        // Settled floor: RSS jumps while a GC is in progress; the minimum over a few seconds is what the data costs.
        await Task.Delay(TimeSpan.FromSeconds(5), ct);
        var settled = await ProcessMemory.SettledRssKibAsync(pid, 5, TimeSpan.FromSeconds(1), ct);
        var peak = ProcessMemory.PeakRssKib(pid) ?? 0;
        var apiRss = ProcessMemory.RssKib(cluster.ApiServer.Pid) ?? 0;
        cluster.EnsureAlive();
        var label = $"{Name} {o.MemoryNodes}n/{o.MemoryPods}p";
        var total = o.MemoryPods + o.MemoryScheduledPods;
        return
        [
            new(label, "scheduler RSS, settled", settled / 1024.0, "MiB", Goal.AtMost, TargetMib,
                $"{total} pods in cache ({o.MemoryScheduledPods} bound by it); {settled * 1024.0 / total:F0} B/pod incl. runtime"),
            new(label, "scheduler RSS, peak (VmHWM)", peak / 1024.0, "MiB", Notes: $"{afterLoad / 1024.0:F0} MiB right after its initial list"),
            new(label, "scheduling with the full cache, pods/s", run.PodsPerSecond, "/s", Notes: $"{o.MemoryScheduledPods} pods"),
            new(label, "apiserver RSS (for scale)", apiRss / 1024.0, "MiB"),
        ];
    }
}
