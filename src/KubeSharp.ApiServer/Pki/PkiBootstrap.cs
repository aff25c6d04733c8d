using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace KubeSharp.ApiServer.Pki;

/// <summary>
/// First start: generate the CA, the serving certificate (SANs localhost, 127.0.0.1, the host's addresses and the
/// in-cluster service names) and the admin client certificate (CN admin, O system:masters), and write
/// DIR/kubeconfig. Later starts load what is there.
/// </summary>
public static class PkiBootstrap
{
    public sealed record Result(X509Certificate2 Ca, X509Certificate2 Serving, X509Certificate2 Admin, X509Certificate2 KubeletClient);

    /// <param name="serviceIp">The <c>kubernetes</c> Service's cluster IP, which in-cluster clients connect to.</param>
    public static Result LoadOrCreate(PkiFiles files, TimeProvider time, IPAddress? serviceIp = null)
    {
        Directory.CreateDirectory(files.Directory);
        var now = time.GetUtcNow();
        CertificateAuthority ca;
        if (File.Exists(files.CaCert) && File.Exists(files.CaKey))
        {
            ca = new CertificateAuthority(X509Certificate2.CreateFromPemFile(files.CaCert, files.CaKey));
        }
        else
        {
            ca = CertificateAuthority.Create("kubesharp-ca", now);
            WritePem(files.CaCert, files.CaKey, ca.Certificate);
        }

        if (!File.Exists(files.ServingCert) || !File.Exists(files.ServingKey))
        {
            var dns = new[] { "localhost", "kubernetes", "kubernetes.default", "kubernetes.default.svc", "kubernetes.default.svc.cluster.local", Dns.GetHostName() };
            var ips = HostAddresses().Append(IPAddress.Loopback).Append(IPAddress.IPv6Loopback).Append(serviceIp ?? IPAddress.Parse("10.96.0.1")).Distinct();
            WritePem(files.ServingCert, files.ServingKey, ca.IssueServing("kube-apiserver", dns.Distinct(), ips, now));
        }
        if (!File.Exists(files.AdminCert) || !File.Exists(files.AdminKey))
        {
            WritePem(files.AdminCert, files.AdminKey, ca.IssueClient("admin", ["system:masters"], now));
        }

        if (!File.Exists(files.KubeletClientCert) || !File.Exists(files.KubeletClientKey))
        {
            // What the API server presents to kubelets (logs, exec, port-forward); as upstream's
            // apiserver-kubelet-client, in system:masters so a kubelet doing authorization lets it in.
            WritePem(files.KubeletClientCert, files.KubeletClientKey, ca.IssueClient("kube-apiserver-kubelet-client", ["system:masters"], now));
        }

        // Kestrel needs the key in an exportable, non-ephemeral form for TLS; re-import through PKCS#12.
        var serving = X509Certificate2.CreateFromPemFile(files.ServingCert, files.ServingKey);
        serving = X509CertificateLoader.LoadPkcs12(serving.Export(X509ContentType.Pkcs12), null);
        var admin = X509Certificate2.CreateFromPemFile(files.AdminCert, files.AdminKey);
        // SslStream presents a client certificate only when its key is usable from a PKCS#12 import, like Kestrel's.
        var kubeletClient = X509Certificate2.CreateFromPemFile(files.KubeletClientCert, files.KubeletClientKey);
        kubeletClient = X509CertificateLoader.LoadPkcs12(kubeletClient.Export(X509ContentType.Pkcs12), null);
        return new Result(X509CertificateLoader.LoadCertificate(ca.Certificate.RawData), serving, admin, kubeletClient);
    }

    public static IEnumerable<IPAddress> HostAddresses()
    {
        foreach (var nic in KubeSharp.ApiMachinery.Net.HostInterfaces.Read())
        {
            if (nic.OperationalStatus != OperationalStatus.Up) continue;
            foreach (var a in nic.GetIPProperties().UnicastAddresses)
            {
                if (a.Address.AddressFamily == AddressFamily.InterNetwork || (a.Address.AddressFamily == AddressFamily.InterNetworkV6 && !a.Address.IsIPv6LinkLocal))
                {
                    yield return a.Address;
                }
            }
        }
    }

    private static void WritePem(string certPath, string keyPath, X509Certificate2 cert)
    {
        File.WriteAllText(certPath, cert.ExportCertificatePem() + "\n");
        using var key = cert.GetECDsaPrivateKey() ?? throw new CryptographicException("certificate has no EC private key");
        File.WriteAllText(keyPath, key.ExportECPrivateKeyPem() + "\n");
        File.SetUnixFileMode(keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
