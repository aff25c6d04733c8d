using KubeSharp.ApiMachinery.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KubeSharp.Client.Rest;

/// <summary>
/// Parses kubeconfig text (YAML, or JSON, which YAML reads too) with YamlDotNet's node model, so it runs unchanged
/// under Native AOT (the official client's reflection-based reader cannot). Keys KubeSharp does not use
/// (preferences, extensions, proxy-url, username/password, ...) are ignored, as kubectl ignores unknown ones.
/// Malformed YAML and fields of the wrong shape throw <see cref="KubeconfigException"/> naming the file, line and
/// column.
/// </summary>
internal static class KubeconfigReader
{
    public static Kubeconfig Parse(TextReader text, string source)
    {
        try
        {
            var root = YamlTree.LoadMapping(text);
            if (root == null) return new Kubeconfig(null, [], [], []);
            return new Kubeconfig(
                YamlTree.String(root, "current-context", ""),
                Named(root, "clusters", "cluster", Cluster),
                Named(root, "users", "user", User),
                Named(root, "contexts", "context", Context));
        }
        catch (YamlException e)
        {
            throw new KubeconfigException($"{source}: line {e.Start.Line}, column {e.Start.Column}: {e.Message}", e);
        }
    }

    /// <summary>A list of <c>{name: N, field: {...}}</c> entries, as kubeconfig stores clusters, users and contexts.</summary>
    private static List<T> Named<T>(YamlMappingNode root, string list, string field, Func<string, YamlMappingNode, string, T> read)
    {
        var result = new List<T>();
        if (YamlTree.Sequence(root, list, "") is not { } items) return result;
        for (var i = 0; i < items.Children.Count; i++)
        {
            var path = $"{list}[{i}]";
            var entry = YamlTree.AsMapping(items.Children[i], path);
            var name = YamlTree.String(entry, "name", path) ?? "";
            var body = YamlTree.Mapping(entry, field, path) ?? new YamlMappingNode();
            result.Add(read(name, body, YamlTree.Join(path, field)));
        }
        return result;
    }

    private static KubeconfigCluster Cluster(string name, YamlMappingNode c, string path) => new(
        name,
        YamlTree.String(c, "server", path),
        YamlTree.String(c, "certificate-authority", path),
        YamlTree.String(c, "certificate-authority-data", path),
        YamlTree.Bool(c, "insecure-skip-tls-verify", path) ?? false,
        YamlTree.String(c, "tls-server-name", path));

    private static KubeconfigUser User(string name, YamlMappingNode u, string path) => new(
        name,
        YamlTree.String(u, "token", path),
        YamlTree.String(u, "tokenFile", path),
        YamlTree.String(u, "client-certificate", path),
        YamlTree.String(u, "client-certificate-data", path),
        YamlTree.String(u, "client-key", path),
        YamlTree.String(u, "client-key-data", path),
        YamlTree.Get(u, "exec") != null ? "exec" : YamlTree.Get(u, "auth-provider") != null ? "auth-provider" : null);

    private static KubeconfigContext Context(string name, YamlMappingNode x, string path) => new(
        name,
        YamlTree.String(x, "cluster", path),
        YamlTree.String(x, "user", path),
        YamlTree.String(x, "namespace", path));
}
