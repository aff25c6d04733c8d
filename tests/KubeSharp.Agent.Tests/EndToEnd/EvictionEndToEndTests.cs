using k8s.Models;
using KubeSharp.Kubelet;
using KubeSharp.Kubelet.Eviction;
using KubeSharp.Testing;
using static KubeSharp.Agent.Tests.EndToEnd.E2ePods;
using Eventually = KubeSharp.Testing.Eventually;

namespace KubeSharp.Agent.Tests.EndToEnd;

/// <summary>A node whose only hard threshold, nodefs.available&lt;99.9%, is met on any real disk.</summary>
public sealed class DiskPressureNodeFixture : NodeFixture
{
    protected override KubeletOptions ConfigureKubelet(KubeletOptions options) => options with
    {
        Eviction = EvictionPolicy.Parse("nodefs.available<99.9%") with { MonitoringInterval = TimeSpan.FromSeconds(2) },
        NodeStatusUpdateFrequency = TimeSpan.FromSeconds(1),
    };
}

/// <summary>A node whose only hard threshold, memory.available&lt;64Ti, is met on any real machine.</summary>
public sealed class MemoryPressureNodeFixture : NodeFixture
{
    protected override KubeletOptions ConfigureKubelet(KubeletOptions options) => options with
    {
        Eviction = EvictionPolicy.Parse("memory.available<64Ti") with { MonitoringInterval = TimeSpan.FromSeconds(2) },
        NodeStatusUpdateFrequency = TimeSpan.FromSeconds(1),
    };
}

/// <summary>
/// Node-pressure eviction on a real agent (containerd, runc, cgroups, statvfs of the real disk): the node reports the
/// pressure condition, and a pod is killed and marked Failed/Evicted with upstream's message and an Evicted event.
/// </summary>
public sealed class DiskPressureEvictionEndToEndTests(DiskPressureNodeFixture node) : IClassFixture<DiskPressureNodeFixture>
{
    /// <summary>
    /// Under DiskPressure a new pod is refused at admission (upstream's eviction admit handler), so nothing of it
    /// reaches containerd. (Evicting a running pod is covered with real containerd under memory pressure below; the
    /// disk ranking and message with the fake runtime in the kubelet's tests.)
    /// </summary>
    [Fact]
    public async Task A_crossed_nodefs_threshold_reports_DiskPressure_and_refuses_new_pods()
    {
        var ns = await node.NewNamespaceAsync("evict-disk");
        try
        {
            var n = await Eventually.ValueAsync(() => node.Client.For<V1Node>().GetAsync(null, node.NodeName),
                x => x.Status?.Conditions?.Any(c => c.Type == "DiskPressure" && c.Status == "True") == true, "DiskPressure", TimeSpan.FromSeconds(60));
            Assert.Equal("KubeletHasDiskPressure", n.Status.Conditions.Single(c => c.Type == "DiskPressure").Reason);
            Assert.Equal("False", n.Status.Conditions.Single(c => c.Type == "MemoryPressure").Status);

            var pod = Pod(ns, "writer", Busybox("w", "while true; do echo some log line; sleep 0.2; done"));
            pod.Spec.NodeName = node.NodeName;
            var created = await node.Client.For<V1Pod>().CreateAsync(pod);
            var rejected = await node.WaitPodAsync(ns, "writer", p => p.Status?.Phase == "Failed", "Failed (rejected)", TimeSpan.FromSeconds(120));
            Assert.Equal("Evicted", rejected.Status.Reason);
            Assert.Equal("Pod was rejected: The node had condition: [DiskPressure]. ", rejected.Status.Message);
            var events = await Eventually.ValueAsync(() => EventsAsync(node.Client, ns, "writer"), e => e.Any(x => x.Reason == "Evicted"), "Evicted event");
            Assert.Equal("The node had condition: [DiskPressure]. ", events.First(e => e.Reason == "Evicted").Message);

            // Nothing of the pod was created in containerd.
            var sandboxes = await node.Agent.Runtime.Cri.ListPodSandboxAsync(null, CancellationToken.None);
            Assert.DoesNotContain(sandboxes, s => s.Labels.GetValueOrDefault("io.kubernetes.pod.uid") == created.Metadata.Uid);
        }
        finally
        {
            await node.CleanupNamespaceAsync(ns);
        }
    }
}

