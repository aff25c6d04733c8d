using KubeSharp.ApiMachinery.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KubeSharp.Agent.Registries;

/// <summary>
/// Reads registries.yaml through YamlDotNet's node model (no reflection, so the Native AOT node build runs the same
/// code). Unknown keys are errors rather than silently ignored settings: a misspelt <c>insecure_skip_verify</c>
/// would otherwise surface much later as a pull failure with a TLS message. Scalars are read as Go's yaml reads
/// them into k3s's string and bool fields: numbers as their text, null as unset, YAML 1.1 booleans.
/// </summary>
public static class RegistriesConfigLoader
{
    /// <summary>The file's settings, or <see cref="RegistriesConfig.Empty"/> when it does not exist.</summary>
    public static RegistriesConfig Load(string path) =>
        File.Exists(path) ? Parse(File.ReadAllText(path), path) : RegistriesConfig.Empty;

    public static RegistriesConfig Parse(string yaml, string source = "registries.yaml")
    {
        try
        {
            var root = YamlTree.LoadMapping(new StringReader(yaml));
            if (root is null) return RegistriesConfig.Empty;
            YamlTree.RejectUnknownKeys(root, "", "mirrors", "configs");
            return new RegistriesConfig { Mirrors = ReadMirrors(source, root), Configs = ReadConfigs(source, root) };
        }
        catch (YamlException e)
        {
            throw new RegistriesConfigException($"{source}: line {e.Start.Line}, column {e.Start.Column}: {e.Message}", e);
        }
    }

    private static Dictionary<string, RegistryMirror> ReadMirrors(string source, YamlMappingNode root)
    {
        var mirrors = new Dictionary<string, RegistryMirror>(StringComparer.Ordinal);
        if (YamlTree.Mapping(root, "mirrors", "") is not { } section) return mirrors;
        foreach (var (host, _, value) in YamlTree.Entries(section, "mirrors"))
        {
            ValidateHost(source, "mirrors", host, allowWildcard: true);
            var path = $"mirrors \"{host}\"";
            var mirror = YamlTree.IsNull(value) ? null : YamlTree.AsMapping(value, path);
            if (mirror is not null) YamlTree.RejectUnknownKeys(mirror, path, "endpoint", "rewrite");
            var endpoints = mirror is not null && YamlTree.Sequence(mirror, "endpoint", path) is { } list
                ? list.Children.Select((e, i) => ParseEndpoint(source, host, YamlTree.AsString(e, $"{path}.endpoint[{i}]"))).ToList()
                : [];
            // Accepted for compatibility with k3s files; containerd 1.6 has no rewrite support (logged).
            var rewrite = mirror is null ? null : YamlTree.Mapping(mirror, "rewrite", path);
            if (rewrite is not null)
            {
                // Pattern → replacement strings, as k3s reads them; checked so a malformed file is still refused.
                foreach (var (_, _, replacement) in YamlTree.Entries(rewrite, path + ".rewrite"))
                {
                    if (!YamlTree.IsNull(replacement)) YamlTree.AsString(replacement, path + ".rewrite");
                }
            }
            mirrors[host] = new RegistryMirror(endpoints, rewrite is { Children.Count: > 0 });
        }
        return mirrors;
    }

    private static Dictionary<string, RegistryHostConfig> ReadConfigs(string source, YamlMappingNode root)
    {
        var configs = new Dictionary<string, RegistryHostConfig>(StringComparer.Ordinal);
        if (YamlTree.Mapping(root, "configs", "") is not { } section) return configs;
        foreach (var (host, _, value) in YamlTree.Entries(section, "configs"))
        {
            ValidateHost(source, "configs", host, allowWildcard: false);
            var path = $"configs \"{host}\"";
            var config = YamlTree.IsNull(value) ? null : YamlTree.AsMapping(value, path);
            if (config is not null) YamlTree.RejectUnknownKeys(config, path, "auth", "tls");
            var auth = config is not null && YamlTree.Mapping(config, "auth", path) is { } a ? ReadAuth(a, path + ".auth") : null;
            var tls = config is not null && YamlTree.Mapping(config, "tls", path) is { } t ? ReadTls(t, path + ".tls") : null;
            if (tls is { CertFile: null, KeyFile: not null } or { CertFile: not null, KeyFile: null })
                throw new RegistriesConfigException($"{source}: configs \"{host}\": tls needs both cert_file and key_file");
            configs[host] = new RegistryHostConfig(auth, tls);
        }
        return configs;
    }

    private static RegistryAuth ReadAuth(YamlMappingNode a, string path)
    {
        YamlTree.RejectUnknownKeys(a, path, "username", "password", "auth", "identitytoken");
        return new RegistryAuth(
            YamlTree.String(a, "username", path), YamlTree.String(a, "password", path),
            YamlTree.String(a, "auth", path), YamlTree.String(a, "identitytoken", path));
    }

    private static RegistryTls ReadTls(YamlMappingNode t, string path)
    {
        YamlTree.RejectUnknownKeys(t, path, "ca_file", "cert_file", "key_file", "insecure_skip_verify");
        return new RegistryTls(
            YamlTree.String(t, "ca_file", path), YamlTree.String(t, "cert_file", path), YamlTree.String(t, "key_file", path),
            YamlTree.Bool(t, "insecure_skip_verify", path) ?? false);
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
}
