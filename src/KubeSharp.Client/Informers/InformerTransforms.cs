using k8s;
using k8s.Models;

namespace KubeSharp.Client.Informers;

/// <summary>Ready-made <see cref="InformerOptions.Transform"/>s.</summary>
public static class InformerTransforms
{
    /// <summary>
    /// Drops metadata.managedFields (client-go's TransformStripManagedFields, which kube-scheduler uses): a
    /// component that never applies does not need them, and they are often the largest part of a cached object.
    /// An update sent from a stripped object keeps the stored managedFields (the server reads them from the old
    /// object when the request has none).
    /// </summary>
    public static void StripManagedFields(IKubernetesObject<V1ObjectMeta> obj)
    {
        if (obj.Metadata != null) obj.Metadata.ManagedFields = null;
    }
}
