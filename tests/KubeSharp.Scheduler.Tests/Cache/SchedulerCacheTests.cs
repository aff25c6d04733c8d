using KubeSharp.Scheduler.Cache;

namespace KubeSharp.Scheduler.Tests.Cache;

public class SchedulerCacheTests
{
    [Fact]
    public void AssumeCountsAtOnceForgetUndoes()
    {
        var cache = new SchedulerCache();
        cache.AddNode(Make.Node("n1"));
        var pod = Make.Pod("p", "1");
        pod.Spec.NodeName = "n1";
        cache.AssumePod(pod, "n1");
        Assert.Equal(1000, cache.Snapshot()[0].Requested.MilliCpu);
        Assert.True(cache.IsAssumed(pod.Metadata.Uid));
        cache.ForgetPod(pod);
        Assert.Equal(0, cache.Snapshot()[0].Requested.MilliCpu);
    }

    [Fact]
    public void InformerAddConfirmsAssumption()
    {
        var cache = new SchedulerCache();
        cache.AddNode(Make.Node("n1"));
        var pod = Make.Pod("p", "1");
        pod.Spec.NodeName = "n1";
        cache.AssumePod(pod, "n1");
        cache.AddPod(pod);
        Assert.False(cache.IsAssumed(pod.Metadata.Uid));
        cache.ForgetPod(pod);
        Assert.Equal(1000, cache.Snapshot()[0].Requested.MilliCpu);
        Assert.Single(cache.Snapshot()[0].Pods);
    }

    [Fact]
    public void PodBeforeItsNodeWaitsInPlaceholder()
    {
        var cache = new SchedulerCache();
        var pod = Make.Pod("p", "1");
        pod.Spec.NodeName = "late";
        cache.AddPod(pod);
        Assert.Empty(cache.Snapshot());
        cache.AddNode(Make.Node("late"));
        Assert.Equal(1000, Assert.Single(cache.Snapshot()).Requested.MilliCpu);
        cache.RemovePod(pod);
        Assert.Equal(0, cache.Snapshot()[0].Requested.MilliCpu);
    }

    [Fact]
    public void NodesTrackTheirPodsWithAffinityAndRequiredAntiAffinity()
    {
        var cache = new SchedulerCache();
        cache.AddNode(Make.Node("n1"));
        var plain = Make.Pod("plain", nodeName: "n1");
        var anti = Make.Pod("anti", nodeName: "n1", affinity: Make.RequiredAntiAffinity(Make.Term("kubernetes.io/hostname", "app", "web")));
        var affinity = Make.Pod("affinity", nodeName: "n1", affinity: Make.RequiredAffinity(Make.Term("kubernetes.io/hostname", "app", "web")));
        cache.AddPod(plain);
        cache.AddPod(anti);
        cache.AddPod(affinity);
        var node = cache.Snapshot()[0];
        Assert.Equal(["anti", "affinity"], node.PodsWithAffinity.Select(p => p.Metadata.Name));
        Assert.Equal(["anti"], node.PodsWithRequiredAntiAffinity.Select(p => p.Metadata.Name));
        cache.RemovePod(anti);
        node = cache.Snapshot()[0];
        Assert.Equal(["affinity"], node.PodsWithAffinity.Select(p => p.Metadata.Name));
        Assert.Empty(node.PodsWithRequiredAntiAffinity);
    }
}
