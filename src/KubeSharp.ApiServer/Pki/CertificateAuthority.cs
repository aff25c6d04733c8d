using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace KubeSharp.ApiServer.Pki;

/// <summary>
/// The cluster CA and the certificates it signs. ECDSA P-256 keys: generation takes milliseconds where RSA takes
/// seconds (kestrel-notes), and kubectl accepts them. Serial numbers are positive (Go rejects negative ones) and a
/// leaf never outlives its CA.
/// </summary>
public sealed class CertificateAuthority(X509Certificate2 certificate)
{
    public X509Certificate2 Certificate { get; } = certificate;

    public static CertificateAuthority Create(string commonName, DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var cert = request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(10));
        return new CertificateAuthority(cert);
    }

    /// <summary>A serving certificate for the given DNS names and IP addresses.</summary>
    public X509Certificate2 IssueServing(string commonName, IEnumerable<string> dnsNames, IEnumerable<IPAddress> addresses, DateTimeOffset now)
    {
        var san = new SubjectAlternativeNameBuilder();
        foreach (var d in dnsNames) san.AddDnsName(d);
        foreach (var a in addresses) san.AddIpAddress(a);
        return Issue($"CN={commonName}", now, "1.3.6.1.5.5.7.3.1", san.Build());
    }

    /// <summary>A client certificate: CN is the user name, each O an group (upstream's x509 authenticator).</summary>
    public X509Certificate2 IssueClient(string user, IEnumerable<string> groups, DateTimeOffset now)
    {
        var subject = new X500DistinguishedNameBuilder();
        foreach (var g in groups) subject.AddOrganizationName(g);
        subject.AddCommonName(user);
        return Issue(subject.Build(), now, "1.3.6.1.5.5.7.3.2", null);
    }

    private X509Certificate2 Issue(string subject, DateTimeOffset now, string usage, X509Extension? san) =>
        Issue(new X500DistinguishedName(subject), now, usage, san);

    private X509Certificate2 Issue(X500DistinguishedName subject, DateTimeOffset now, string usage, X509Extension? san)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage)], false));
        request.CertificateExtensions.Add(new X509AuthorityKeyIdentifierExtension(
            X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Certificate, true, false).RawData, false));
        if (san != null) request.CertificateExtensions.Add(san);
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        var notAfter = Certificate.NotAfter.ToUniversalTime() < now.AddYears(5).UtcDateTime ? new DateTimeOffset(Certificate.NotAfter) : now.AddYears(5);
        using var signed = request.Create(Certificate, now.AddMinutes(-5), notAfter, serial);
        return signed.CopyWithPrivateKey(key);
    }
}
