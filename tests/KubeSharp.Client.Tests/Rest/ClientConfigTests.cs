using k8s.Models;
using KubeSharp.Client.Rest;

namespace KubeSharp.Client.Tests.Rest;

[Collection(ApiServerCollection.Name)]
public sealed class ClientConfigTests(ApiServerFixture f)
{
    [Fact]
    public void KubeconfigGivesServerCaAndClientCertificate()
    {
        var config = ClientConfig.FromKubeconfig(f.Host.KubeconfigPath);
        Assert.Equal(f.Host.Url.Port, config.Server.Port);
        Assert.Equal(f.Host.CaCertificate.Thumbprint, Assert.Single(config.CaCertificates!).Thumbprint);
        Assert.True(config.ClientCertificate!.HasPrivateKey);
        Assert.Equal("default", config.Namespace);
    }

    [Fact]
    public async Task KubeconfigWithRelativeFilePathsAndAContextNamespace()
    {
        var dir = Path.Combine(f.DataDir, "kubeconfig-files");
        Directory.CreateDirectory(dir);
        var pki = Path.Combine(f.DataDir, "pki");
        foreach (var file in new[] { "ca.crt", "admin.crt", "admin.key" }) File.Copy(Path.Combine(pki, file), Path.Combine(dir, file), true);
        var path = Path.Combine(dir, "config");
        await File.WriteAllTextAsync(path, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: c
              cluster:
                server: {f.Host.Url.ToString().TrimEnd('/')}
                certificate-authority: ca.crt
            users:
            - name: u
              user:
                client-certificate: admin.crt
                client-key: admin.key
            contexts:
            - name: other
              context: {"{"}cluster: c, user: u, namespace: team{"}"}
            current-context: other
            """);
        var config = ClientConfig.FromKubeconfig(path);
        Assert.Equal("team", config.Namespace);
        using var client = new KubeClient(config);
        Assert.Contains((await client.For<V1Namespace>().ListAsync(null)).Items, n => n.Name() == "default");
    }

    [Fact]
    public async Task BearerTokenAuthenticatesAndABadOneGetsUnauthorized()
    {
        var admin = f.Config;
        using var good = new KubeClient(new ClientConfig { Server = admin.Server, CaCertificates = admin.CaCertificates, BearerToken = ApiServerFixture.TestToken });
        await good.For<V1Namespace>().GetAsync(null, "default");

        using var bad = new KubeClient(new ClientConfig { Server = admin.Server, CaCertificates = admin.CaCertificates, BearerToken = "wrong" });
        var e = await Assert.ThrowsAsync<KubeApiException>(() => bad.For<V1Namespace>().GetAsync(null, "default"));
        Assert.Equal(401, e.Code);
    }

    [Fact]
    public async Task OnlyTheConfiguredCasAreTrusted()
    {
        using var otherCaKey = System.Security.Cryptography.ECDsa.Create();
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=other-ca", otherCaKey, System.Security.Cryptography.HashAlgorithmName.SHA256);
        using var otherCa = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        using var client = new KubeClient(f.Config with { CaCertificates = [otherCa] });
        await Assert.ThrowsAsync<HttpRequestException>(() => client.For<V1Namespace>().GetAsync(null, "default"));

        // A bundle that also holds the right CA is fine.
        using var bundled = new KubeClient(f.Config with { CaCertificates = [otherCa, f.Host.CaCertificate] });
        await bundled.For<V1Namespace>().GetAsync(null, "default");
    }

    [Fact]
    public async Task TlsServerNameReplacesTheUrlHostInTheNameCheck()
    {
        // The URL names a host the serving certificate does not list; every connection goes to the test server.
        var server = new Uri($"https://unlisted.example:{f.Host.Url.Port}");
        async Task GetAsync(string? tlsServerName)
        {
            var config = f.Config with { Server = server, TlsServerName = tlsServerName };
            var handler = config.CreateHandler();
            handler.ConnectCallback = async (_, ct) =>
            {
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
                await socket.ConnectAsync(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, f.Host.Url.Port), ct);
                return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
            };
            using var client = new KubeClient(config, config.CreateHttpClient(handler), ownsHttp: true);
            await client.For<V1Namespace>().GetAsync(null, "default");
        }

        await Assert.ThrowsAsync<HttpRequestException>(() => GetAsync(null));
        await GetAsync("kubernetes.default.svc");
        await Assert.ThrowsAsync<HttpRequestException>(() => GetAsync("wrong.example"));
    }
}
