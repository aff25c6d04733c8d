using System.Text.Json;
using k8s;
using k8s.Models;
using KubeSharp.ApiMachinery.Serialization;

namespace KubeSharp.Client;

/// <summary>Helpers every component needs around API objects.</summary>
public static class KubeObjects
{
    /// <summary>The cache key: "namespace/name", or "name" for cluster-scoped objects (client-go's MetaNamespaceKeyFunc).</summary>
    public static string KeyOf(IKubernetesObject<V1ObjectMeta> obj) => KeyOf(obj.Namespace(), obj.Name());

    public static string KeyOf(string? ns, string name) => string.IsNullOrEmpty(ns) ? name : ns + "/" + name;

    /// <summary>Splits a cache key back into namespace (null for cluster-scoped) and name.</summary>
    public static (string? Namespace, string Name) SplitKey(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? (null, key) : (key[..slash], key[(slash + 1)..]);
    }

    /// <summary>
    /// A deep copy through the wire JSON, so every field the model has survives. Objects from informer caches and
    /// listers are shared by every consumer: copy before changing anything (style.md habit 2).
    /// </summary>
    public static T DeepCopy<T>(T obj)
        where T : class => KubeJson.Deserialize<T>(JsonSerializer.SerializeToUtf8Bytes(obj, KubeJson.TypeInfo<T>()));

    /// <summary>
    /// A copy of the object's top level only: the copy's own properties can be replaced without touching the
    /// original, but nested objects are shared and must not be changed. For hot paths that swap one sub-object
    /// (the scheduler's assumed pod gets its own spec), where a JSON round trip per object costs too much.
    /// </summary>
    public static T ShallowCopy<T>(T obj)
        where T : class => (T)CloneMember(obj);

    private static readonly Func<object, object> CloneMember =
        typeof(object).GetMethod("MemberwiseClone", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!
            .CreateDelegate<Func<object, object>>();
}
