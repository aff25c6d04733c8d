using KubeSharp.Benchmarks.ApiBench.Reporting;
using KubeSharp.Benchmarks.SchedulerBench.Cluster;
using KubeSharp.Benchmarks.SchedulerBench.Workload;

namespace KubeSharp.Benchmarks.SchedulerBench.Scenarios;

/// <summary>
/// Upstream's SchedulingBasic/5000Nodes_10000Pods: 5,000 default nodes, 1,000 default pods scheduled first
/// (namespace sched-setup, not measured), then 10,000 default pods (sched-test) measured.
/// </summary>
internal sealed class BasicScenario : IScenario
{
    public const double TargetPodsPerSecond = 1_000;

    public string Name => "basic";

    public async Task<IReadOnlyList<Figure>> RunAsync(ScenarioContext context, CancellationToken ct)
    {
        var o = context.Options;
        using var cluster = await BenchCluster.StartAsync(context.ServerDll, Name, ct);
        await Setup.NamespacesAsync(cluster, ct, "sched-setup", "sched-test");
        await Setup.NodesAsync(cluster, Name, o.BasicNodes, o.Clients, ct);
        await Setup.SchedulerAsync(cluster, Name, ct);
        if (o.BasicInitPods > 0)
        {
            await Setup.PodsAsync(cluster, Name, "sched-setup", "init", o.BasicInitPods, o.Clients, Templates.DefaultPod("sched-setup"), ct);
        }
        var run = await Setup.PodsAsync(cluster, Name, "sched-test", "pod", o.BasicPods, o.Clients, Templates.DefaultPod("sched-test"), ct);
        var figures = run.Figures($"{Name} {o.BasicNodes}n/{o.BasicPods}p", TargetPodsPerSecond);
        return figures;
    }
}
