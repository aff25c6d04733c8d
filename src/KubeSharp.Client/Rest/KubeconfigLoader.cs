using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace KubeSharp.Client.Rest;

/// <summary>
/// Turns a kubeconfig into a <see cref="ClientConfig"/>: the chosen context (default: current-context), its cluster
/// and its user. Certificates and token files may be inline (-data) or files relative to the kubeconfig, as kubectl
/// allows. Every problem is a <see cref="KubeconfigException"/> whose message names the file.
/// </summary>
internal static class KubeconfigLoader
{
    public static ClientConfig Load(string path, string? context)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath)) throw new KubeconfigException($"kubeconfig file not found at {fullPath}");
        Kubeconfig config;
        using (var reader = File.OpenText(fullPath)) config = KubeconfigReader.Parse(reader, path);
        return Resolve(config, path, Path.GetDirectoryName(fullPath) ?? ".", context);
    }

    /// <summary>The client settings of one context of a parsed kubeconfig; relative paths resolve against
    /// <paramref name="baseDir"/>.</summary>
    public static ClientConfig Resolve(Kubeconfig config, string path, string baseDir, string? context)
    {
        var contextName = !string.IsNullOrEmpty(context) ? context : config.CurrentContext;
        if (string.IsNullOrEmpty(contextName)) throw new KubeconfigException($"{path}: no current-context");
        var ctx = config.Contexts.FirstOrDefault(c => c.Name == contextName)
            ?? throw new KubeconfigException($"{path}: context {contextName} not found");
        var cluster = config.Clusters.FirstOrDefault(c => c.Name == ctx.Cluster)
            ?? throw new KubeconfigException($"{path}: cluster {ctx.Cluster} not found");
        // A context may name no user (or one the file lacks): the client then sends no credentials, as before.
        var user = config.Users.FirstOrDefault(u => u.Name == ctx.User);
        if (string.IsNullOrEmpty(cluster.Server)) throw new KubeconfigException($"{path}: cluster {cluster.Name} has no server");
        if (!Uri.TryCreate(cluster.Server, UriKind.Absolute, out var server) || server.Scheme is not ("https" or "http"))
            throw new KubeconfigException($"{path}: cluster {cluster.Name}: server \"{cluster.Server}\" is not an http(s) URL");

        return new ClientConfig
        {
            Server = server,
            CaCertificates = LoadCa(cluster, path, baseDir),
            ClientCertificate = user == null ? null : LoadClientCertificate(user, path, baseDir),
            BearerToken = user == null ? null : Token(user, path, baseDir),
            InsecureSkipTlsVerify = cluster.InsecureSkipTlsVerify,
            TlsServerName = string.IsNullOrEmpty(cluster.TlsServerName) ? null : cluster.TlsServerName,
            Namespace = string.IsNullOrEmpty(ctx.Namespace) ? "default" : ctx.Namespace,
        };
    }

    private static X509Certificate2Collection? LoadCa(KubeconfigCluster cluster, string path, string baseDir)
    {
        var what = $"{path}: cluster {cluster.Name}";
        var pem = Read(what, "certificate-authority", cluster.CertificateAuthorityData, cluster.CertificateAuthority, baseDir);
        if (pem == null) return null;
        var bundle = new X509Certificate2Collection();
        try
        {
            bundle.ImportFromPem(pem);
        }
        catch (CryptographicException e)
        {
            throw new KubeconfigException($"{what}: certificate-authority is not a PEM certificate bundle: {e.Message}", e);
        }
        return bundle.Count == 0 ? throw new KubeconfigException($"{what}: certificate-authority holds no certificate") : bundle;
    }

    private static X509Certificate2? LoadClientCertificate(KubeconfigUser user, string path, string baseDir)
    {
        var what = $"{path}: user {user.Name}";
        var cert = Read(what, "client-certificate", user.ClientCertificateData, user.ClientCertificate, baseDir);
        var key = Read(what, "client-key", user.ClientKeyData, user.ClientKey, baseDir);
        if (cert == null && key == null) return null;
        // client-go refuses half a key pair too; silently sending no certificate would surface as a 401 much later.
        if (cert == null || key == null)
            throw new KubeconfigException($"{what}: {(cert == null ? "client-key" : "client-certificate")} needs {(cert == null ? "client-certificate" : "client-key")} too");
        try
        {
            using var ephemeral = X509Certificate2.CreateFromPem(cert, key);
            // SslStream wants a key it can use for the handshake on every platform; a PKCS#12 round trip gives one.
            return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), null);
        }
        catch (CryptographicException e)
        {
            throw new KubeconfigException($"{what}: client-certificate and client-key are not a PEM key pair: {e.Message}", e);
        }
    }

    /// <summary>
    /// token wins over tokenFile, as in client-go, which reads the file only when no token is inline. The file's
    /// surrounding whitespace (a trailing newline) is not part of the token.
    /// </summary>
    private static string? Token(KubeconfigUser user, string path, string baseDir)
    {
        if (!string.IsNullOrEmpty(user.Token)) return user.Token;
        if (!string.IsNullOrEmpty(user.TokenFile))
        {
            var token = ReadFile($"{path}: user {user.Name}", "tokenFile", user.TokenFile, baseDir).Trim();
            return token.Length == 0 ? null : token;
        }
        if (user.PluginKind != null && user.ClientCertificate == null && user.ClientCertificateData == null)
        {
            throw new KubeconfigException(
                $"{path}: user {user.Name} authenticates through an {user.PluginKind} plugin, which KubeSharp does not run; give it a token or a client certificate");
        }
        return null;
    }

    /// <summary>Inline base64 data wins over a file, as in kubectl.</summary>
    private static string? Read(string what, string field, string? base64Data, string? file, string baseDir)
    {
        if (!string.IsNullOrEmpty(base64Data))
        {
            try
            {
                return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(base64Data));
            }
            catch (FormatException e)
            {
                throw new KubeconfigException($"{what}: {field}-data is not valid base64", e);
            }
        }
        return string.IsNullOrEmpty(file) ? null : ReadFile(what, field, file, baseDir);
    }

    private static string ReadFile(string what, string field, string file, string baseDir)
    {
        var full = Path.IsPathRooted(file) ? file : Path.Combine(baseDir, file);
        try
        {
            return File.ReadAllText(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KubeconfigException($"{what}: cannot read {field} {full}: {e.Message}", e);
        }
    }
}
