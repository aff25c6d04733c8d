using System.Security.Cryptography.X509Certificates;
using KubeSharp.Client.Rest;

namespace KubeSharp.Client.Tests.Rest.Kubeconfig;

/// <summary>
/// The kubeconfig reader (YamlDotNet node model, AOT-safe) against a table of files: what each gives, what each
/// refuses and with which message, and that it reads every file the official client's loader reads the same way.
/// </summary>
public sealed class KubeconfigLoaderTests(TestPki pki) : IClassFixture<TestPki>
{
    public static TheoryData<string> ValidNames => new(KubeconfigSamples.Valid.Keys);
    public static TheoryData<string> InvalidNames => new(KubeconfigSamples.Invalid.Keys);
    public static TheoryData<string> OracleNames => new(KubeconfigSamples.Valid.Where(s => s.Value.OracleAgrees).Select(s => s.Key));

    [Theory]
    [MemberData(nameof(ValidNames))]
    public void Loads(string name)
    {
        var sample = KubeconfigSamples.Valid[name];
        var path = pki.Write(FileName(name), sample.Yaml(pki));
        var config = ClientConfig.FromKubeconfig(path, sample.Context);
        var want = sample.Want;
        Assert.Equal(want.Server, config.Server.ToString());
        Assert.Equal(want.Cas.Select(Ca), Thumbprints(config.CaCertificates));
        Assert.Equal(want.ClientCert ? pki.ClientThumbprint : null, config.ClientCertificate?.Thumbprint);
        if (want.ClientCert) Assert.True(config.ClientCertificate!.HasPrivateKey);
        Assert.Equal(want.Token, config.BearerToken);
        Assert.Equal(want.Skip, config.InsecureSkipTlsVerify);
        Assert.Equal(want.TlsServerName, config.TlsServerName);
        Assert.Equal(want.Namespace, config.Namespace);
    }

    [Theory]
    [MemberData(nameof(InvalidNames))]
    public void Refuses(string name)
    {
        var (yaml, context, message) = KubeconfigSamples.Invalid[name];
        var path = pki.Write(FileName(name), yaml(pki));
        var e = Assert.ThrowsAny<InvalidOperationException>(() => ClientConfig.FromKubeconfig(path, context));
        Assert.IsType<KubeconfigException>(e);
        Assert.StartsWith(path + ": ", e.Message);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void A_missing_file_gives_the_message_the_cli_prints()
    {
        var missing = Path.Combine(pki.Dir, "no-such-kubeconfig");
        var e = Assert.Throws<KubeconfigException>(() => ClientConfig.FromKubeconfig(missing));
        Assert.Equal($"kubeconfig file not found at {missing}", e.Message);
    }

    /// <summary>The official client's loader (reflection YamlDotNet, which Native AOT cannot run) is the oracle:
    /// both must turn the same file into the same settings.</summary>
    [Theory]
    [MemberData(nameof(OracleNames))]
    public void Reads_like_the_official_client(string name)
    {
        var sample = KubeconfigSamples.Valid[name];
        var path = pki.Write(FileName(name), sample.Yaml(pki));
        var ours = ClientConfig.FromKubeconfig(path, sample.Context);
        var theirs = OfficialClientLoader.Load(path, sample.Context);
        Assert.Equal(theirs.Server, ours.Server);
        Assert.Equal(Thumbprints(theirs.CaCertificates), Thumbprints(ours.CaCertificates));
        Assert.Equal(theirs.ClientCertificate?.Thumbprint, ours.ClientCertificate?.Thumbprint);
        Assert.Equal(theirs.BearerToken, ours.BearerToken);
        Assert.Equal(theirs.InsecureSkipTlsVerify, ours.InsecureSkipTlsVerify);
        Assert.Equal(theirs.Namespace, ours.Namespace);
    }

    private string Ca(string name) => (name == "a" ? pki.CaA : pki.CaB).Thumbprint;

    private static IEnumerable<string> Thumbprints(X509Certificate2Collection? bundle) => bundle?.Select(c => c.Thumbprint) ?? [];

    private static string FileName(string name) => "kubeconfig-" + string.Concat(name.Select(c => char.IsLetterOrDigit(c) ? c : '-'));
}
