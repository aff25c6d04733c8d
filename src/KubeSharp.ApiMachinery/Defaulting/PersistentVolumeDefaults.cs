using k8s.Models;

namespace KubeSharp.ApiMachinery.Defaulting;

/// <summary>upstream's SetDefaults_PersistentVolume / SetDefaults_PersistentVolumeClaim(Spec).</summary>
public static class PersistentVolumeDefaults
{
    public static void Apply(V1PersistentVolume pv)
    {
        pv.Spec ??= new V1PersistentVolumeSpec();
        pv.Status ??= new V1PersistentVolumeStatus();
        if (string.IsNullOrEmpty(pv.Status.Phase))
        {
            pv.Status.Phase = "Pending";
        }
        if (string.IsNullOrEmpty(pv.Spec.PersistentVolumeReclaimPolicy))
        {
            pv.Spec.PersistentVolumeReclaimPolicy = "Retain";
        }
        pv.Spec.VolumeMode ??= "Filesystem";
        if (pv.Spec.HostPath is { } hostPath)
        {
            hostPath.Type ??= "";
        }
        if (pv.Spec.Iscsi is { } iscsi && string.IsNullOrEmpty(iscsi.IscsiInterface))
        {
            iscsi.IscsiInterface = "default";
        }
        if (pv.Spec.ScaleIO is { } scaleIo)
        {
            if (string.IsNullOrEmpty(scaleIo.StorageMode))
            {
                scaleIo.StorageMode = "ThinProvisioned";
            }
            if (string.IsNullOrEmpty(scaleIo.FsType))
            {
                scaleIo.FsType = "xfs";
            }
        }
    }

    public static void ApplyClaim(V1PersistentVolumeClaim pvc)
    {
        pvc.Spec ??= new V1PersistentVolumeClaimSpec();
        pvc.Spec.VolumeMode ??= "Filesystem";
        pvc.Status ??= new V1PersistentVolumeClaimStatus();
        if (string.IsNullOrEmpty(pvc.Status.Phase))
        {
            pvc.Status.Phase = "Pending";
        }
    }
}
