using KubeSharp.Benchmarks.ApiBench.Reporting;
using KubeSharp.Benchmarks.SchedulerBench.Cluster;
using KubeSharp.Benchmarks.SchedulerBench.Workload;

namespace KubeSharp.Benchmarks.SchedulerBench.Scenarios;

/// <summary>
/// Upstream's SchedulingPodAntiAffinity shape on 1,000 nodes: pods that refuse to share a hostname with any other
/// color=green pod, some placed first (sched-setup), the rest measured (sched-test); together they fill every node
/// once, so the last pods must search nearly all nodes. Afterwards every node must hold at most one of them.
/// </summary>
internal sealed class AntiAffinityScenario : IScenario
{
    public const double TargetPodsPerSecond = 500;

    public string Name => "anti-affinity";

    public async Task<IReadOnlyList<Figure>> RunAsync(ScenarioContext context, CancellationToken ct)
    {
        var o = context.Options;
        using var cluster = await BenchCluster.StartAsync(context.ServerDll, Name, ct);
        await Setup.NamespacesAsync(cluster, ct, "sched-setup", "sched-test");
        await Setup.NodesAsync(cluster, Name, o.AntiAffinityNodes, o.Clients, ct);
        await Setup.SchedulerAsync(cluster, Name, ct);
        var nodes = new List<string?>();
        if (o.AntiAffinityInitPods > 0)
        {
            var init = await Setup.PodsAsync(cluster, Name, "sched-setup", "init", o.AntiAffinityInitPods, o.Clients,
                Templates.AntiAffinityPod("sched-setup"), ct);
            nodes.AddRange(init.Nodes);
        }
        var run = await Setup.PodsAsync(cluster, Name, "sched-test", "pod", o.AntiAffinityPods, o.Clients, Templates.AntiAffinityPod("sched-test"), ct);
        nodes.AddRange(run.Nodes);
        var label = $"{Name} {o.AntiAffinityNodes}n/{o.AntiAffinityPods}p";
        var figures = run.Figures(label, TargetPodsPerSecond);
        // The result must be right, not only fast: a second green pod on a node breaks the required term.
        var shared = nodes.GroupBy(n => n, StringComparer.Ordinal).Count(g => g.Count() > 1);
        figures.Add(new Figure(label, "nodes holding 2+ anti-affinity pods", shared, "", Goal.AtMost, 0,
            $"{nodes.Count} pods on {nodes.Distinct(StringComparer.Ordinal).Count()} nodes"));
        return figures;
    }
}
