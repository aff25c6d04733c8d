using k8s.Models;

namespace KubeSharp.Scheduler.Tests.Integration;

/// <summary>End to end against a real API server: Node objects made by the test (no kubelet), pods bound by the scheduler.</summary>
public class SchedulingScenarioTests
{
    [Fact]
    public async Task NodeSelectorPicksTheLabelledNodeAndRecordsScheduled()
    {
        await using var c = await TestCluster.StartAsync();
        await c.AddNodeAsync(Make.Node("n1"));
        await c.AddNodeAsync(Make.Node("n2", labels: Make.Labels("disk", "ssd")));
        await c.AddNodeAsync(Make.Node("n3"));
        await c.AddPodAsync(Make.Pod("web", "100m", nodeSelector: Make.Labels("disk", "ssd")));
        Assert.Equal("n2", await c.WaitForNodeAsync("web"));
        var pod = await c.GetPodAsync("web");
        Assert.Contains(pod.Status.Conditions, x => x.Type == "PodScheduled" && x.Status == "True");
        var scheduled = await c.WaitForEventAsync("web", "Scheduled");
        Assert.Equal("Normal", scheduled.Type);
        Assert.Equal($"Successfully assigned {TestCluster.Namespace}/web to n2", scheduled.Message);
        Assert.Equal("default-scheduler", scheduled.Source.Component);
    }

