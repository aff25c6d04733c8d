using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace KubeSharp.Client.Tests.Rest.Kubeconfig;

/// <summary>
/// Two CAs and a client key pair written as PEM files under a temp dir (with a pki/ subdir for relative paths) and
/// as the base64 a kubeconfig's -data fields hold. The client key is PKCS#1 RSA, as kubeadm writes it.
/// </summary>
public sealed class TestPki : IDisposable
{
    public TestPki()
    {
        Directory.CreateDirectory(Path.Combine(Dir, "pki"));
        CaA = NewCa("ca-a");
        CaB = NewCa("ca-b");
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=alice, O=system:masters", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var issuerKey = CaA.GetECDsaPrivateKey()!;
        using var cert = request.Create(CaA.SubjectName, X509SignatureGenerator.CreateForECDsa(issuerKey),
            DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1), [1, 2, 3, 4]);
        ClientCertPem = cert.ExportCertificatePem();
        ClientKeyPem = rsa.ExportRSAPrivateKeyPem();
        ClientThumbprint = cert.Thumbprint;
        File.WriteAllText(Path.Combine(Dir, "pki", "ca-a.crt"), CaA.ExportCertificatePem());
        File.WriteAllText(Path.Combine(Dir, "pki", "ca-b.crt"), CaB.ExportCertificatePem());
        File.WriteAllText(Path.Combine(Dir, "pki", "client.crt"), ClientCertPem);
        File.WriteAllText(Path.Combine(Dir, "pki", "client.key"), ClientKeyPem);
        File.WriteAllText(Path.Combine(Dir, "pki", "token"), "token-from-file\n");
        File.WriteAllText(Path.Combine(Dir, "not-a-cert.pem"), "hello\n");
    }

    public string Dir { get; } = Path.Combine(Path.GetTempPath(), "ks-kubeconfig-" + Guid.NewGuid().ToString("N")[..10]);

    public X509Certificate2 CaA { get; }
    public X509Certificate2 CaB { get; }
    public string ClientCertPem { get; }
    public string ClientKeyPem { get; }
    public string ClientThumbprint { get; }

    public string CaAData => Base64(CaA.ExportCertificatePem());
    public string BundleData => Base64(CaA.ExportCertificatePem() + "\n" + CaB.ExportCertificatePem() + "\n");
    public string ClientCertData => Base64(ClientCertPem);
    public string ClientKeyData => Base64(ClientKeyPem);

    /// <summary>Writes a kubeconfig under <see cref="Dir"/> and returns its path.</summary>
    public string Write(string name, string text)
    {
        var path = Path.Combine(Dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        CaA.Dispose();
        CaB.Dispose();
        if (Directory.Exists(Dir)) Directory.Delete(Dir, recursive: true);
    }

    private static string Base64(string text) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text));

    private static X509Certificate2 NewCa(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }
}
