using System.Globalization;
using KubeSharp.Benchmarks.ApiBench.Http;
using KubeSharp.Benchmarks.SchedulerBench.Cluster;
using KubeSharp.Benchmarks.SchedulerBench.Reporting;
using KubeSharp.Benchmarks.SchedulerBench.Workload;

namespace KubeSharp.Benchmarks.SchedulerBench.Scenarios;

/// <summary>The steps every scenario shares: namespaces, nodes, the scheduler, and pods created until all are bound.</summary>
internal static class Setup
{
    public static string NodeName(int i) => "scheduler-perf-" + i.ToString("D5", CultureInfo.InvariantCulture);

    public static string PodName(string prefix, int i) => prefix + "-" + i.ToString("D6", CultureInfo.InvariantCulture);

    public static async Task NamespacesAsync(BenchCluster cluster, CancellationToken ct, params string[] names)
    {
        foreach (var ns in names) await KubeApi.CreateNamespaceAsync(cluster.Client, ns, ct);
    }

    public static async Task NodesAsync(BenchCluster cluster, string scenario, int count, int clients, CancellationToken ct)
    {
        var run = await BulkCreator.RunAsync(cluster.Client, "/api/v1/nodes", count, clients, i => Templates.Node(NodeName(i)), ct);
        BenchLog.Write(scenario, $"{count} nodes created in {run.Seconds:F1} s");
    }

    public static async Task SchedulerAsync(BenchCluster cluster, string scenario, CancellationToken ct)
    {
        var took = await cluster.StartSchedulerAsync(ct);
        BenchLog.Write(scenario, $"scheduler running (informers synced) after {took.TotalSeconds:F1} s");
    }

    /// <summary>Creates pods PREFIX-000000.. and waits until the watch has seen every one bound.</summary>
    public static async Task<PodRun> PodsAsync(BenchCluster cluster, string scenario, string ns, string prefix, int count, int clients,
        PodBodies bodies, CancellationToken ct)
    {
        var watch = await BindWatch.StartAsync(cluster, ns, prefix, count, ct);
        try
        {
            var schedulerCpu = ProcessCpu.Seconds(cluster.Scheduler!.Pid);
            var apiCpu = ProcessCpu.Seconds(cluster.ApiServer.Pid);
            var harnessCpu = Environment.CpuUsage.TotalTime.TotalSeconds;
            BenchLog.Write(scenario, $"creating {count} pods in {ns} with {clients} clients");
            var create = await BulkCreator.RunAsync(cluster.Client, KubeApi.PodsPath(ns), count, clients, i => bodies.For(PodName(prefix, i)), ct);
            BenchLog.Write(scenario, $"{count} pods created in {create.Seconds:F1} s ({create.PerSecond:F0}/s)");
            await watch.WaitAllAsync(cluster, scenario, ct);
            return new PodRun(create, watch.BoundAt, watch.Nodes,
                ProcessCpu.Seconds(cluster.Scheduler.Pid) - schedulerCpu, ProcessCpu.Seconds(cluster.ApiServer.Pid) - apiCpu,
                Environment.CpuUsage.TotalTime.TotalSeconds - harnessCpu);
        }
        finally
        {
            watch.Dispose();
        }
    }
}
