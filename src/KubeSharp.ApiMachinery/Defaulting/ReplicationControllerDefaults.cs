using k8s.Models;

namespace KubeSharp.ApiMachinery.Defaulting;

/// <summary>upstream's SetDefaults_ReplicationController: selector and labels from the template, one replica.</summary>
public static class ReplicationControllerDefaults
{
    public static void Apply(V1ReplicationController rc)
    {
        rc.Spec ??= new V1ReplicationControllerSpec();
        var labels = rc.Spec.Template?.Metadata?.Labels;
        if (labels is not null)
        {
            if ((rc.Spec.Selector?.Count ?? 0) == 0)
            {
                rc.Spec.Selector = new Dictionary<string, string>(labels);
            }
            rc.Metadata ??= new V1ObjectMeta();
            if ((rc.Metadata.Labels?.Count ?? 0) == 0)
            {
                rc.Metadata.Labels = new Dictionary<string, string>(labels);
            }
        }
        rc.Spec.Replicas ??= 1;
        PodDefaults.ApplyTemplate(rc.Spec.Template);
    }
}
