using k8s.Models;

namespace KubeSharp.ApiMachinery.Defaulting;

/// <summary>
/// upstream's SetDefaults_Namespace / SetDefaults_NamespaceStatus plus the namespace strategy's create-time rule
/// that adds the "kubernetes" finalizer.
/// </summary>
public static class NamespaceDefaults
{
    public const string MetadataNameLabel = "kubernetes.io/metadata.name";
    public const string KubernetesFinalizer = "kubernetes";

    public static void Apply(V1Namespace ns)
    {
        ns.Metadata ??= new V1ObjectMeta();
        // Nameless (generateName) namespaces get the label once named, so only set it when the name is known.
        if (!string.IsNullOrEmpty(ns.Metadata.Name))
        {
            ns.Metadata.Labels ??= new Dictionary<string, string>();
            ns.Metadata.Labels[MetadataNameLabel] = ns.Metadata.Name;
        }
        ns.Status ??= new V1NamespaceStatus();
        if (string.IsNullOrEmpty(ns.Status.Phase))
        {
            // No phase means the object was never stored (stored namespaces are Active or Terminating): this is
            // upstream's PrepareForCreate, which requires the kubernetes finalizer. Finalize requests carry the
            // Terminating phase, so a removed finalizer is never put back.
            ns.Spec ??= new V1NamespaceSpec();
            if (!(ns.Spec.Finalizers ?? []).Contains(KubernetesFinalizer))
            {
                ns.Spec.Finalizers = [.. ns.Spec.Finalizers ?? [], KubernetesFinalizer];
            }
            ns.Status.Phase = "Active";
        }
    }
}
