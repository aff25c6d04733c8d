namespace KubeSharp.ControllerManager;

/// <summary>Settings of a <see cref="ControllerManagerHost"/>; defaults follow kube-controller-manager's flags.</summary>
public sealed record ControllerManagerOptions
{
    /// <summary>Kubeconfig of the API server to reach (the only way into the cluster).</summary>
    public required string KubeconfigPath { get; init; }

    /// <summary>Controllers to run (<see cref="ControllerNames"/>); "*" means all. Unknown names fail the start.</summary>
    public IReadOnlyList<string> Controllers { get; init; } = ["*"];

    /// <summary>Concurrent syncs per controller (upstream's --concurrent-*-syncs default to 5, namespace 10).</summary>
    public int WorkersPerController { get; init; } = 5;

    /// <summary>Run controllers only while holding the Lease, so several instances can stand by (--leader-elect).</summary>
    public bool LeaderElect { get; init; } = true;

    public string LeaseNamespace { get; init; } = "kube-system";

    public string LeaseName { get; init; } = "kube-controller-manager";

    /// <summary>Candidate identity in the Lease; defaults to "hostname_guid" as upstream does.</summary>
    public string? Identity { get; init; }

    /// <summary>Give nodes spec.podCIDR from <see cref="ClusterCidr"/> (--allocate-node-cidrs; on by default here, as in k3s).</summary>
    public bool AllocateNodeCidrs { get; init; } = true;

    /// <summary>The pod network nodes' CIDRs are cut from (--cluster-cidr).</summary>
    public string ClusterCidr { get; init; } = "10.244.0.0/16";

    /// <summary>Prefix length of each node's pod CIDR (--node-cidr-mask-size; upstream's IPv4 default is 24).</summary>
    public int NodeCidrMaskSize { get; init; } = 24;

    /// <summary>Endpoints per EndpointSlice (--max-endpoints-per-slice, upstream default 100, at most 1000).</summary>
    public int MaxEndpointsPerSlice { get; init; } = 100;

    /// <summary>How often the node lifecycle controller checks node health (--node-monitor-period, upstream 5 s).</summary>
    public TimeSpan NodeMonitorPeriod { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a node may go without a Lease renewal or Ready heartbeat before it is marked Unknown
    /// (--node-monitor-grace-period, upstream 40 s: four missed 10 s Lease renewals).
    /// </summary>
    public TimeSpan NodeMonitorGracePeriod { get; init; } = TimeSpan.FromSeconds(40);

    /// <summary>Grace for a node that never posted a Ready condition, from its creation (--node-startup-grace-period, 60 s).</summary>
    public TimeSpan NodeStartupGracePeriod { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Nodes per second that get a NoExecute taint in a healthy zone (--node-eviction-rate, 0.1).</summary>
    public double NodeEvictionRate { get; init; } = 0.1;

    /// <summary>The same in a partially disrupted zone of a large cluster (--secondary-node-eviction-rate, 0.01).</summary>
    public double SecondaryNodeEvictionRate { get; init; } = 0.01;

    /// <summary>Fraction of not-ready nodes (at least 3) from which a zone counts as partially disrupted (--unhealthy-zone-threshold, 0.55).</summary>
    public double UnhealthyZoneThreshold { get; init; } = 0.55;

    /// <summary>
    /// Zones with more nodes than this keep tainting at the secondary rate when partially disrupted; smaller ones
    /// stop (--large-cluster-size-threshold, 50).
    /// </summary>
    public int LargeClusterSizeThreshold { get; init; } = 50;

    /// <summary>Clock of queues, expectations and availability checks; tests may inject a fake one.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
