using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace KubeSharp.Benchmarks.ApiBench.Http;

/// <summary>
/// HTTP/2 clients authenticated as the admin (client certificate from DIR/pki) that trust only the server's own CA.
/// </summary>
internal static class ApiClientFactory
{
    public static HttpClient Create(Uri baseAddress, string dataDir, TimeSpan timeout)
    {
        var pki = Path.Combine(dataDir, "pki");
        var ca = X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(pki, "ca.crt")));
        var admin = X509Certificate2.CreateFromPemFile(Path.Combine(pki, "admin.crt"), Path.Combine(pki, "admin.key"));
        var chainPolicy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            RevocationMode = X509RevocationMode.NoCheck,
        };
        chainPolicy.CustomTrustStore.Add(ca);
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                ClientCertificates = new X509CertificateCollection { admin },
                CertificateChainPolicy = chainPolicy,
            },
            // Kestrel caps streams per HTTP/2 connection (250 here); without this HttpClient queues the rest
            // behind one connection instead of opening another (kestrel-notes trap 3).
            EnableMultipleHttp2Connections = true,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            UseProxy = false,
        };
        return new HttpClient(handler)
        {
            BaseAddress = baseAddress,
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionOrHigher,
            Timeout = timeout,
        };
    }
}
