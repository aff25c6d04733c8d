using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace KubeSharp.Client.Rest;

/// <summary>
/// Where the API server is and how to authenticate to it, like client-go's rest.Config. Immutable; derive
/// per-component variants with <c>with { UserAgent = ... }</c>.
/// </summary>
public sealed record ClientConfig
{
    /// <summary>Base URL of the API server, e.g. https://127.0.0.1:6443.</summary>
    public required Uri Server { get; init; }

    /// <summary>
    /// The CAs trusted for the serving certificate (a kubeconfig bundle may hold several, e.g. during CA rotation);
    /// null trusts the system store.
    /// </summary>
    public X509Certificate2Collection? CaCertificates { get; init; }

    /// <summary>Client certificate with its private key (mutual TLS); null for token-only clients.</summary>
    public X509Certificate2? ClientCertificate { get; init; }

    /// <summary>Sent as "Authorization: Bearer ..." when set.</summary>
    public string? BearerToken { get; init; }

    /// <summary>Skips server certificate verification (kubeconfig insecure-skip-tls-verify); tests only.</summary>
    public bool InsecureSkipTlsVerify { get; init; }

    /// <summary>
    /// The name the server certificate must carry when it differs from the URL's host (kubeconfig tls-server-name,
    /// e.g. a server reached by IP whose certificate names only its DNS name); null checks the URL's host. Only the
    /// certificate check uses it: SocketsHttpHandler still sends the URL's host as SNI, which matters only to servers
    /// that pick their certificate by SNI.
    /// </summary>
    public string? TlsServerName { get; init; }

    /// <summary>The current context's namespace, "default" when it names none.</summary>
    public string Namespace { get; init; } = "default";

    /// <summary>Identifies the component in the API server's logs, like upstream's "kube-scheduler/v1.32".</summary>
    public string UserAgent { get; init; } = "kubesharp";

    /// <summary>
    /// Client-side requests per second (client-go's QPS; upstream components use 20–50); 0 means unlimited.
    /// </summary>
    public double Qps { get; init; }

    /// <summary>Requests allowed at once before <see cref="Qps"/> applies (client-go's Burst).</summary>
    public int Burst { get; init; } = 10;

    /// <summary>Whole-request timeout for non-watch calls; watches are bounded by their timeoutSeconds instead.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Reads a kubeconfig file: the given context (default: current-context), its cluster and user.</summary>
    public static ClientConfig FromKubeconfig(string path, string? context = null) => KubeconfigLoader.Load(path, context);

    /// <summary>
    /// The transport for this config: TLS with the kubeconfig's CA and client certificate, HTTP/2 when the server
    /// offers it, and several HTTP/2 connections so that more long watches than the server's per-connection stream
    /// limit cannot starve ordinary requests (kestrel-notes trap 3).
    /// </summary>
    public SocketsHttpHandler CreateHandler() => new()
    {
        EnableMultipleHttp2Connections = true,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
        // Go clients ping idle HTTP/2 connections so a dead peer is noticed while a watch waits.
        KeepAlivePingDelay = TimeSpan.FromSeconds(30),
        KeepAlivePingTimeout = TimeSpan.FromSeconds(15),
        KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
        AutomaticDecompression = DecompressionMethods.None,
        SslOptions = new SslClientAuthenticationOptions
        {
            ApplicationProtocols = [SslApplicationProtocol.Http2, SslApplicationProtocol.Http11],
            ClientCertificates = ClientCertificate == null ? null : new X509CertificateCollection { ClientCertificate },
            RemoteCertificateValidationCallback = ValidateServer,
        },
    };

    /// <summary>
    /// An HttpClient over <paramref name="handler"/> (default: <see cref="CreateHandler"/>) with the base address,
    /// user agent and bearer token set. The caller owns and disposes it.
    /// </summary>
    public HttpClient CreateHttpClient(HttpMessageHandler? handler = null)
    {
        handler ??= CreateHandler();
        if (Qps > 0) handler = new ClientRateLimitHandler(Qps, Burst, TimeProvider.System, handler);
        var client = new HttpClient(handler)
        {
            BaseAddress = Server,
            // 1.1 "or higher" offers h2 and http/1.1 through ALPN and takes h2 when the server agrees.
            DefaultRequestVersion = HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionOrHigher,
            // Watches run for minutes; non-watch calls get RequestTimeout through their own token.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
        if (BearerToken != null) client.DefaultRequestHeaders.Authorization = new("Bearer", BearerToken);
        return client;
    }

    private bool ValidateServer(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (InsecureSkipTlsVerify) return true;
        if (certificate == null || (errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0) return false;
        if (TlsServerName != null)
        {
            // SslStream checked the URL's host; the name to check is this one instead. Like Go's crypto/tls, the
            // subject alternative names count and the common name does not.
            using var named = new X509Certificate2(certificate);
            if (!named.MatchesHostname(TlsServerName, allowWildcards: true, allowCommonName: false)) return false;
            errors &= ~SslPolicyErrors.RemoteCertificateNameMismatch;
        }
        if (CaCertificates == null) return errors == SslPolicyErrors.None;
        // Trust exactly the kubeconfig's CA, not the system store, as client-go does with certificate-authority-data.
        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(CaCertificates);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = new X509Certificate2(certificate);
        if (!custom.Build(leaf)) return false;
        // Name mismatches still count: the chain is only half of server authentication.
        return (errors & SslPolicyErrors.RemoteCertificateNameMismatch) == 0;
    }
}
