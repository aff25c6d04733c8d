using k8s.Models;
using KubeSharp.Kubelet.Pods;

namespace KubeSharp.Kubelet.Tests.Pods;

public sealed class ContainerResourcesTests
{
    [Theory]
    [InlineData(0, 2)]
    [InlineData(1, 2)]
    [InlineData(100, 102)]
    [InlineData(250, 256)]
    [InlineData(1000, 1024)]
    [InlineData(300_000, 262144)]
    public void Shares_from_milli_cpu(long milli, long shares) => Assert.Equal(shares, ContainerResources.MilliCpuToShares(milli));

    [Theory]
    [InlineData(0, 0)]
    [InlineData(5, 1000)]
    [InlineData(10, 1000)]
    [InlineData(250, 25_000)]
    [InlineData(1500, 150_000)]
    public void Quota_from_milli_cpu(long milli, long quota) => Assert.Equal(quota, ContainerResources.MilliCpuToQuota(milli, 100_000));

    [Fact]
    public void Limits_and_requests_become_cgroup_values()
    {
        var c = new V1Container
        {
            Name = "c",
            Resources = new V1ResourceRequirements
            {
                Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("100m"), ["memory"] = new("1Gi") },
                Limits = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("2"), ["memory"] = new("2Gi") },
            },
        };
        var r = ContainerResources.For(c, QosClass.Burstable, 8L << 30);
        Assert.Equal(102, r.CpuShares);
        Assert.Equal(200_000, r.CpuQuota);
        Assert.Equal(100_000, r.CpuPeriod);
        Assert.Equal(2L << 30, r.MemoryLimitInBytes);
        Assert.Equal(1000 - (1000 * (1L << 30) / (8L << 30)), r.OomScoreAdj);

        var none = ContainerResources.For(new V1Container { Name = "x" }, QosClass.BestEffort, 8L << 30);
        Assert.Equal((2L, 0L, 0L, 0L, 1000L), (none.CpuShares, none.CpuQuota, none.CpuPeriod, none.MemoryLimitInBytes, none.OomScoreAdj));
    }

    [Theory]
    [InlineData("Guaranteed", 0, -997)]
    [InlineData("BestEffort", 0, 1000)]
    [InlineData("Burstable", 0, 999)]
    [InlineData("Burstable", 8192, 3)]
    [InlineData("Burstable", 4096, 500)]
    public void Oom_score_adjustment_by_qos(string qos, long requestMi, long expected) =>
        Assert.Equal(expected, ContainerResources.OomScoreAdj(qos, requestMi << 20, 8192L << 20));

    [Fact]
    public void Qos_classes()
    {
        static V1Pod Pod(Dictionary<string, ResourceQuantity>? requests, Dictionary<string, ResourceQuantity>? limits) => new()
        {
            Metadata = new V1ObjectMeta { Name = "p" },
            Spec = new V1PodSpec { Containers = [new V1Container { Name = "c", Resources = new V1ResourceRequirements { Requests = requests, Limits = limits } }] },
        };
        var both = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("1"), ["memory"] = new("1Gi") };
        Assert.Equal("Guaranteed", QosClass.Of(Pod(both, both)));
        Assert.Equal("Guaranteed", QosClass.Of(Pod(null, both)));
        Assert.Equal("Burstable", QosClass.Of(Pod(new() { ["cpu"] = new("1") }, null)));
        Assert.Equal("BestEffort", QosClass.Of(Pod(null, null)));
    }
}
