namespace KubeSharp.Proxy.Iptables;

/// <summary>What the rules depend on besides the services.</summary>
public sealed record RenderOptions
{
    public required ChainNames Chains { get; init; }
    /// <summary>Traffic to a service from outside this CIDR is masqueraded (upstream's --cluster-cidr); null: none.</summary>
    public string? ClusterCidr { get; init; }
    /// <summary>This node's IPv4 address, for the load-balancer source-range exception (see ProxyOptions.NodeIP).</summary>
    public string? NodeIP { get; init; }
    /// <summary>The fwmark bit that flags packets for SNAT (upstream's --iptables-masquerade-bit, default 14).</summary>
    public int MasqueradeBit { get; init; } = 14;

    public string MasqueradeMark => "0x" + (1 << MasqueradeBit).ToString("x");
}
