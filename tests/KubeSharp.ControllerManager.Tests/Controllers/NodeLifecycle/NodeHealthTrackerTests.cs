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

    /// <summary>
    /// One row: how long the kubelet stays silent, what it kept doing meanwhile, and the second (checked every 5 s, as
    /// the monitor loop does) at which the node is first found expired, 0 for never.
    /// </summary>
    [Theory]
    [InlineData(39, false, false, 0)] // silent, but within the grace period
    [InlineData(60, false, false, 45)] // silent: the first check past 40 s
    [InlineData(60, true, false, 0)] // only the Lease is renewed (the cheap heartbeat): alive
    [InlineData(60, false, true, 0)] // only the Ready heartbeat moves: alive
    [InlineData(120, true, true, 0)] // both keep moving
    public void Node_expires_only_when_neither_lease_nor_ready_heartbeat_moved_for_the_grace_period(
        int seconds, bool renewLease, bool postStatus, int expiresAt)
    {
        var node = Node("n1", ready: "True", heartbeat: Now);
        var lease = Lease("n1", Now);
        Assert.False(_tracker.Observe(node, lease, _time.GetUtcNow()).Expired);

        var firstExpired = 0;
        for (var elapsed = 5; elapsed <= seconds; elapsed += 5)
        {
            _time.Advance(TimeSpan.FromSeconds(5));
            if (renewLease) lease = Lease("n1", Now);
            if (postStatus) node = Node("n1", ready: "True", heartbeat: Now);
            var result = _tracker.Observe(node, lease, _time.GetUtcNow());
            Assert.Equal("True", result.Observed.Status);
            if (result.Expired && firstExpired == 0) firstExpired = elapsed;
        }
        Assert.Equal(expiresAt, firstExpired);
    }

    [Fact]
    public void MarkUnknown_sets_the_kubelet_conditions_unknown_once_and_leaves_network_alone()
    {
        var node = Node("n1", ready: "True", heartbeat: Now);
        node.Status.Conditions.Add(new V1NodeCondition { Type = "NetworkUnavailable", Status = "False" });
        Assert.True(NodeHealthTracker.MarkUnknown(node, _time.GetUtcNow()));
        foreach (var type in NodeHealthTracker.KubeletConditions)
        {
            var c = NodeHealthTracker.Condition(node, type)!;
            Assert.Equal("Unknown", c.Status);
            Assert.Equal("NodeStatusUnknown", c.Reason);
            Assert.Equal("Kubelet stopped posting node status.", c.Message);
            Assert.Equal(Now, c.LastTransitionTime);
        }
        Assert.Equal("False", NodeHealthTracker.Condition(node, "NetworkUnavailable")!.Status);

        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.False(NodeHealthTracker.MarkUnknown(node, _time.GetUtcNow()));
        Assert.Equal(Now.AddSeconds(-5), NodeHealthTracker.Condition(node, "Ready")!.LastTransitionTime);
    }

    [Fact]
    public void Node_that_never_posted_status_gets_the_startup_grace_from_its_creation()
    {
        var created = Now;
        var node = new V1Node { Metadata = new V1ObjectMeta { Name = "fresh", CreationTimestamp = created } };
        _time.Advance(StartupGrace - TimeSpan.FromSeconds(1));
        var early = _tracker.Observe(node, null, _time.GetUtcNow());
        Assert.False(early.Expired);
        Assert.Equal("Unknown", early.Observed.Status);

        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.True(_tracker.Observe(node, null, _time.GetUtcNow()).Expired);
        Assert.True(NodeHealthTracker.MarkUnknown(node, _time.GetUtcNow()));
        Assert.Equal(4, node.Status.Conditions.Count);
        Assert.All(node.Status.Conditions, c =>
        {
            Assert.Equal("Unknown", c.Status);
            Assert.Equal("NodeStatusNeverUpdated", c.Reason);
            Assert.Equal("Kubelet never posted node status.", c.Message);
            Assert.Equal(created, c.LastHeartbeatTime);
        });
    }

    [Fact]
    public void A_lease_alone_keeps_a_node_that_never_posted_status_alive()
    {
        var node = new V1Node { Metadata = new V1ObjectMeta { Name = "leased", CreationTimestamp = Now } };
        for (var i = 0; i < 20; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(10));
            Assert.False(_tracker.Observe(node, Lease("leased", Now), _time.GetUtcNow()).Expired);
        }
    }

    [Fact]
    public void A_restarted_controller_gives_every_node_a_full_grace_period_whatever_its_timestamps_say()
    {
        // Heartbeat and Lease far in the past (or from a skewed clock): first sight still counts as alive now.
        var node = Node("n1", ready: "True", heartbeat: Now.AddHours(-1));
        var lease = Lease("n1", Now.AddHours(-1));
        Assert.False(_tracker.Observe(node, lease, _time.GetUtcNow()).Expired);
        _time.Advance(Grace - TimeSpan.FromSeconds(1));
        Assert.False(_tracker.Observe(node, lease, _time.GetUtcNow()).Expired);
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.True(_tracker.Observe(node, lease, _time.GetUtcNow()).Expired);
    }

    [Fact]
    public void ResetProbes_restarts_every_grace_period_and_Forget_starts_a_node_afresh()
    {
        var node = Node("n1", ready: "True", heartbeat: Now);
        _tracker.Observe(node, null, _time.GetUtcNow());
        _time.Advance(Grace - TimeSpan.FromSeconds(1));
        _tracker.ResetProbes(_time.GetUtcNow());
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.False(_tracker.Observe(node, null, _time.GetUtcNow()).Expired);

        _time.Advance(Grace);
        _tracker.Forget("n1");
        Assert.False(_tracker.Observe(node, null, _time.GetUtcNow()).Expired);
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
}
