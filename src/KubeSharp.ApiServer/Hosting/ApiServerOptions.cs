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
}
