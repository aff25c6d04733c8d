using System.Net;

namespace KubeSharp.Dns;

/// <summary>The cluster DNS component's settings.</summary>
public sealed record DnsOptions
{
    public required string KubeconfigPath { get; init; }
    public IPAddress BindAddress { get; init; } = IPAddress.Any;
    /// <summary>UDP and TCP port; 0 picks a free one (tests).</summary>
    public int Port { get; init; } = 53;
    public string ClusterDomain { get; init; } = "cluster.local";
    /// <summary>Resolvers for names outside the cluster zone; empty: the nameservers of <see cref="ResolvConf"/>.</summary>
    public IReadOnlyList<IPEndPoint> Upstreams { get; init; } = [];
    public string ResolvConf { get; init; } = "/etc/resolv.conf";
    /// <summary>
    /// When set, the component maintains the kube-system/kube-dns Service at this cluster IP (the tenth address of
    /// the service range by convention) with an EndpointSlice pointing at <see cref="AdvertiseAddress"/>.
    /// </summary>
    public string? ServiceIp { get; init; }
    /// <summary>The address pods reach this server on (the node's IP); required with <see cref="ServiceIp"/>.</summary>
    public string? AdvertiseAddress { get; init; }
    public TimeSpan UpstreamTimeout { get; init; } = TimeSpan.FromSeconds(2);
}
