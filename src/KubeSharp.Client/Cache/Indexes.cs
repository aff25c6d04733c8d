using k8s;
using k8s.Models;

namespace KubeSharp.Client.Cache;

/// <summary>Index names and functions that several components share.</summary>
public static class Indexes
{
    /// <summary>client-go's cache.NamespaceIndex; listers use it for namespace-scoped queries.</summary>
    public const string Namespace = "namespace";

    /// <summary>Pods by the node they are bound to (scheduler cache, kubelet, node lifecycle controller).</summary>
    public const string NodeName = "spec.nodeName";

    public static IEnumerable<string> ByNamespace<T>(T obj)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        var ns = obj.Namespace();
        return string.IsNullOrEmpty(ns) ? [] : [ns];
    }

    /// <summary>Unbound pods (no nodeName) are not indexed.</summary>
    public static IEnumerable<string> ByNodeName(V1Pod pod) =>
        string.IsNullOrEmpty(pod.Spec?.NodeName) ? [] : [pod.Spec.NodeName];
}
