using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KubeSharp.ApiMachinery.Yaml;

/// <summary>
/// Typed reads over YamlDotNet's node model (<see cref="YamlStream"/>) for the small config files the node reads
/// (kubeconfig, registries.yaml). The node model needs no reflection, so the same code runs in JIT and Native AOT
/// builds, unlike YamlDotNet's object deserializer. Every shape error is a <see cref="YamlException"/> carrying the
/// offending node's position and a path such as <c>clusters[0].cluster.server</c>, so callers report
/// "file: line L, column C: ..." for syntax and shape errors alike.
/// </summary>
public static class YamlTree
{
    /// <summary>
    /// The first document's top-level mapping; null when the text holds no document or only a null (an empty or
    /// comment-only file). Syntax errors and duplicate keys throw <see cref="YamlException"/>.
    /// </summary>
    public static YamlMappingNode? LoadMapping(TextReader reader)
    {
        var stream = new YamlStream();
        stream.Load(reader);
        if (stream.Documents.Count == 0) return null;
        var root = stream.Documents[0].RootNode;
        if (IsNull(root)) return null;
        return root as YamlMappingNode ?? throw Shape(root, "the top level", "a mapping");
    }

    /// <summary>YAML's null: a plain empty scalar, <c>~</c> or <c>null</c> (as Go's yaml reads it).</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    /// <summary>The entries in document order; keys must be scalars.</summary>
    public static IEnumerable<(string Key, YamlNode KeyNode, YamlNode Value)> Entries(YamlMappingNode map, string path)
    {
        foreach (var (key, value) in map.Children)
        {
            if (key is not YamlScalarNode { Value: { } name }) throw Shape(key, path + " key", "a string");
            yield return (name, key, value);
        }
    }

    /// <summary>The value under <paramref name="key"/>; null when the key is absent or its value is null.</summary>
    public static YamlNode? Get(YamlMappingNode map, string key)
    {
        foreach (var (k, v) in map.Children)
        {
            if (k is YamlScalarNode { Value: { } name } && name == key) return IsNull(v) ? null : v;
        }
        return null;
    }

    public static string? String(YamlMappingNode map, string key, string path) =>
        Get(map, key) is { } v ? AsString(v, Join(path, key)) : null;

    public static bool? Bool(YamlMappingNode map, string key, string path) =>
        Get(map, key) is { } v ? AsBool(v, Join(path, key)) : null;

    public static YamlMappingNode? Mapping(YamlMappingNode map, string key, string path) =>
        Get(map, key) is { } v ? AsMapping(v, Join(path, key)) : null;

    public static YamlSequenceNode? Sequence(YamlMappingNode map, string key, string path) =>
        Get(map, key) is { } v ? AsSequence(v, Join(path, key)) : null;

    /// <summary>A scalar's text; numbers and booleans are taken as written, as a Go string field takes them.</summary>
    public static string AsString(YamlNode node, string path) =>
        node is YamlScalarNode s ? s.Value ?? "" : throw Shape(node, path, "a string");

    /// <summary>
    /// YAML 1.1 booleans as both Go's yaml (kubectl, k3s) and YamlDotNet read them: true/yes/y/on and
    /// false/no/n/off, in any letter case.
    /// </summary>
    public static bool AsBool(YamlNode node, string path)
    {
        var text = AsString(node, path);
        switch (text.ToLowerInvariant())
        {
            case "true" or "yes" or "y" or "on": return true;
            case "false" or "no" or "n" or "off": return false;
        }
        throw new YamlException(node.Start, node.End, $"{path}: \"{text}\" is not a boolean (true or false)");
    }

    public static YamlMappingNode AsMapping(YamlNode node, string path) =>
        node as YamlMappingNode ?? throw Shape(node, path, "a mapping");

    public static YamlSequenceNode AsSequence(YamlNode node, string path) =>
        node as YamlSequenceNode ?? throw Shape(node, path, "a list");

    /// <summary>Throws at the first key not in <paramref name="known"/>, for files where a misspelt key must not
    /// pass silently.</summary>
    public static void RejectUnknownKeys(YamlMappingNode map, string path, params ReadOnlySpan<string> known)
    {
        foreach (var (key, keyNode, _) in Entries(map, path))
        {
            if (!known.Contains(key))
                throw new YamlException(keyNode.Start, keyNode.End, $"{(path.Length == 0 ? "" : path + ": ")}unknown key \"{key}\"");
        }
    }

    /// <summary>"a.b" for nested fields; "b" at the top level.</summary>
    public static string Join(string path, string key) => path.Length == 0 ? key : path + "." + key;

    private static YamlException Shape(YamlNode node, string path, string expected) =>
        new(node.Start, node.End, $"{path}: expected {expected}, found {Describe(node)}");

    private static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode s => $"\"{s.Value}\"",
        _ => node.NodeType.ToString(),
    };
}
