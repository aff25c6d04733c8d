using k8s.Models;

namespace KubeSharp.ApiMachinery.Validation;

/// <summary>upstream's ValidatePersistentVolume (core checks: capacity, access modes, reclaim policy, one source).</summary>
public static class PersistentVolumeValidation
{
    private static readonly string[] ReclaimPolicies = ["Delete", "Recycle", "Retain"];

    public static List<FieldError> ValidateCreate(V1PersistentVolume pv)
    {
        var errs = MetadataValidation.ValidateObjectMeta(pv.Metadata, false, NameValidation.NameIsDnsSubdomain);
        ValidateSpec(errs, pv.Spec ?? new V1PersistentVolumeSpec());
        return errs;
    }

    public static List<FieldError> ValidateUpdate(V1PersistentVolume pv, V1PersistentVolume old)
    {
        var errs = MetadataValidation.ValidateObjectMetaUpdate(pv.Metadata, old.Metadata);
        ValidateSpec(errs, pv.Spec ?? new V1PersistentVolumeSpec());
        if ((old.Spec?.VolumeMode ?? "") != (pv.Spec?.VolumeMode ?? ""))
        {
            errs.Add(FieldErrors.Immutable(FieldPath.Root("volumeMode"), pv.Spec?.VolumeMode ?? ""));
        }
        return errs;
    }

    private static void ValidateSpec(List<FieldError> errs, V1PersistentVolumeSpec spec)
    {
        var path = FieldPath.Root("spec");
        if ((spec.AccessModes?.Count ?? 0) == 0)
        {
            errs.Add(FieldErrors.Required(path.Child("accessModes")));
        }
        foreach (var mode in spec.AccessModes ?? [])
        {
            if (Array.IndexOf(PersistentVolumeClaimValidation.AccessModes, mode) < 0)
            {
                errs.Add(FieldErrors.NotSupported(path.Child("accessModes"), mode, PersistentVolumeClaimValidation.AccessModes));
            }
        }
        var capacity = spec.Capacity ?? new Dictionary<string, ResourceQuantity>();
        if (capacity.Count == 0)
        {
            errs.Add(FieldErrors.Required(path.Child("capacity")));
        }
        else if (!capacity.ContainsKey("storage") || capacity.Count > 1)
        {
            errs.Add(FieldErrors.NotSupported(path.Child("capacity"), new GoLiteral("core.ResourceList{...}"), ["storage"]));
        }
        foreach (var (name, quantity) in capacity)
        {
            ResourceValidation.ValidateQuantityValue(errs, name, quantity, path.Child("capacity").Key(name));
        }
        if (!string.IsNullOrEmpty(spec.PersistentVolumeReclaimPolicy) && Array.IndexOf(ReclaimPolicies, spec.PersistentVolumeReclaimPolicy) < 0)
        {
            errs.Add(FieldErrors.NotSupported(path.Child("persistentVolumeReclaimPolicy"), spec.PersistentVolumeReclaimPolicy, ReclaimPolicies));
        }
        object?[] sources =
        [
            spec.HostPath, spec.GcePersistentDisk, spec.AwsElasticBlockStore, spec.Glusterfs, spec.Nfs, spec.Rbd, spec.Quobyte,
            spec.Cephfs, spec.Iscsi, spec.Cinder, spec.Fc, spec.Flocker, spec.FlexVolume, spec.AzureFile, spec.VsphereVolume,
            spec.AzureDisk, spec.PhotonPersistentDisk, spec.PortworxVolume, spec.ScaleIO, spec.Local, spec.Storageos, spec.Csi,
        ];
        var count = sources.Count(s => s is not null);
        if (count == 0)
        {
            errs.Add(FieldErrors.Required(path, "must specify a volume type"));
        }
        else if (count > 1)
        {
            errs.Add(FieldErrors.Forbidden(path, "may not specify more than 1 volume type"));
        }
        if (spec.VolumeMode is not null && Array.IndexOf(PersistentVolumeClaimValidation.VolumeModes, spec.VolumeMode) < 0)
        {
            errs.Add(FieldErrors.NotSupported(path.Child("volumeMode"), spec.VolumeMode, PersistentVolumeClaimValidation.VolumeModes));
        }
    }
}
