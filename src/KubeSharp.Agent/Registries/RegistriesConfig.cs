namespace KubeSharp.Agent.Registries;

/// <summary>
/// The agent's <c>registries.yaml</c> (the k3s format users already know): <c>mirrors</c> maps a registry host
/// (as it appears in image names, e.g. <c>docker.io</c>) to the endpoints to pull from instead, tried in order;
/// <c>configs</c> maps a host that is actually contacted (a registry or a mirror endpoint, <c>host[:port]</c>) to
/// its credentials and TLS settings.
/// </summary>
public sealed record RegistriesConfig
{
    public static readonly RegistriesConfig Empty = new();

    public IReadOnlyDictionary<string, RegistryMirror> Mirrors { get; init; } = new Dictionary<string, RegistryMirror>();
    public IReadOnlyDictionary<string, RegistryHostConfig> Configs { get; init; } = new Dictionary<string, RegistryHostConfig>();
}

/// <summary>Endpoints (URLs; <c>https://</c> when no scheme is given) serving a registry's content.
/// <paramref name="HasRewrite"/>: the file asked for repository rewrites, which containerd 1.6 cannot do.</summary>
public sealed record RegistryMirror(IReadOnlyList<Uri> Endpoints, bool HasRewrite = false);

public sealed record RegistryHostConfig(RegistryAuth? Auth, RegistryTls? Tls);

/// <summary>Credentials for one registry host: username/password, a base64 <c>user:password</c> pair (<c>auth</c>),
/// or an OAuth identity token.</summary>
public sealed record RegistryAuth(string? Username, string? Password, string? Auth, string? IdentityToken);

public sealed record RegistryTls(string? CaFile, string? CertFile, string? KeyFile, bool InsecureSkipVerify);

/// <summary>registries.yaml could not be used; the message names the file and the problem.</summary>
public sealed class RegistriesConfigException(string message, Exception? inner = null) : Exception(message, inner);
