using k8s.Models;
using KubeSharp.Client;

namespace KubeSharp.ControllerManager.Controllers.ReplicaSet;

/// <summary>A pod from an owner's template (upstream's controller.GetPodFromTemplate).</summary>
internal static class PodTemplates
{
    public static V1Pod PodFromTemplate(V1PodTemplateSpec? template, string ns, string ownerName, V1OwnerReference controllerRef)
    {
        var copy = template == null ? new V1PodTemplateSpec() : KubeObjects.DeepCopy(template);
        return new V1Pod
        {
            ApiVersion = "v1",
            Kind = "Pod",
            Metadata = new V1ObjectMeta
            {
                NamespaceProperty = ns,
                // Upstream's generateName prefix is "<owner>-"; the API server appends five random characters.
                GenerateName = ownerName + "-",
                Labels = copy.Metadata?.Labels,
                Annotations = copy.Metadata?.Annotations,
                Finalizers = copy.Metadata?.Finalizers,
                OwnerReferences = [controllerRef],
            },
            Spec = copy.Spec,
        };
    }
}
