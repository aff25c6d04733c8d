using k8s.Models;

namespace KubeSharp.ControllerManager.Controllers.NodeLifecycle;

/// <summary>What one health check of a node found (upstream's tryUpdateNodeHealth results).</summary>
/// <param name="Observed">The Ready condition as the node reported it (a synthetic Unknown when it has none).</param>
/// <param name="Expired">Neither heartbeat moved for the grace period: the node's conditions are to be set Unknown.</param>
internal sealed record NodeHealthResult(V1NodeCondition Observed, bool Expired);

/// <summary>
/// Decides whether a node is still alive (upstream's nodeHealthMap + tryUpdateNodeHealth). It never compares the
/// node's own timestamps with this process's clock, which could be skewed: it remembers, per node, the last Ready
/// heartbeat and Lease renewTime it saw and the local time at which either last moved (the probe time). A node
/// whose probe time is older than the grace period gets all its conditions set to Unknown. Not thread-safe: the
/// monitor loop is its only user.
/// </summary>
internal sealed class NodeHealthTracker(TimeSpan monitorGracePeriod, TimeSpan startupGracePeriod)
{
    public const string ReasonUnknown = "NodeStatusUnknown";
    public const string MessageUnknown = "Kubelet stopped posting node status.";
    public const string ReasonNeverUpdated = "NodeStatusNeverUpdated";
    public const string MessageNeverUpdated = "Kubelet never posted node status.";

    /// <summary>Conditions set to Unknown when the kubelet goes silent; NetworkUnavailable is the network's, not the kubelet's.</summary>
    public static readonly string[] KubeletConditions = ["Ready", "MemoryPressure", "DiskPressure", "PIDPressure"];

    private readonly Dictionary<string, Health> _nodes = new(StringComparer.Ordinal);

    /// <summary>Checks one node (a cache object: it is not changed) and records what moved.</summary>
    public NodeHealthResult Observe(V1Node node, V1Lease? lease, DateTimeOffset now)
    {
        var ready = Condition(node, "Ready");
        var created = node.Metadata?.CreationTimestamp is { } c ? new DateTimeOffset(DateTime.SpecifyKind(c, DateTimeKind.Utc)) : now;
        V1NodeCondition observed;
        TimeSpan grace;
        _nodes.TryGetValue(node.Name(), out var health);
        if (ready == null)
        {
            // Never posted: judged from its creation with the longer startup grace.
            observed = new V1NodeCondition { Type = "Ready", Status = "Unknown", LastHeartbeatTime = node.Metadata?.CreationTimestamp, LastTransitionTime = node.Metadata?.CreationTimestamp };
            grace = startupGracePeriod;
            health ??= new Health { Probe = created };
            health.HadReady = false;
        }
        else
        {
            observed = ready;
            grace = monitorGracePeriod;
            if (health == null || !health.HadReady || health.Heartbeat != ready.LastHeartbeatTime)
            {
                // First sight (e.g. after a restart: every node gets a full grace period), or the kubelet posted.
                health ??= new Health();
                health.Probe = now;
                health.HadReady = true;
                health.Heartbeat = ready.LastHeartbeatTime;
            }
        }
        // A renewed Lease is a heartbeat too, and the cheap one kubelets send every 10 s.
        if (lease?.Spec?.RenewTime is { } renewed && (health.LeaseRenewed == null || health.LeaseRenewed < renewed))
        {
            health.LeaseRenewed = renewed;
            health.Probe = now;
        }
        _nodes[node.Name()] = health;

        return new NodeHealthResult(observed, now > health.Probe + grace);
    }

    /// <summary>
    /// Sets the kubelet's conditions of <paramref name="node"/> (a private copy) to Unknown, adding those it never
    /// posted; false when all already were.
    /// </summary>
    public static bool MarkUnknown(V1Node node, DateTimeOffset now)
    {
        var changed = false;
        node.Status ??= new V1NodeStatus();
        node.Status.Conditions ??= [];
        foreach (var type in KubeletConditions)
        {
            var condition = Condition(node, type);
            if (condition == null)
            {
                node.Status.Conditions.Add(new V1NodeCondition
                {
                    Type = type,
                    Status = "Unknown",
                    Reason = ReasonNeverUpdated,
                    Message = MessageNeverUpdated,
                    LastHeartbeatTime = node.Metadata?.CreationTimestamp,
                    LastTransitionTime = now.UtcDateTime,
                });
                changed = true;
            }
            else if (condition.Status != "Unknown")
            {
                condition.Status = "Unknown";
                condition.Reason = ReasonUnknown;
                condition.Message = MessageUnknown;
                condition.LastTransitionTime = now.UtcDateTime;
                changed = true;
            }
        }
        return changed;
    }

    /// <summary>Drops a deleted node's record.</summary>
    public void Forget(string node) => _nodes.Remove(node);

    /// <summary>
    /// Gives every node a fresh grace period (upstream does this when the cluster leaves full disruption: the
    /// nodes were probably fine and the control plane's own network was not).
    /// </summary>
    public void ResetProbes(DateTimeOffset now)
    {
        foreach (var health in _nodes.Values) health.Probe = now;
    }

    public static V1NodeCondition? Condition(V1Node node, string type) => node.Status?.Conditions?.FirstOrDefault(c => c.Type == type);

    private sealed class Health
    {
        public DateTimeOffset Probe { get; set; }

        public bool HadReady { get; set; }

        public DateTime? Heartbeat { get; set; }

        public DateTime? LeaseRenewed { get; set; }
    }
}
