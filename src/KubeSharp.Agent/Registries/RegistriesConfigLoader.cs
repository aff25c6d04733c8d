using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace KubeSharp.Agent.Registries;

/// <summary>
/// Reads registries.yaml. Unknown keys are errors rather than silently ignored settings: a misspelt
/// <c>insecure_skip_verify</c> would otherwise surface much later as a pull failure with a TLS message.
/// </summary>
public static class RegistriesConfigLoader
{
    /// <summary>The file's settings, or <see cref="RegistriesConfig.Empty"/> when it does not exist.</summary>
    public static RegistriesConfig Load(string path) =>
        File.Exists(path) ? Parse(File.ReadAllText(path), path) : RegistriesConfig.Empty;

    public static RegistriesConfig Parse(string yaml, string source = "registries.yaml")
    {
        FileDto? file;
        try
        {
            var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
            file = deserializer.Deserialize<FileDto?>(yaml);
        }
        catch (YamlException e)
        {
            // YamlDotNet puts the position in Start and the reason in the innermost exception.
            var reason = e.InnerException?.Message ?? e.Message;
            throw new RegistriesConfigException($"{source}: line {e.Start.Line}, column {e.Start.Column}: {reason}", e);
        }
        if (file is null) return RegistriesConfig.Empty;

        var mirrors = new Dictionary<string, RegistryMirror>(StringComparer.Ordinal);
        foreach (var (host, mirror) in file.Mirrors ?? [])
        {
            ValidateHost(source, "mirrors", host, allowWildcard: true);
            var endpoints = (mirror?.Endpoint ?? []).Select(e => ParseEndpoint(source, host, e)).ToList();
            mirrors[host] = new RegistryMirror(endpoints, mirror?.Rewrite is { Count: > 0 });
        }
        var configs = new Dictionary<string, RegistryHostConfig>(StringComparer.Ordinal);
        foreach (var (host, config) in file.Configs ?? [])
        {
            ValidateHost(source, "configs", host, allowWildcard: false);
            var auth = config?.Auth is { } a ? new RegistryAuth(a.Username, a.Password, a.Auth, a.IdentityToken) : null;
            var tls = config?.Tls is { } t ? new RegistryTls(t.CaFile, t.CertFile, t.KeyFile, t.InsecureSkipVerify) : null;
            if (tls is { CertFile: null, KeyFile: not null } or { CertFile: not null, KeyFile: null })
                throw new RegistriesConfigException($"{source}: configs \"{host}\": tls needs both cert_file and key_file");
            configs[host] = new RegistryHostConfig(auth, tls);
        }
        return new RegistriesConfig { Mirrors = mirrors, Configs = configs };
    }

    private static void ValidateHost(string source, string section, string host, bool allowWildcard)
    {
        if (allowWildcard && host == "*") return;
        // The host becomes a directory name under containerd's config_path: no separators, no URL.
        if (host.Length == 0 || host.Contains('/') || host.Contains("..", StringComparison.Ordinal) || host.Any(char.IsWhiteSpace))
            throw new RegistriesConfigException($"{source}: {section} key \"{host}\" must be a registry host such as docker.io or myregistry:5000, not a URL");
    }

    private static Uri ParseEndpoint(string source, string host, string endpoint)
    {
        var text = endpoint.Contains("://", StringComparison.Ordinal) ? endpoint : "https://" + endpoint;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0)
            throw new RegistriesConfigException($"{source}: mirrors \"{host}\": endpoint \"{endpoint}\" is not an http(s) URL");
        return uri;
    }

    // YamlDotNet fills these; the public records above are what the rest of the agent sees.
    private sealed class FileDto
    {
        public Dictionary<string, MirrorDto?>? Mirrors { get; set; }
        public Dictionary<string, ConfigDto?>? Configs { get; set; }
    }

    private sealed class MirrorDto
    {
        public List<string>? Endpoint { get; set; }
        /// <summary>Accepted for compatibility with k3s files; containerd 1.6 has no rewrite support (logged).</summary>
        public Dictionary<string, string>? Rewrite { get; set; }
    }

    private sealed class ConfigDto
    {
        public AuthDto? Auth { get; set; }
        public TlsDto? Tls { get; set; }
    }

    private sealed class AuthDto
    {
        public string? Username { get; set; }
        public string? Password { get; set; }
        public string? Auth { get; set; }
        [YamlMember(Alias = "identitytoken")]
        public string? IdentityToken { get; set; }
    }

    private sealed class TlsDto
    {
        public string? CaFile { get; set; }
        public string? CertFile { get; set; }
        public string? KeyFile { get; set; }
        public bool InsecureSkipVerify { get; set; }
    }
}
