using KubeSharp.Storage;

namespace KubeSharp.ApiServer.Hosting;

/// <summary>Settings of the API server (flags of <c>kubesharp apiserver</c>).</summary>
public sealed class ApiServerOptions
{
    /// <summary>Holds the state database, the PKI and the admin kubeconfig.</summary>
    public required string DataDir { get; init; }

    /// <summary>HTTPS port; 0 picks a free port (tests).</summary>
    public int SecurePort { get; init; } = 6443;

    /// <summary>Address to listen on.</summary>
    public string BindAddress { get; init; } = "0.0.0.0";

    /// <summary>Upstream's --token-auth-file (CSV: token,user,uid,"groups").</summary>
    public string? TokenAuthFile { get; init; }

    /// <summary>Recent events kept per resource for watches that resume from a resourceVersion.</summary>
    public int WatchCacheEventWindow { get; init; } = 10_000;

    /// <summary>Creates the store; default: SQLite at DataDir/db/state.db.</summary>
    public Func<ApiServerOptions, IStore>? StoreFactory { get; init; }

    /// <summary>Where the admin kubeconfig goes; default DataDir/kubeconfig.</summary>
    public string? KubeconfigPath { get; init; }

    /// <summary>The host name or address the kubeconfig points at; default 127.0.0.1.</summary>
    public string AdvertiseHost { get; init; } = "127.0.0.1";

    /// <summary>The address other cluster members reach this API server at: the <c>kubernetes</c> Service's
    /// endpoints (upstream's --advertise-address). Default: <see cref="AdvertiseHost"/> when it is a non-loopback
    /// IP, else the host's first non-loopback address.</summary>
    public string? AdvertiseAddress { get; init; }

    /// <summary>The CIDR Services get cluster IPs from (--service-cluster-ip-range); its first address is the
    /// <c>kubernetes</c> Service's.</summary>
    public string ServiceClusterIpRange { get; init; } = "10.96.0.0/12";

    /// <summary>The ports NodePort and LoadBalancer Services get node ports from (--service-node-port-range).</summary>
    public string ServiceNodePortRange { get; init; } = "30000-32767";

    /// <summary>How often the <c>kubernetes</c> Service and its endpoints are checked and repaired (upstream: 10 s).</summary>
    public TimeSpan KubernetesServiceReconcileInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often allocations without a Service (left by a crash mid-create) are looked for and freed.</summary>
    public TimeSpan AllocationRepairInterval { get; init; } = TimeSpan.FromMinutes(3);
}
