using k8s.Models;

namespace KubeSharp.ApiMachinery.Validation;

/// <summary>upstream's ValidatePersistentVolumeClaim / ValidatePersistentVolumeClaimUpdate (core checks).</summary>
public static class PersistentVolumeClaimValidation
{
    internal static readonly string[] AccessModes = ["ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"];
    internal static readonly string[] VolumeModes = ["Block", "Filesystem"];

    public static List<FieldError> ValidateCreate(V1PersistentVolumeClaim pvc)
    {
        var errs = MetadataValidation.ValidateObjectMeta(pvc.Metadata, true, NameValidation.NameIsDnsSubdomain);
        ValidateSpec(errs, pvc.Spec, FieldPath.Root("spec"));
        return errs;
    }

    public static List<FieldError> ValidateUpdate(V1PersistentVolumeClaim pvc, V1PersistentVolumeClaim old)
    {
        var errs = MetadataValidation.ValidateObjectMetaUpdate(pvc.Metadata, old.Metadata);
        ValidateSpec(errs, pvc.Spec, FieldPath.Root("spec"));
        var a = JsonDiff.Clone(pvc.Spec ?? new V1PersistentVolumeClaimSpec());
        var b = JsonDiff.Clone(old.Spec ?? new V1PersistentVolumeClaimSpec());
        // volumeName may be bound once (unset → set) by the binder.
        if (string.IsNullOrEmpty(b.VolumeName))
        {
            b.VolumeName = a.VolumeName;
        }
        foreach (var s in new[] { a, b })
        {
            s.Resources ??= new V1VolumeResourceRequirements();
            s.Resources.Requests = null;
            s.VolumeAttributesClassName = null;
        }
        if (!JsonDiff.SemanticEqual(a, b))
        {
            errs.Add(FieldErrors.Forbidden(FieldPath.Root("spec"),
                "spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims"));
        }
        return errs;
    }

    internal static void ValidateSpec(List<FieldError> errs, V1PersistentVolumeClaimSpec? spec, FieldPath path)
    {
        spec ??= new V1PersistentVolumeClaimSpec();
        errs.AddRange(MetadataValidation.ValidateLabelSelector(spec.Selector, path.Child("selector")));
        if ((spec.AccessModes?.Count ?? 0) == 0)
        {
            errs.Add(FieldErrors.Required(path.Child("accessModes"), "at least 1 access mode is required"));
        }
        foreach (var mode in spec.AccessModes ?? [])
        {
            if (Array.IndexOf(AccessModes, mode) < 0)
            {
                errs.Add(FieldErrors.NotSupported(path.Child("accessModes"), mode, AccessModes));
            }
        }
        var storagePath = path.Child("resources").Key("storage");
        if (spec.Resources?.Requests?.TryGetValue("storage", out var storage) != true)
        {
            errs.Add(FieldErrors.Required(storagePath));
        }
        else if (Quantities.Value(storage) is <= 0)
        {
            errs.Add(FieldErrors.Invalid(storagePath, Quantities.Format(storage!), "must be greater than zero"));
        }
        if (spec.VolumeMode is not null && Array.IndexOf(VolumeModes, spec.VolumeMode) < 0)
        {
            errs.Add(FieldErrors.NotSupported(path.Child("volumeMode"), spec.VolumeMode, VolumeModes));
        }
    }
}
