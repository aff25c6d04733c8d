using System.Text.Json;
using k8s;
using k8s.Models;
using KubeSharp.ApiMachinery.Resources;
using KubeSharp.ApiMachinery.Serialization;
using KubeSharp.ApiServer.Registry;

namespace KubeSharp.ApiServer.Cache;

/// <summary>Turns a stored value into the cached, served form. The store holds objects without a trustworthy
/// resourceVersion (it is only known once the store assigns the revision), so it is set here from the revision,
/// as upstream's etcd3 store does on decode — by byte injection, and the few indexed fields are read with a
/// JSON document rather than a typed deserialization, since this runs for every write.</summary>
public static class ObjectDecoder
{
    public static CachedObject Decode(ResourceInfo resource, string key, byte[] value, long modRevision)
    {
        var json = ResourceVersionInjector.Inject(value, modRevision);
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var meta = root.TryGetProperty("metadata", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
        return new CachedObject
        {
            Key = key,
            Namespace = Text(meta, "namespace"),
            Name = Text(meta, "name"),
            Uid = Text(meta, "uid"),
            ResourceVersion = modRevision,
            Json = json,
            Labels = Labels(meta),
            Fields = SelectableFields.Extract(resource, root),
        };
    }

    public static CachedObject FromTyped(ResourceInfo resource, string key, IKubernetesObject<V1ObjectMeta> obj, long modRevision)
    {
        obj.ApiVersion = resource.GroupVersion;
        obj.Kind = resource.Kind;
        return Decode(resource, key, KubeJson.Serialize(obj, resource.ModelType), modRevision);
    }

    private static string Text(JsonElement meta, string name) =>
        meta.ValueKind == JsonValueKind.Object && meta.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

    private static Dictionary<string, string>? Labels(JsonElement meta)
    {
        if (meta.ValueKind != JsonValueKind.Object || !meta.TryGetProperty("labels", out var labels) || labels.ValueKind != JsonValueKind.Object) return null;
        Dictionary<string, string>? result = null;
        foreach (var p in labels.EnumerateObject())
        {
            if (p.Value.ValueKind != JsonValueKind.String) continue;
            result ??= new Dictionary<string, string>(StringComparer.Ordinal);
            result[p.Name] = p.Value.GetString()!;
        }
        return result;
    }
}
