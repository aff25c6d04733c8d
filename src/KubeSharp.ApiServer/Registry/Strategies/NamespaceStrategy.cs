using k8s;
using k8s.Models;
using KubeSharp.ApiMachinery.Defaulting;
using KubeSharp.ApiMachinery.Resources;
using KubeSharp.ApiMachinery.Serialization;

namespace KubeSharp.ApiServer.Registry.Strategies;

/// <summary>Namespaces start Active with the "kubernetes" finalizer in spec; the namespace controller empties and
/// finalizes them after a delete marks them Terminating.</summary>
public sealed class NamespaceStrategy(ResourceInfo resource) : DefaultStrategy(resource)
{
    protected override void ResetStatus(IKubernetesObject<V1ObjectMeta> obj)
    {
        var ns = (V1Namespace)obj;
        ns.Status = new V1NamespaceStatus { Phase = "Active" };
        ns.Spec ??= new V1NamespaceSpec();
        ns.Spec.Finalizers ??= new List<string>();
        if (!ns.Spec.Finalizers.Contains("kubernetes")) ns.Spec.Finalizers.Add("kubernetes");
    }

    public override void PrepareForCreate(IKubernetesObject<V1ObjectMeta> obj)
    {
        ResetStatus(obj);
        Defaulter.Apply(obj);
        obj.Metadata.Labels ??= new Dictionary<string, string>();
        obj.Metadata.Labels["kubernetes.io/metadata.name"] = obj.Metadata.Name;
    }

    public override void PrepareForUpdate(IKubernetesObject<V1ObjectMeta> obj, IKubernetesObject<V1ObjectMeta> old)
    {
        var ns = (V1Namespace)obj;
        var prev = (V1Namespace)old;
        ns.Status = prev.Status;
        // spec.finalizers changes only through the finalize subresource.
        ns.Spec = prev.Spec;
        obj.Metadata.Labels ??= new Dictionary<string, string>();
        obj.Metadata.Labels["kubernetes.io/metadata.name"] = obj.Metadata.Name;
    }

    public override bool MarkForDeletion(IKubernetesObject<V1ObjectMeta> obj)
    {
        var ns = (V1Namespace)obj;
        ns.Status ??= new V1NamespaceStatus();
        ns.Status.Phase = "Terminating";
        return !ReadyToDelete(obj);
    }

    public override bool ReadyToDelete(IKubernetesObject<V1ObjectMeta> obj) =>
        ((V1Namespace)obj).Spec?.Finalizers is not { Count: > 0 };

    /// <summary>The finalize subresource: only spec.finalizers changes.</summary>
    public static IKubernetesObject<V1ObjectMeta> Finalize(IKubernetesObject<V1ObjectMeta> obj, IKubernetesObject<V1ObjectMeta> old)
    {
        var ns = (V1Namespace)obj;
        // A copy: the caller compares the result with old to skip no-op writes, so mutating old in place made
        // every finalize a silent no-op.
        var result = KubeJson.Deserialize<V1Namespace>(KubeJson.Serialize(old));
        result.Spec ??= new V1NamespaceSpec();
        result.Spec.Finalizers = ns.Spec?.Finalizers ?? new List<string>();
        return result;
    }
}