public sealed class MemoryPressureEvictionEndToEndTests(MemoryPressureNodeFixture node) : IClassFixture<MemoryPressureNodeFixture>
{
    [Fact]
    public async Task A_crossed_memory_threshold_reports_MemoryPressure_and_evicts_a_pod()
    {
        var ns = await node.NewNamespaceAsync("evict-mem");
        try
        {
            await Eventually.ValueAsync(() => node.Client.For<V1Node>().GetAsync(null, node.NodeName),
                x => x.Status?.Conditions?.Any(c => c.Type == "MemoryPressure" && c.Status == "True" && c.Reason == "KubeletHasInsufficientMemory") == true,
                "MemoryPressure", TimeSpan.FromSeconds(60));

            // Burstable (a memory request): under memory pressure alone only BestEffort pods are refused at admission,
            // so this one starts and is then evicted.
            var pod = Pod(ns, "hog", Busybox("hog", "sleep 3600"));
            pod.Spec.Containers[0].Resources = new V1ResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { ["memory"] = new("16Mi") } };
            pod.Spec.NodeName = node.NodeName;
            await node.Client.For<V1Pod>().CreateAsync(pod);
            var evicted = await node.WaitPodAsync(ns, "hog", p => p.Status?.Phase == "Failed", "Failed (evicted)", TimeSpan.FromSeconds(120));
            Assert.Equal("Evicted", evicted.Status.Reason);
            // The threshold is printed as given; "available" is the machine's memory minus the root cgroup's working set.
            var match = System.Text.RegularExpressions.Regex.Match(evicted.Status.Message,
                @"^The node was low on resource: memory\. Threshold quantity: 64Ti, available: (\d+)(Ki|Mi|Gi)?\. ");
            Assert.True(match.Success, evicted.Status.Message);
            var available = long.Parse(match.Groups[1].Value) << (match.Groups[2].Value switch { "Ki" => 10, "Mi" => 20, "Gi" => 30, _ => 0 });
            var total = long.Parse(File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:")).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
            Assert.InRange(available, 1, total);
            Assert.Contains(await EventsAsync(node.Client, ns, "hog"), e => e.Reason == "Evicted" && e.Type == "Warning");
        }
        finally
        {
            await node.CleanupNamespaceAsync(ns);
        }
    }
}

/// <summary>
/// The eviction manager's real stats source on a node without pressure: node signals from the host and a running
/// pod's usage from its cgroups (pod and container under containerd's cgroupfs layout), logs and directory.
/// </summary>
public sealed class EvictionStatsEndToEndTests(NodeFixture node) : IClassFixture<NodeFixture>
{
    [Fact]
    public async Task Host_stats_read_the_node_signals_and_a_running_pods_usage()
    {
        var ns = await node.NewNamespaceAsync("evict-stats");
        try
        {
            // An 8 MiB shell string (doubled 23 times) keeps the container's working set well above 4 MB (the loop
            // keeps the shell alive: a trailing plain sleep would be exec'd in its place); the log line gives it disk usage.
            var pod = await node.RunPodAsync(Pod(ns, "user", Busybox("user", "x=a; i=0; while [ $i -lt 23 ]; do x=$x$x; i=$((i+1)); done; echo started; while true; do sleep 3600; done")));
            await Eventually.ValueAsync(() => node.Kubectl.OkAsync("logs", "-n", ns, "user"), l => l.Contains("started"), "the container's log line", TimeSpan.FromSeconds(60));
            var options = node.Agent.Kubelet.Options;
            var cgroups = new Kubelet.Cgroups.PodCgroups(options, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
            var stats = new HostEvictionStats(options, node.Agent.Runtime.Cri, node.Agent.Runtime.Cri,
                new Kubelet.Volumes.PodDirs(options.RootDir, options.PodLogsDir), cgroups.ParentFor);

            var read = await stats.ReadAsync([pod], CancellationToken.None);
            var memTotal = long.Parse(File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:")).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
            var memory = read.Signals[EvictionSignals.MemoryAvailable];
            Assert.Equal(memTotal, memory.Capacity);
            Assert.InRange(memory.Available, 1, memTotal - 1);
            var drive = new DriveInfo(options.RootDir);
            Assert.Equal(drive.TotalSize, read.Signals[EvictionSignals.NodeFsAvailable].Capacity);
            Assert.InRange(read.Signals[EvictionSignals.NodeFsAvailable].Available, 1, drive.TotalSize);
            Assert.True(read.Signals[EvictionSignals.ImageFsAvailable].Capacity > 0);
            Assert.InRange(read.Signals[EvictionSignals.NodeFsInodesFree].Available, 1, read.Signals[EvictionSignals.NodeFsInodesFree].Capacity);
            Assert.InRange(read.Signals[EvictionSignals.PidAvailable].Available, 1, read.Signals[EvictionSignals.PidAvailable].Capacity - 1);

            var usage = read.Pods[pod.Metadata.Uid];
            Assert.InRange(usage.MemoryWorkingSetBytes ?? 0, 4_000_000, memTotal);
            Assert.InRange(usage.Processes ?? 0, 1, 100);
            Assert.True(usage.DiskBytes > 0, "the pod's log file counts as its disk usage");
            var container = Assert.Single(usage.Containers);
            Assert.Equal("user", container.Name);
            Assert.InRange(container.MemoryWorkingSetBytes ?? 0, 4_000_000, usage.MemoryWorkingSetBytes!.Value);
            Assert.True(container.DiskBytes > 0);
        }
        finally
        {
            await node.CleanupNamespaceAsync(ns);
        }
    }
}
