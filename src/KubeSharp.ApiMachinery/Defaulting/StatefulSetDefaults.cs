using k8s.Models;

namespace KubeSharp.ApiMachinery.Defaulting;

/// <summary>
/// upstream's apps/v1 SetDefaults_StatefulSet: OrderedReady, RollingUpdate with partition 0 (only when the strategy
/// was defaulted or a rollingUpdate block is present), Retain/Retain PVC retention, one replica, history 10; volume
/// claim templates get PersistentVolumeClaim defaults.
/// </summary>
public static class StatefulSetDefaults
{
    public static void Apply(V1StatefulSet sts)
    {
        sts.Spec ??= new V1StatefulSetSpec();
        var spec = sts.Spec;
        if (string.IsNullOrEmpty(spec.PodManagementPolicy))
        {
            spec.PodManagementPolicy = "OrderedReady";
        }
        spec.UpdateStrategy ??= new V1StatefulSetUpdateStrategy();
        if (string.IsNullOrEmpty(spec.UpdateStrategy.Type))
        {
            spec.UpdateStrategy.Type = "RollingUpdate";
            spec.UpdateStrategy.RollingUpdate ??= new V1RollingUpdateStatefulSetStrategy();
        }
        if (spec.UpdateStrategy.Type == "RollingUpdate" && spec.UpdateStrategy.RollingUpdate is { } rollingUpdate)
        {
            rollingUpdate.Partition ??= 0;
        }
        spec.PersistentVolumeClaimRetentionPolicy ??= new V1StatefulSetPersistentVolumeClaimRetentionPolicy();
        if (string.IsNullOrEmpty(spec.PersistentVolumeClaimRetentionPolicy.WhenDeleted))
        {
            spec.PersistentVolumeClaimRetentionPolicy.WhenDeleted = "Retain";
        }
        if (string.IsNullOrEmpty(spec.PersistentVolumeClaimRetentionPolicy.WhenScaled))
        {
            spec.PersistentVolumeClaimRetentionPolicy.WhenScaled = "Retain";
        }
        spec.Replicas ??= 1;
        spec.RevisionHistoryLimit ??= 10;
        PodDefaults.ApplyTemplate(spec.Template);
        foreach (var claim in spec.VolumeClaimTemplates ?? [])
        {
            PersistentVolumeDefaults.ApplyClaim(claim);
        }
    }
}
