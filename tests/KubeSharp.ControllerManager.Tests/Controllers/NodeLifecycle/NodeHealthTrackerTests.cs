using k8s.Models;
using KubeSharp.ControllerManager.Controllers.NodeLifecycle;
using Microsoft.Extensions.Time.Testing;

namespace KubeSharp.ControllerManager.Tests.Controllers.NodeLifecycle;

public sealed class NodeHealthTrackerTests
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(40);
    private static readonly TimeSpan StartupGrace = TimeSpan.FromSeconds(60);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly NodeHealthTracker _tracker = new(Grace, StartupGrace);

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    /// <summary>One row: how long the kubelet stays silent and what it kept doing; whether the node must go Unknown.</summary>
    [Theory]
    [InlineData(39, false, false, false)] // silent, but within the grace period
    [InlineData(41, false, false, true)] // silent past the grace period
    [InlineData(41, true, false, false)] // only the Lease is renewed (the cheap heartbeat): alive
    [InlineData(41, false, true, false)] // only the Ready heartbeat moves: alive
    [InlineData(100, true, true, false)] // both keep moving
    public void Node_goes_unknown_only_when_neither_lease_nor_ready_heartbeat_moved_for_the_grace_period(
        int silentSeconds, bool renewLease, bool postStatus, bool expectUnknown)
    {
        var node = Node("n1", ready: "True", heartbeat: Now);
        var lease = Lease("n1", Now);
        Assert.False(_tracker.Observe(Copy(node), lease, _time.GetUtcNow()).StatusChanged);

        // Checks every 5 s, as the monitor loop does.
        NodeHealthResult? last = null;
        V1Node? checkedNode = null;
        for (var elapsed = 5; elapsed <= silentSeconds + 4; elapsed += 5)
        {
            _time.Advance(TimeSpan.FromSeconds(5));
            if (renewLease) lease = Lease("n1", Now);
            if (postStatus) node = Node("n1", ready: "True", heartbeat: Now);
            checkedNode = Copy(node);
            last = _tracker.Observe(checkedNode, lease, _time.GetUtcNow());
            if (last.StatusChanged) break;
        }
        Assert.NotNull(last);
        Assert.Equal(expectUnknown, last.StatusChanged);
        if (!expectUnknown)
        {
            Assert.Equal("True", last.Current!.Status);
            return;
        }
        Assert.Equal("True", last.Observed.Status);
        foreach (var type in NodeHealthTracker.KubeletConditions)
        {
            var c = NodeHealthTracker.Condition(checkedNode!, type)!;
            Assert.Equal("Unknown", c.Status);
            Assert.Equal("NodeStatusUnknown", c.Reason);
            Assert.Equal("Kubelet stopped posting node status.", c.Message);
            Assert.Equal(Now, c.LastTransitionTime);
        }
    }

    [Fact]
    public void Already_unknown_node_is_not_rewritten()
    {
        var node = Node("n1", ready: "True", heartbeat: Now);
        _tracker.Observe(Copy(node), null, _time.GetUtcNow());
        _time.Advance(Grace + TimeSpan.FromSeconds(1));
        var marked = Copy(node);
        Assert.True(_tracker.Observe(marked, null, _time.GetUtcNow()).StatusChanged);

        _time.Advance(TimeSpan.FromSeconds(5));
        var again = _tracker.Observe(Copy(marked), null, _time.GetUtcNow());
        Assert.False(again.StatusChanged);
        Assert.Equal("Unknown", again.Observed.Status);
    }

    [Fact]
    public void Node_that_never_posted_status_gets_the_startup_grace_from_its_creation()
    {
        var created = Now;
        var node = new V1Node { Metadata = new V1ObjectMeta { Name = "fresh", CreationTimestamp = created } };
        _time.Advance(StartupGrace - TimeSpan.FromSeconds(1));
        var early = _tracker.Observe(Copy(node), null, _time.GetUtcNow());
        Assert.False(early.StatusChanged);
        Assert.Null(early.Current);
        Assert.Equal("Unknown", early.Observed.Status);

        _time.Advance(TimeSpan.FromSeconds(2));
        var late = Copy(node);
        Assert.True(_tracker.Observe(late, null, _time.GetUtcNow()).StatusChanged);
        Assert.Equal(4, late.Status.Conditions.Count);
        Assert.All(late.Status.Conditions, c =>
        {
            Assert.Equal("Unknown", c.Status);
            Assert.Equal("NodeStatusNeverUpdated", c.Reason);
            Assert.Equal("Kubelet never posted node status.", c.Message);
            Assert.Equal(created, c.LastHeartbeatTime);
        });
    }

    [Fact]
    public void A_restarted_controller_gives_every_node_a_full_grace_period_whatever_its_timestamps_say()
    {
        // Heartbeat and Lease far in the past (or from a skewed clock): first sight still counts as alive now.
        var node = Node("n1", ready: "True", heartbeat: Now.AddHours(-1));
        var lease = Lease("n1", Now.AddHours(-1));
        Assert.False(_tracker.Observe(Copy(node), lease, _time.GetUtcNow()).StatusChanged);
        _time.Advance(Grace - TimeSpan.FromSeconds(1));
        Assert.False(_tracker.Observe(Copy(node), lease, _time.GetUtcNow()).StatusChanged);
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.True(_tracker.Observe(Copy(node), lease, _time.GetUtcNow()).StatusChanged);
    }

    [Fact]
    public void ResetProbes_restarts_every_grace_period()
    {
        var node = Node("n1", ready: "True", heartbeat: Now);
        _tracker.Observe(Copy(node), null, _time.GetUtcNow());
        _time.Advance(Grace - TimeSpan.FromSeconds(1));
        _tracker.ResetProbes(_time.GetUtcNow());
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.False(_tracker.Observe(Copy(node), null, _time.GetUtcNow()).StatusChanged);
    }

    internal static V1Node Node(string name, string ready, DateTime heartbeat) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, CreationTimestamp = heartbeat.AddMinutes(-10) },
        Status = new V1NodeStatus
        {
            Conditions =
            [
                new V1NodeCondition { Type = "Ready", Status = ready, Reason = "KubeletReady", LastHeartbeatTime = heartbeat, LastTransitionTime = heartbeat.AddMinutes(-10) },
                new V1NodeCondition { Type = "MemoryPressure", Status = "False", LastHeartbeatTime = heartbeat, LastTransitionTime = heartbeat.AddMinutes(-10) },
                new V1NodeCondition { Type = "DiskPressure", Status = "False", LastHeartbeatTime = heartbeat, LastTransitionTime = heartbeat.AddMinutes(-10) },
                new V1NodeCondition { Type = "PIDPressure", Status = "False", LastHeartbeatTime = heartbeat, LastTransitionTime = heartbeat.AddMinutes(-10) },
            ],
        },
    };

    private static V1Lease Lease(string name, DateTime renewed) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "kube-node-lease" },
        Spec = new V1LeaseSpec { HolderIdentity = name, RenewTime = renewed },
    };

    private static V1Node Copy(V1Node node) => KubeSharp.Client.KubeObjects.DeepCopy(node);
}
