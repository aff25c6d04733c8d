using System.Security.Cryptography.X509Certificates;
using k8s;
using k8s.KubeConfigModels;

namespace KubeSharp.Client.Rest;

/// <summary>
/// Turns a kubeconfig into a <see cref="ClientConfig"/>. The file is parsed by the official client's model (its
/// YamlDotNet schema of clusters, users and contexts); certificates may be inline (-data) or files relative to
/// the kubeconfig, as kubectl allows.
/// </summary>
internal static class KubeconfigLoader
{
    public static ClientConfig Load(string path, string? context)
    {
        var config = KubernetesClientConfiguration.LoadKubeConfig(path, useRelativePaths: true);
        var baseDir = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        var contextName = context ?? config.CurrentContext
            ?? throw new InvalidOperationException($"{path}: no current-context");
        var ctx = config.Contexts?.FirstOrDefault(c => c.Name == contextName)?.ContextDetails
            ?? throw new InvalidOperationException($"{path}: context {contextName} not found");
        var cluster = config.Clusters?.FirstOrDefault(c => c.Name == ctx.Cluster)?.ClusterEndpoint
            ?? throw new InvalidOperationException($"{path}: cluster {ctx.Cluster} not found");
        var user = config.Users?.FirstOrDefault(u => u.Name == ctx.User)?.UserCredentials;

        return new ClientConfig
        {
            Server = new Uri(cluster.Server ?? throw new InvalidOperationException($"{path}: cluster {ctx.Cluster} has no server")),
            CaCertificates = LoadCa(cluster, baseDir),
            ClientCertificate = user == null ? null : LoadClientCertificate(user, baseDir),
            BearerToken = string.IsNullOrEmpty(user?.Token) ? null : user.Token,
            InsecureSkipTlsVerify = cluster.SkipTlsVerify,
            Namespace = string.IsNullOrEmpty(ctx.Namespace) ? "default" : ctx.Namespace,
        };
    }

    private static X509Certificate2Collection? LoadCa(ClusterEndpoint cluster, string baseDir)
    {
        var pem = PemSource(cluster.CertificateAuthorityData, cluster.CertificateAuthority, baseDir);
        if (pem == null) return null;
        var bundle = new X509Certificate2Collection();
        bundle.ImportFromPem(pem);
        return bundle.Count == 0 ? throw new InvalidOperationException("certificate-authority holds no certificate") : bundle;
    }

    private static X509Certificate2? LoadClientCertificate(UserCredentials user, string baseDir)
    {
        var cert = PemSource(user.ClientCertificateData, user.ClientCertificate, baseDir);
        var key = PemSource(user.ClientKeyData, user.ClientKey, baseDir);
        if (cert == null || key == null) return null;
        using var ephemeral = X509Certificate2.CreateFromPem(cert, key);
        // SslStream wants a key it can use for the handshake on every platform; a PKCS#12 round trip gives one.
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), null);
    }

    private static string? PemSource(string? base64Data, string? file, string baseDir)
    {
        if (!string.IsNullOrEmpty(base64Data)) return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(base64Data));
        if (string.IsNullOrEmpty(file)) return null;
        return File.ReadAllText(Path.IsPathRooted(file) ? file : Path.Combine(baseDir, file));
    }
}
