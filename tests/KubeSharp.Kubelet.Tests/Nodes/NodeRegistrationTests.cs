using k8s.Models;
using KubeSharp.Client.Rest;
using KubeSharp.Kubelet.Nodes;

namespace KubeSharp.Kubelet.Tests.Nodes;

[Collection(ApiCollection.Name)]
public sealed class NodeRegistrationTests(ApiServerFixture api)
{
    [Fact]
    public async Task Registers_the_node_with_capacity_allocatable_labels_taints_addresses_and_node_info()
    {
        await using var node = await TestNode.StartAsync(api, o => o with
        {
            NodeLabels = new Dictionary<string, string> { ["tier"] = "gold" },
            RegisterWithTaints = [new V1Taint { Key = "dedicated", Value = "db", Effect = "NoSchedule" }],
            SystemReserved = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("500m"), ["memory"] = new("1Gi") },
            KubeReserved = new Dictionary<string, ResourceQuantity> { ["memory"] = new("256Mi") },
        });
        var n = await api.Client.For<V1Node>().GetAsync(null, node.Name);

        Assert.Equal("test-host", n.Metadata.Labels["kubernetes.io/hostname"]);
        Assert.Equal("linux", n.Metadata.Labels["kubernetes.io/os"]);
        Assert.Contains(n.Metadata.Labels["kubernetes.io/arch"], new[] { "amd64", "arm64" });
        Assert.Equal("gold", n.Metadata.Labels["tier"]);
        var taint = Assert.Single(n.Spec.Taints);
        Assert.Equal(("dedicated", "db", "NoSchedule"), (taint.Key, taint.Value, taint.Effect));

        // 4 CPUs, 8 GiB, 100 GiB disk from the probe.
        Assert.Equal(4m, n.Status.Capacity["cpu"].ToDecimal());
        Assert.Equal(8m * 1024 * 1024 * 1024, n.Status.Capacity["memory"].ToDecimal());
        Assert.Equal(110m, n.Status.Capacity["pods"].ToDecimal());
        Assert.Equal(100m * 1024 * 1024 * 1024, n.Status.Capacity["ephemeral-storage"].ToDecimal());
        // Allocatable: minus system-reserved, kube-reserved and the hard eviction thresholds (100Mi memory, 10% nodefs).
        Assert.Equal(3.5m, n.Status.Allocatable["cpu"].ToDecimal());
        Assert.Equal((8m * 1024 - 1024 - 256 - 100) * 1024 * 1024, n.Status.Allocatable["memory"].ToDecimal());
        Assert.Equal(90m * 1024 * 1024 * 1024, n.Status.Allocatable["ephemeral-storage"].ToDecimal());
        Assert.Equal(110m, n.Status.Allocatable["pods"].ToDecimal());

        Assert.Contains(n.Status.Addresses, a => a.Type == "InternalIP" && a.Address == "10.1.2.3");
        Assert.Contains(n.Status.Addresses, a => a.Type == "Hostname" && a.Address == "test-host");
        Assert.Equal("containerd://1.6.20~fake", n.Status.NodeInfo.ContainerRuntimeVersion);
        Assert.StartsWith("v1.32.", n.Status.NodeInfo.KubeletVersion);
        Assert.Equal(File.ReadAllText("/proc/sys/kernel/osrelease").Trim(), n.Status.NodeInfo.KernelVersion);
        Assert.Equal("linux", n.Status.NodeInfo.OperatingSystem);
        Assert.False(string.IsNullOrEmpty(n.Status.NodeInfo.OsImage));
        Assert.Equal(10250, n.Status.DaemonEndpoints.KubeletEndpoint.Port);

