using k8s.Models;

namespace KubeSharp.ApiMachinery.Defaulting;

/// <summary>
/// upstream's SetDefaults_Volume (a volume without a source becomes an emptyDir) and the volume source defaults:
/// defaultMode 0644 for secret/configMap/downwardAPI/projected, hostPath type "", service account token expiry 1h.
/// </summary>
public static class VolumeDefaults
{
    public static void Apply(V1Volume volume)
    {
        if (HasNoSource(volume))
        {
            volume.EmptyDir = new V1EmptyDirVolumeSource();
        }
        if (volume.Secret is { } secret)
        {
            secret.DefaultMode ??= PodDefaults.DefaultFileMode;
        }
        if (volume.ConfigMap is { } configMap)
        {
            configMap.DefaultMode ??= PodDefaults.DefaultFileMode;
        }
        if (volume.DownwardAPI is { } downward)
        {
            downward.DefaultMode ??= PodDefaults.DefaultFileMode;
            foreach (var item in downward.Items ?? [])
            {
                PodDefaults.ApplyFieldRef(item.FieldRef);
            }
        }
        if (volume.Projected is { } projected)
        {
            projected.DefaultMode ??= PodDefaults.DefaultFileMode;
            foreach (var source in projected.Sources ?? [])
            {
                if (source.ServiceAccountToken is { } token)
                {
                    token.ExpirationSeconds ??= 3600;
                }
                foreach (var item in source.DownwardAPI?.Items ?? [])
                {
                    PodDefaults.ApplyFieldRef(item.FieldRef);
                }
            }
        }
        if (volume.HostPath is { } hostPath)
        {
            hostPath.Type ??= "";
        }
        if (volume.Iscsi is { } iscsi && string.IsNullOrEmpty(iscsi.IscsiInterface))
        {
            iscsi.IscsiInterface = "default";
        }
        if (volume.AzureDisk is { } azureDisk)
        {
            // upstream's SetDefaults_AzureDiskVolumeSource.
            azureDisk.CachingMode ??= "ReadWrite";
            azureDisk.Kind ??= "Shared";
            azureDisk.FsType ??= "ext4";
            azureDisk.ReadOnlyProperty ??= false;
        }
        if (volume.ScaleIO is { } scaleIo)
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

    private static bool HasNoSource(V1Volume v) =>
        v.HostPath is null && v.EmptyDir is null && v.GcePersistentDisk is null && v.AwsElasticBlockStore is null && v.GitRepo is null
        && v.Secret is null && v.Nfs is null && v.Iscsi is null && v.Glusterfs is null && v.PersistentVolumeClaim is null
        && v.Rbd is null && v.FlexVolume is null && v.Cinder is null && v.Cephfs is null && v.Flocker is null
        && v.DownwardAPI is null && v.Fc is null && v.AzureFile is null && v.ConfigMap is null && v.VsphereVolume is null
        && v.Quobyte is null && v.AzureDisk is null && v.PhotonPersistentDisk is null && v.Projected is null
        && v.PortworxVolume is null && v.ScaleIO is null && v.Storageos is null && v.Csi is null && v.Ephemeral is null
        && v.Image is null;
}
