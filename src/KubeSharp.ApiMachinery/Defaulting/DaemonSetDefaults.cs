using k8s.Models;

namespace KubeSharp.ApiMachinery.Defaulting;

/// <summary>upstream's apps/v1 SetDefaults_DaemonSet: RollingUpdate with maxUnavailable 1 / maxSurge 0, history 10.</summary>
public static class DaemonSetDefaults
{
    public static void Apply(V1DaemonSet ds)
    {
        ds.Spec ??= new V1DaemonSetSpec();
        var spec = ds.Spec;
        spec.UpdateStrategy ??= new V1DaemonSetUpdateStrategy();
        if (string.IsNullOrEmpty(spec.UpdateStrategy.Type))
        {
            spec.UpdateStrategy.Type = "RollingUpdate";
        }
        if (spec.UpdateStrategy.Type == "RollingUpdate")
        {
            spec.UpdateStrategy.RollingUpdate ??= new V1RollingUpdateDaemonSet();
            spec.UpdateStrategy.RollingUpdate.MaxUnavailable ??= 1;
            spec.UpdateStrategy.RollingUpdate.MaxSurge ??= 0;
        }
        spec.RevisionHistoryLimit ??= 10;
        PodDefaults.ApplyTemplate(spec.Template);
    }
}