    [Fact]
    public async Task LeastAllocatedSpreadsThenTheNodesFill()
    {
        await using var c = await TestCluster.StartAsync();
        await c.AddNodeAsync(Make.Node("big", cpu: "4"));
        await c.AddNodeAsync(Make.Node("small", cpu: "3"));
        var placed = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            await c.AddPodAsync(Make.Pod($"p{i}", "1"));
            placed.Add(await c.WaitForNodeAsync($"p{i}"));
        }
        // Each pod goes to the node with the larger free share of cpu (memory is equal on both).
        Assert.Equal(["big", "small", "big", "small", "big"], placed);
        await c.AddPodAsync(Make.Pod("p5", "2"));
        var condition = await c.WaitForUnschedulableAsync("p5");
        Assert.Equal("0/2 nodes are available: 2 Insufficient cpu. "
            + "preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod..", condition.Message);
    }

    [Fact]
    public async Task ATaintRepelsUnlessTolerated()
    {
        await using var c = await TestCluster.StartAsync();
        await c.AddNodeAsync(Make.Node("gpu", taints: [Make.Taint("dedicated", "gpu", "NoSchedule")]));
        await c.AddPodAsync(Make.Pod("plain"));
        var condition = await c.WaitForUnschedulableAsync("plain");
        Assert.Equal("0/1 nodes are available: 1 node(s) had untolerated taint {dedicated: gpu}. "
            + "preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling..", condition.Message);
        await c.AddPodAsync(Make.Pod("tolerant", tolerations: [new V1Toleration { Key = "dedicated", OperatorProperty = "Equal", Value = "gpu", Effect = "NoSchedule" }]));
        Assert.Equal("gpu", await c.WaitForNodeAsync("tolerant"));
        Assert.Null((await c.GetPodAsync("plain")).Spec.NodeName);
    }

    [Fact]
    public async Task AnImpossiblePodGetsUpstreamsMessageInStatusAndEvent()
    {
        await using var c = await TestCluster.StartAsync();
        await c.AddNodeAsync(Make.Node("n1", cpu: "8", labels: Make.Labels("zone", "b")));
        await c.AddNodeAsync(Make.Node("n2", cpu: "1", labels: Make.Labels("zone", "a")));
        await c.AddNodeAsync(Make.Node("n3", cpu: "1", labels: Make.Labels("zone", "a")));
        await c.AddPodAsync(Make.Pod("huge", "2", nodeSelector: Make.Labels("zone", "a")));
        const string expected = "0/3 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 2 Insufficient cpu. "
            + "preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod..";
        var condition = await c.WaitForUnschedulableAsync("huge");
        Assert.Equal("Unschedulable", condition.Reason);
        Assert.Equal(expected, condition.Message);
        var failed = await c.WaitForEventAsync("huge", "FailedScheduling");
        Assert.Equal("Warning", failed.Type);
        Assert.Equal(expected, failed.Message);
        Assert.Equal("default-scheduler", failed.Source.Component);
    }

    [Fact]
    public async Task ANodeAddedLaterUnblocksThePendingPod()
    {
        await using var c = await TestCluster.StartAsync();
        await c.AddNodeAsync(Make.Node("small", cpu: "1"));
        await c.AddPodAsync(Make.Pod("wants-4", "4"));
        await c.WaitForUnschedulableAsync("wants-4");
        await c.AddNodeAsync(Make.Node("large", cpu: "8"));
        Assert.Equal("large", await c.WaitForNodeAsync("wants-4"));
    }

    [Fact]
    public async Task APodForAnotherSchedulerIsLeftAlone()
    {
        await using var c = await TestCluster.StartAsync();
        await c.AddNodeAsync(Make.Node("n1"));
        await c.AddPodAsync(Make.Pod("theirs", schedulerName: "other-scheduler"));
        await c.AddPodAsync(Make.Pod("ours"));
        Assert.Equal("n1", await c.WaitForNodeAsync("ours"));
        var theirs = await c.GetPodAsync("theirs");
        Assert.Null(theirs.Spec.NodeName);
        Assert.DoesNotContain(theirs.Status?.Conditions ?? [], x => x.Type == "PodScheduled");
        Assert.Empty(await c.EventsForAsync("theirs"));
    }

    [Fact]
    public async Task WithLeaderElectionTheSchedulerHoldsTheLeaseAndSchedules()
    {
        await using var c = await TestCluster.StartAsync(leaderElect: true);
        await c.AddNodeAsync(Make.Node("n1"));
        await c.AddPodAsync(Make.Pod("led"));
        Assert.Equal("n1", await c.WaitForNodeAsync("led"));
        var lease = await c.Client.For<V1Lease>().GetAsync("kube-system", "kube-scheduler");
        Assert.False(string.IsNullOrEmpty(lease.Spec.HolderIdentity));
    }

    [Fact]
    public async Task AntiAffinitySpreadsReplicasOneANodeAndTheFourthStaysPending()
    {
        await using var c = await TestCluster.StartAsync();
        foreach (var n in new[] { "n1", "n2", "n3" }) await c.AddNodeAsync(Make.Node(n, labels: Make.Labels("kubernetes.io/hostname", n)));
        V1Pod Replica(int i) => Make.Pod($"web-{i}", "100m", labels: Make.Labels("app", "web"),
            affinity: Make.RequiredAntiAffinity(Make.Term("kubernetes.io/hostname", "app", "web")));
        var placed = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            await c.AddPodAsync(Replica(i));
            placed.Add(await c.WaitForNodeAsync($"web-{i}"));
        }
        Assert.Equal(["n1", "n2", "n3"], placed.Order());
        await c.AddPodAsync(Replica(3));
        const string expected = "0/3 nodes are available: 3 node(s) didn't match pod anti-affinity rules. "
            + "preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod..";
        var condition = await c.WaitForUnschedulableAsync("web-3");
        Assert.Equal("Unschedulable", condition.Reason);
        Assert.Equal(expected, condition.Message);
        Assert.Equal(expected, (await c.WaitForEventAsync("web-3", "FailedScheduling")).Message);
        // Deleting one replica (at once: no kubelet here to finish a graceful delete) frees its node for the pending one.
        var freed = (await c.GetPodAsync("web-1")).Spec.NodeName;
        await c.Pods.DeleteAsync(TestCluster.Namespace, "web-1", new V1DeleteOptions { GracePeriodSeconds = 0 });
        Assert.Equal(freed, await c.WaitForNodeAsync("web-3"));
    }

    [Fact]
    public async Task RequiredAffinityFollowsTheTargetIntoItsZone()
    {
        await using var c = await TestCluster.StartAsync();
        await c.AddNodeAsync(Make.Node("a1", labels: Make.Labels("topology.kubernetes.io/zone", "a")));
        await c.AddNodeAsync(Make.Node("b1", labels: Make.Labels("topology.kubernetes.io/zone", "b")));
        await c.AddNodeAsync(Make.Node("b2", labels: Make.Labels("topology.kubernetes.io/zone", "b")));
        // Without a pod to follow, a pod that does not match its own term cannot start the group.
        await c.AddPodAsync(Make.Pod("early", affinity: Make.RequiredAffinity(Make.Term("topology.kubernetes.io/zone", "app", "db"))));
        var condition = await c.WaitForUnschedulableAsync("early");
        Assert.Equal("0/3 nodes are available: 3 node(s) didn't match pod affinity rules. "
            + "preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling..", condition.Message);
        var db = Make.Pod("db2", labels: Make.Labels("app", "db"), nodeSelector: Make.Labels("topology.kubernetes.io/zone", "b"));
        await c.AddPodAsync(db);
        var dbNode = await c.WaitForNodeAsync("db2");
        for (var i = 0; i < 3; i++)
        {
            await c.AddPodAsync(Make.Pod($"app-{i}", "100m", affinity: Make.RequiredAffinity(Make.Term("topology.kubernetes.io/zone", "app", "db"))));
            Assert.StartsWith("b", await c.WaitForNodeAsync($"app-{i}"));
        }
        Assert.StartsWith("b", dbNode);
        Assert.StartsWith("b", await c.WaitForNodeAsync("early"));
    }

    [Fact]
    public async Task TopologySpreadKeepsZonesEvenAndReportsTheSkew()
    {
        await using var c = await TestCluster.StartAsync();
        // Zone a has two roomy nodes, zone b one small node: LeastAllocated alone would favour zone a.
        await c.AddNodeAsync(Make.Node("a1", cpu: "8", labels: Make.Labels("topology.kubernetes.io/zone", "a")));
        await c.AddNodeAsync(Make.Node("a2", cpu: "8", labels: Make.Labels("topology.kubernetes.io/zone", "a")));
        await c.AddNodeAsync(Make.Node("b1", cpu: "1", labels: Make.Labels("topology.kubernetes.io/zone", "b")));
        V1Pod Replica(string name)
        {
            var pod = Make.Pod(name, "500m", labels: Make.Labels("app", "web"));
            pod.Spec.TopologySpreadConstraints =
            [
                new V1TopologySpreadConstraint
                {
                    MaxSkew = 1, TopologyKey = "topology.kubernetes.io/zone", WhenUnsatisfiable = "DoNotSchedule",
                    LabelSelector = new V1LabelSelector { MatchLabels = Make.Labels("app", "web") },
                },
            ];
            return pod;
        }
        var zones = new List<char>();
        for (var i = 0; i < 4; i++)
        {
            await c.AddPodAsync(Replica($"web-{i}"));
            zones.Add((await c.WaitForNodeAsync($"web-{i}"))[0]);
        }
        Assert.Equal(2, zones.Count(z => z == 'a'));
        Assert.Equal(2, zones.Count(z => z == 'b'));
        // Zone b is now full (2 × 500m of 1 cpu): a fifth replica still fits in zone a (skew 3 − 2 = 1), a sixth would make it 2.
        await c.AddPodAsync(Replica("web-4"));
        Assert.StartsWith("a", await c.WaitForNodeAsync("web-4"));
        await c.AddPodAsync(Replica("web-5"));
        var condition = await c.WaitForUnschedulableAsync("web-5");
        Assert.Equal("0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't match pod topology spread constraints. "
            + "preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod..", condition.Message);
    }
}
