namespace KubeSharp.Client.Rest;

/// <summary>
/// The parts of a kubeconfig file that <see cref="KubeconfigLoader"/> turns into a <see cref="ClientConfig"/>:
/// named clusters, users and contexts, and the current context. Field names in comments are the file's keys.
/// Lists keep the file's order; when a name repeats, the first entry wins (as the earlier loader did).
/// </summary>
internal sealed record Kubeconfig(
    string? CurrentContext,
    IReadOnlyList<KubeconfigCluster> Clusters,
    IReadOnlyList<KubeconfigUser> Users,
    IReadOnlyList<KubeconfigContext> Contexts);

/// <summary>clusters[].cluster: server, certificate-authority(-data), insecure-skip-tls-verify, tls-server-name.</summary>
internal sealed record KubeconfigCluster(
    string Name,
    string? Server,
    string? CertificateAuthority,
    string? CertificateAuthorityData,
    bool InsecureSkipTlsVerify,
    string? TlsServerName);

/// <summary>
/// users[].user: token, tokenFile, client-certificate(-data), client-key(-data). <paramref name="PluginKind"/> names
/// the credential plugin (exec, auth-provider) the user is configured with, which KubeSharp cannot run.
/// </summary>
internal sealed record KubeconfigUser(
    string Name,
    string? Token,
    string? TokenFile,
    string? ClientCertificate,
    string? ClientCertificateData,
    string? ClientKey,
    string? ClientKeyData,
    string? PluginKind);

/// <summary>contexts[].context: cluster, user, namespace.</summary>
internal sealed record KubeconfigContext(string Name, string? Cluster, string? User, string? Namespace);
