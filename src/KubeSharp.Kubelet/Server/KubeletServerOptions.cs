using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace KubeSharp.Kubelet.Server;

/// <summary>The kubelet's HTTPS endpoint (upstream's :10250).</summary>
public sealed record KubeletServerOptions
{
    /// <summary>0 picks a free port (tests); the node publishes the real one in status.daemonEndpoints.</summary>
    public int Port { get; init; } = 10250;
    public IPAddress BindAddress { get; init; } = IPAddress.Any;

    /// <summary>
    /// Client certificates must chain to this CA (the cluster CA from the kubelet's kubeconfig): only the API server
    /// (and admins) may read logs or exec. Null disables client authentication — tests only.
    /// </summary>
    public X509Certificate2? ClientCa { get; init; }

    /// <summary>Names and addresses for the self-signed serving certificate.</summary>
    public IReadOnlyList<string> ServingNames { get; init; } = ["localhost"];
    public IReadOnlyList<IPAddress> ServingAddresses { get; init; } = [IPAddress.Loopback];
}
