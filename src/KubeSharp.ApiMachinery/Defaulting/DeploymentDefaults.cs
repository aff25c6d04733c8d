using k8s.Models;

namespace KubeSharp.ApiMachinery.Defaulting;

/// <summary>
/// upstream's apps/v1 SetDefaults_Deployment: one replica, RollingUpdate with 25%/25%, revisionHistoryLimit 10,
/// progressDeadlineSeconds 600.
/// </summary>
public static class DeploymentDefaults
{
    public static void Apply(V1Deployment deployment)
    {
        deployment.Spec ??= new V1DeploymentSpec();
        var spec = deployment.Spec;
        spec.Replicas ??= 1;
        spec.Strategy ??= new V1DeploymentStrategy();
        if (string.IsNullOrEmpty(spec.Strategy.Type))
        {
            spec.Strategy.Type = "RollingUpdate";
        }
        if (spec.Strategy.Type == "RollingUpdate")
        {
            spec.Strategy.RollingUpdate ??= new V1RollingUpdateDeployment();
            spec.Strategy.RollingUpdate.MaxUnavailable ??= "25%";
            spec.Strategy.RollingUpdate.MaxSurge ??= "25%";
        }
        spec.RevisionHistoryLimit ??= 10;
        spec.ProgressDeadlineSeconds ??= 600;
        PodDefaults.ApplyTemplate(spec.Template);
    }
}
