using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Http;

namespace KubeSharp.ApiServer.Authentication;

/// <summary>
/// Client certificates signed by the cluster CA (user = CN, groups = O) and bearer tokens from the token file.
/// The TLS handshake accepts any certificate (kestrel-notes trap 6): the chain is verified here, so a bad
/// certificate gets a 401 Status instead of a broken connection.
/// </summary>
public sealed class Authenticator
{
    private readonly X509Certificate2 _ca;
    private readonly IReadOnlyDictionary<string, UserInfo> _tokens;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, UserInfo?> _verified = new();

    public Authenticator(X509Certificate2 ca, IReadOnlyDictionary<string, UserInfo> tokens)
    {
        _ca = ca;
        _tokens = tokens;
    }

    public UserInfo? Authenticate(HttpContext http)
    {
        var auth = http.Request.Headers.Authorization.ToString();
        if (auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var token = auth[7..].Trim();
            if (_tokens.TryGetValue(token, out var user)) return user;
            return null;
        }
        var cert = http.Connection.ClientCertificate;
        return cert == null ? null : FromCertificate(cert);
    }

    private UserInfo? FromCertificate(X509Certificate2 cert)
    {
        // Chain building costs ~100 µs; a connection's certificate is verified once and remembered by thumbprint.
        return _verified.GetOrAdd(cert.Thumbprint, _ => Verify(cert));
    }

    private UserInfo? Verify(X509Certificate2 cert)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(_ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ApplicationPolicy.Add(new System.Security.Cryptography.Oid("1.3.6.1.5.5.7.3.2"));
        if (!chain.Build(cert)) return null;
        var name = cert.GetNameInfo(X509NameType.SimpleName, false);
        var groups = new List<string>();
        foreach (var rdn in cert.SubjectName.EnumerateRelativeDistinguishedNames())
        {
            if (rdn.GetSingleElementType().Value == "2.5.4.10" && rdn.GetSingleElementValue() is { } o) groups.Add(o);
        }
        groups.Add("system:authenticated");
        return new UserInfo(name, "", groups);
    }
}
