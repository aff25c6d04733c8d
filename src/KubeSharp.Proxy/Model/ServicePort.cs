namespace KubeSharp.Proxy.Model;

/// <summary>One port of one Service as the proxy programs it (upstream's ServicePort).</summary>
public sealed record ServicePort
{
    public required string Namespace { get; init; }
    public required string Name { get; init; }
    /// <summary>The port's name ("" for a single unnamed port).</summary>
    public required string PortName { get; init; }
    public required string Protocol { get; init; }     // TCP, UDP, SCTP
    public required string ClusterIP { get; init; }
    public required int Port { get; init; }
    public int NodePort { get; init; }
    public IReadOnlyList<string> ExternalIPs { get; init; } = [];
    public IReadOnlyList<string> LoadBalancerIPs { get; init; } = [];
    /// <summary>
    /// spec.loadBalancerSourceRanges of a LoadBalancer service, canonical IPv4 CIDRs: when set, traffic to the
    /// load-balancer IPs is accepted only from these sources (node ports and external IPs are not filtered, as upstream).
    /// </summary>
    public IReadOnlyList<string> LoadBalancerSourceRanges { get; init; } = [];
    /// <summary>Seconds of ClientIP affinity, 0 when sessionAffinity is None.</summary>
    public int AffinitySeconds { get; init; }
    public bool ExternalPolicyLocal { get; init; }
    public bool InternalPolicyLocal { get; init; }
    /// <summary>spec.healthCheckNodePort of a LoadBalancer with externalTrafficPolicy Local, else 0.</summary>
    public int HealthCheckNodePort { get; init; }
    public IReadOnlyList<Endpoint> Endpoints { get; init; } = [];

    /// <summary>"ns/name:port", upstream's ServicePortName string, used in comments and chain hashes.</summary>
    public string Id => PortName.Length == 0 ? $"{Namespace}/{Name}" : $"{Namespace}/{Name}:{PortName}";

    /// <summary>Upstream's usesFWChain minus the endpoint condition: load-balancer IPs filtered by source.</summary>
    public bool HasSourceRanges => LoadBalancerIPs.Count > 0 && LoadBalancerSourceRanges.Count > 0;

    public bool HasExternal => NodePort > 0 || ExternalIPs.Count > 0 || LoadBalancerIPs.Count > 0;
}

/// <summary>One endpoint of a service port, from an EndpointSlice.</summary>
public sealed record Endpoint(string Ip, int Port, bool Ready, bool Serving, bool Terminating, bool IsLocal)
{
    public string HostPort => $"{Ip}:{Port}";
}
