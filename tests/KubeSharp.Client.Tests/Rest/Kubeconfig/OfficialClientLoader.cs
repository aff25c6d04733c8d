using System.Security.Cryptography.X509Certificates;
using k8s;
using KubeSharp.Client.Rest;

namespace KubeSharp.Client.Tests.Rest.Kubeconfig;

/// <summary>
/// The loader KubeSharp used before it had its own reader: the official client's <c>LoadKubeConfig</c> model mapped
/// to a <see cref="ClientConfig"/> field by field. Kept here as the oracle for equivalence tests only.
/// </summary>
internal static class OfficialClientLoader
{
    public static ClientConfig Load(string path, string? context)
    {
        var config = KubernetesClientConfiguration.LoadKubeConfig(path, useRelativePaths: true);
        var baseDir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var ctx = config.Contexts.First(c => c.Name == (context ?? config.CurrentContext)).ContextDetails;
        var cluster = config.Clusters.First(c => c.Name == ctx.Cluster).ClusterEndpoint;
        var user = config.Users?.FirstOrDefault(u => u.Name == ctx.User)?.UserCredentials;
        X509Certificate2Collection? cas = null;
        if (Pem(cluster.CertificateAuthorityData, cluster.CertificateAuthority, baseDir) is { } caPem)
        {
            cas = [];
            cas.ImportFromPem(caPem);
        }
        X509Certificate2? client = null;
        if (user != null && Pem(user.ClientCertificateData, user.ClientCertificate, baseDir) is { } cert
            && Pem(user.ClientKeyData, user.ClientKey, baseDir) is { } key)
        {
            client = X509Certificate2.CreateFromPem(cert, key);
        }
        return new ClientConfig
        {
            Server = new Uri(cluster.Server),
            CaCertificates = cas,
            ClientCertificate = client,
            BearerToken = string.IsNullOrEmpty(user?.Token) ? null : user.Token,
            InsecureSkipTlsVerify = cluster.SkipTlsVerify,
            Namespace = string.IsNullOrEmpty(ctx.Namespace) ? "default" : ctx.Namespace,
        };
    }

    private static string? Pem(string? data, string? file, string baseDir) =>
        !string.IsNullOrEmpty(data) ? System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(data))
        : string.IsNullOrEmpty(file) ? null
        : File.ReadAllText(Path.IsPathRooted(file) ? file : Path.Combine(baseDir, file));
}
