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

    /// <summary>Clock of queues, expectations and availability checks; tests may inject a fake one.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
