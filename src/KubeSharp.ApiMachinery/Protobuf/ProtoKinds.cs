using System.Diagnostics.CodeAnalysis;

namespace KubeSharp.ApiMachinery.Protobuf;

// Maps an envelope's apiVersion/kind to the schema message. Built-in groups are dot-free ("apps") or end in
// ".k8s.io"; their protobuf package is k8s.io.api.<first label>.<version> ("" → core). Only top-level kinds are
// accepted: messages whose field 1 is metadata (ObjectMeta), so "v1 Container" is rejected like any unknown kind.
internal static class ProtoKinds
{
    private const string ObjectMeta = "k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta";

    public static bool TryFind(ProtoSchema schema, string apiVersion, string kind,
        [NotNullWhen(true)] out ProtoMessage? message, [NotNullWhen(false)] out string? error)
    {
        error = null;
        int slash = apiVersion.IndexOf('/');
        string group = slash < 0 ? "" : apiVersion[..slash];
        string version = apiVersion[(slash + 1)..];
        bool builtIn = group.Length == 0 || !group.Contains('.') || group.EndsWith(".k8s.io", StringComparison.Ordinal);
        string package = group.Length == 0 ? "core" : group.Split('.')[0];
        if (builtIn && version.Length > 0 && !version.Contains('/') && !kind.Contains('.')
            && schema.Find($"k8s.io.api.{package}.{version}.{kind}") is { } found
            && found.Fields.TryGetValue(1, out var metadata) && metadata is { Name: "metadata", Message.FullName: ObjectMeta })
        {
            message = found;
            return true;
        }

        message = null;
        error = $"no protobuf decoding for kind \"{kind}\" in apiVersion \"{apiVersion}\"; send it as application/json";
        return false;
    }
}
