namespace KubeSharp.Proxy;

/// <summary>kube-proxy's settings (upstream flag names in the comments). Every host resource is configurable.</summary>
public sealed record ProxyOptions
{
    public required string KubeconfigPath { get; init; }
    /// <summary>This node's name (--hostname-override): endpoints on it are "local" for the Local traffic policies.</summary>
    public required string NodeName { get; init; }
    /// <summary>--proxy-mode: iptables (default) or nftables.</summary>
    public ProxyMode Mode { get; init; } = ProxyMode.Iptables;
    /// <summary>Prefix of every chain the proxy owns (upstream's fixed "KUBE-"); tests use their own. nftables mode names its table after it ("KUBE-" → "kube-proxy").</summary>
    public string ChainPrefix { get; init; } = "KUBE-";
    /// <summary>--cluster-cidr: service traffic from outside it is masqueraded. Null: only hairpin and external traffic is.</summary>
    public string? ClusterCidr { get; init; } = "10.244.0.0/16";
    /// <summary>
    /// This node's IPv4 address (upstream detects it from the Node or --bind-address). When a service's
    /// loadBalancerSourceRanges contain it, traffic from the load-balancer IP itself is also accepted: a node that
    /// holds the VIP locally reaches it with the VIP as source. Null: no such exception.
    /// </summary>
    public string? NodeIP { get; init; }
    /// <summary>--iptables-masquerade-bit.</summary>
    public int MasqueradeBit { get; init; } = 14;
    /// <summary>--iptables-min-sync-period: changes closer together than this are applied in one sync.</summary>
    public TimeSpan MinSyncPeriod { get; init; } = TimeSpan.FromMilliseconds(100);
    /// <summary>--iptables-sync-period: a full resync at least this often, repairing rules others removed.</summary>
    public TimeSpan SyncPeriod { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>Set ip_forward, route_localnet and bridge-nf-call-iptables (loading br_netfilter) at start.</summary>
    public bool ConfigureSysctls { get; init; } = true;
    /// <summary>Runs host commands through this prefix, e.g. ["nsenter", "--net=/run/netns/node1"].</summary>
    public IReadOnlyList<string> CommandPrefix { get; init; } = [];
    /// <summary>--healthz-bind-address: /healthz and /livez (ip:port, port 0 = any free one); null or empty: not served.</summary>
    public string? HealthzBindAddress { get; init; } = "0.0.0.0:10256";
    /// <summary>--metrics-bind-address: /metrics in Prometheus text format; null or empty: not served.</summary>
    public string? MetricsBindAddress { get; init; } = "127.0.0.1:10249";
    /// <summary>
    /// The address on which spec.healthCheckNodePort of LoadBalancer services with externalTrafficPolicy Local is
    /// served (upstream: the node-port addresses); null or empty: not served.
    /// </summary>
    public string? HealthCheckBindAddress { get; init; } = "0.0.0.0";
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