        Assert.Equal("True", Condition(n, "Ready").Status);
        Assert.Equal("KubeletReady", Condition(n, "Ready").Reason);
        Assert.Equal(("False", "KubeletHasSufficientMemory"), (Condition(n, "MemoryPressure").Status, Condition(n, "MemoryPressure").Reason));
        Assert.Equal(("False", "KubeletHasNoDiskPressure"), (Condition(n, "DiskPressure").Status, Condition(n, "DiskPressure").Reason));
        Assert.Equal(("False", "KubeletHasSufficientPID"), (Condition(n, "PIDPressure").Status, Condition(n, "PIDPressure").Reason));
        Assert.Contains(n.Status.Images, i => i.Names.Contains("docker.io/library/busybox:latest"));
    }

    [Fact]
    public async Task Conditions_follow_the_runtime_and_the_host_figures()
    {
        // Pressure conditions come from the eviction manager's thresholds over the probe's figures (pid.available
        // has no upstream default, so it is configured here).
        await using var node = await TestNode.StartAsync(api, o => o with
        {
            NodeStatusUpdateFrequency = TimeSpan.FromMilliseconds(200),
            Eviction = Kubelet.Eviction.EvictionPolicy.Parse("memory.available<100Mi,nodefs.available<10%,pid.available<5%") with
            {
                MonitoringInterval = TimeSpan.FromMilliseconds(200),
            },
        });
        var nodes = api.Client.For<V1Node>();

        node.Runtime.NetworkReady = false;
        node.Probe.Figures = node.Probe.Figures with { MemoryAvailableBytes = 50L << 20, FsAvailableBytes = 5L << 30, PidsInUse = 4_190_000 };
        var n = await Eventually.ValueAsync(() => nodes.GetAsync(null, node.Name), x => Condition(x, "Ready").Status == "False", "node NotReady");
        Assert.Equal("KubeletNotReady", Condition(n, "Ready").Reason);
        Assert.Contains("NetworkReady=false reason:NetworkPluginNotReady", Condition(n, "Ready").Message);
        n = await Eventually.ValueAsync(() => nodes.GetAsync(null, node.Name), x => Condition(x, "PIDPressure").Status == "True", "pressure");
        Assert.Equal(("True", "KubeletHasInsufficientMemory"), (Condition(n, "MemoryPressure").Status, Condition(n, "MemoryPressure").Reason));
        Assert.Equal(("True", "KubeletHasDiskPressure"), (Condition(n, "DiskPressure").Status, Condition(n, "DiskPressure").Reason));
        var notReadySince = Condition(n, "Ready").LastTransitionTime;

        node.Runtime.NetworkReady = true;
        n = await Eventually.ValueAsync(() => nodes.GetAsync(null, node.Name), x => Condition(x, "Ready").Status == "True", "node Ready again");
        Assert.True(Condition(n, "Ready").LastTransitionTime >= notReadySince);
    }

    [Fact]
    public async Task Lease_is_created_owned_by_the_node_and_renewed()
    {
        await using var node = await TestNode.StartAsync(api, o => o with { NodeLeaseDuration = TimeSpan.FromSeconds(2) });
        var leases = api.Client.For<V1Lease>();
        var lease = await leases.GetAsync("kube-node-lease", node.Name);
        Assert.Equal(node.Name, lease.Spec.HolderIdentity);
        Assert.Equal(2, lease.Spec.LeaseDurationSeconds);
        var owner = Assert.Single(lease.Metadata.OwnerReferences);
        Assert.Equal(("Node", node.Name), (owner.Kind, owner.Name));
        var first = lease.Spec.RenewTime;
        // Renewed every quarter of the duration (0.5 s here).
        await Eventually.WaitAsync(async () => (await leases.GetAsync("kube-node-lease", node.Name)).Spec.RenewTime > first, "lease renewed");
    }

    [Fact]
    public async Task Pod_cidr_reaches_the_callback_and_the_runtime()
    {
        var seen = new List<string>();
        await using var node = await TestNode.StartAsync(api, o => o with
        {
            PodCidrChanged = (cidr, _) =>
            {
                lock (seen) seen.Add(cidr);
                return Task.CompletedTask;
            },
        });
        Assert.Null(node.Kubelet!.PodCidr);
        await api.Client.For<V1Node>().PatchAsync(null, node.Name, PatchType.Merge, "{\"spec\":{\"podCIDR\":\"10.244.9.0/24\",\"podCIDRs\":[\"10.244.9.0/24\"]}}");
        await Eventually.WaitAsync(() => node.Runtime.PodCidr == "10.244.9.0/24", "UpdateRuntimeConfig");
        lock (seen) Assert.Equal(["10.244.9.0/24"], seen);
        Assert.Equal("10.244.9.0/24", node.Kubelet.PodCidr);
    }

    [Fact]
    public async Task A_restarted_kubelet_adopts_its_existing_node_and_applies_a_known_pod_cidr()
    {
        await using var node = await TestNode.StartAsync(api);
        var nodes = api.Client.For<V1Node>();
        var before = await nodes.GetAsync(null, node.Name);
        await nodes.PatchAsync(null, node.Name, PatchType.Merge, "{\"spec\":{\"podCIDR\":\"10.244.11.0/24\"},\"metadata\":{\"labels\":{\"user\":\"kept\"}}}");
        await node.RestartKubeletAsync();
        var after = await nodes.GetAsync(null, node.Name);
        Assert.Equal(before.Metadata.Uid, after.Metadata.Uid);
        Assert.Equal("kept", after.Metadata.Labels["user"]);
        await Eventually.WaitAsync(() => node.Runtime.PodCidr == "10.244.11.0/24", "pod CIDR applied at start");
    }

    [Fact]
    public void Allocatable_never_goes_negative_and_formats_like_upstream()
    {
        var capacity = NodeResources.Capacity(new NodeResourceFigures(1, 64L << 20, 0, 1L << 30, 0, 100, 1), 110);
        Assert.Equal(64m * 1024 * 1024, capacity["memory"].ToDecimal());
        var allocatable = NodeResources.Allocatable(capacity, new KubeletOptions
        {
            KubeconfigPath = "x",
            NodeName = "n",
            SystemReserved = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("100m") },
        });
        Assert.Equal(0m, allocatable["memory"].ToDecimal());
        Assert.Equal(0.9m, allocatable["cpu"].ToDecimal());
    }

    private static V1NodeCondition Condition(V1Node node, string type) => node.Status.Conditions.Single(c => c.Type == type);
}
