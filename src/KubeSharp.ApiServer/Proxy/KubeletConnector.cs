using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using k8s.Models;

namespace KubeSharp.ApiServer.Proxy;

/// <summary>
/// How the API server reaches a node's kubelet for logs, exec, attach and port-forward: HTTPS to the node's
/// InternalIP (else ExternalIP, else Hostname) on the port the kubelet publishes in
/// status.daemonEndpoints.kubeletEndpoint (10250 when absent), authenticating with the API server's kubelet client
/// certificate. As upstream without --kubelet-certificate-authority, the kubelet's (self-signed) serving certificate
/// is not verified; the kubelet verifies us against the cluster CA.
/// </summary>
public sealed class KubeletConnector : IDisposable
{
    public const int DefaultKubeletPort = 10250;
    private readonly X509Certificate2 _clientCertificate;

    public KubeletConnector(X509Certificate2 clientCertificate)
    {
        _clientCertificate = clientCertificate;
        Http = new HttpClient(new SocketsHttpHandler
        {
            SslOptions = NewSslOptions(),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        })
        {
            // Log follows run for as long as the client keeps reading.
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>For plain requests (logs): HTTP/1.1 or HTTP/2 over TLS with the client certificate.</summary>
    public HttpClient Http { get; }

    /// <summary>TLS options for a hand-made upgrade connection (exec, attach, port-forward).</summary>
    public SslClientAuthenticationOptions NewSslOptions() => new()
    {
        ClientCertificates = [_clientCertificate],
        RemoteCertificateValidationCallback = static (_, _, _, _) => true,
    };

    /// <summary>The kubelet's base URL for <paramref name="node"/>, or null when the node publishes no address.</summary>
    public static Uri? BaseUrl(V1Node node)
    {
        var addresses = node.Status?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.Type == "InternalIP")?.Address
            ?? addresses.FirstOrDefault(a => a.Type == "ExternalIP")?.Address
            ?? addresses.FirstOrDefault(a => a.Type == "Hostname")?.Address;
        if (string.IsNullOrEmpty(address)) return null;
        var port = node.Status?.DaemonEndpoints?.KubeletEndpoint?.Port is { } p and > 0 ? p : DefaultKubeletPort;
        var host = address.Contains(':') ? $"[{address}]" : address;
        return new Uri($"https://{host}:{port}");
    }

    public void Dispose() => Http.Dispose();
}
