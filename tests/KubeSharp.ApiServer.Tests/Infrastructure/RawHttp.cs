using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace KubeSharp.ApiServer.Tests.Infrastructure;

/// <summary>Plain HTTPS requests to the test server (for wire-level checks the typed client cannot make).</summary>
public static class RawHttp
{
    public static HttpClient Create(ApiServerFixture f, bool withClientCert = true, string? token = null)
    {
        var ca = f.Host.CaCertificate;
        var handler = new SocketsHttpHandler
        {
            SslOptions =
            {
                RemoteCertificateValidationCallback = (_, cert, _, _) =>
                {
                    if (cert == null) return false;
                    using var chain = new X509Chain();
                    chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                    chain.ChainPolicy.CustomTrustStore.Add(ca);
                    chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                    return chain.Build(new X509Certificate2(cert));
                },
            },
        };
        if (withClientCert) handler.SslOptions.ClientCertificates = new X509CertificateCollection { f.Host.AdminCertificate };
        var client = new HttpClient(handler) { BaseAddress = f.Host.Url };
        if (token != null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static HttpContent Json(string json, string contentType = "application/json") =>
        new StringContent(json, Encoding.UTF8, MediaTypeHeaderValue.Parse(contentType));
}
