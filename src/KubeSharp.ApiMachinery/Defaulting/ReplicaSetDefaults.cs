using k8s.Models;

namespace KubeSharp.ApiMachinery.Defaulting;

/// <summary>upstream's apps/v1 SetDefaults_ReplicaSet.</summary>
public static class ReplicaSetDefaults
{
    public static void Apply(V1ReplicaSet rs)
    {
        rs.Spec ??= new V1ReplicaSetSpec();
        rs.Spec.Replicas ??= 1;
        PodDefaults.ApplyTemplate(rs.Spec.Template);
    }
}
