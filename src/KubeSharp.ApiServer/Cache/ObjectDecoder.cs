using k8s;
using k8s.Models;
using KubeSharp.ApiMachinery.Resources;
using KubeSharp.ApiMachinery.Serialization;
using KubeSharp.ApiServer.Registry;

namespace KubeSharp.ApiServer.Cache;

/// <summary>Turns a stored value into the cached, served form. The store holds objects without a trustworthy
/// resourceVersion (it is only known once the store assigns the revision), so it is set here from the revision,
/// as upstream's etcd3 store does on decode.</summary>
public static class ObjectDecoder
{
    public static CachedObject Decode(ResourceInfo resource, string key, byte[] value, long modRevision)
    {
        var obj = (IKubernetesObject<V1ObjectMeta>)KubeJson.Deserialize(value, resource.ModelType);
        return FromTyped(resource, key, obj, modRevision);
    }

    public static CachedObject FromTyped(ResourceInfo resource, string key, IKubernetesObject<V1ObjectMeta> obj, long modRevision)
    {
        obj.Metadata ??= new V1ObjectMeta();
        obj.Metadata.ResourceVersion = modRevision.ToString(System.Globalization.CultureInfo.InvariantCulture);
        obj.ApiVersion = resource.GroupVersion;
        obj.Kind = resource.Kind;
        return new CachedObject
        {
            Key = key,
            Namespace = obj.Metadata.NamespaceProperty ?? "",
            Name = obj.Metadata.Name ?? "",
            Uid = obj.Metadata.Uid ?? "",
            ResourceVersion = modRevision,
            Json = KubeJson.Serialize(obj, resource.ModelType),
            Labels = obj.Metadata.Labels is { Count: > 0 } l ? l as IReadOnlyDictionary<string, string> ?? new Dictionary<string, string>(l) : null,
            Fields = SelectableFields.Extract(obj),
        };
    }
}
