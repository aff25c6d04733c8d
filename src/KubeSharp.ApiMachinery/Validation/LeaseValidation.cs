using k8s.Models;

namespace KubeSharp.ApiMachinery.Validation;

/// <summary>upstream's coordination ValidateLease / ValidateLeaseUpdate.</summary>
public static class LeaseValidation
{
    public static List<FieldError> ValidateCreate(V1Lease lease)
    {
        var errs = MetadataValidation.ValidateObjectMeta(lease.Metadata, true, NameValidation.NameIsDnsSubdomain);
        ValidateSpec(errs, lease.Spec);
        return errs;
    }

    public static List<FieldError> ValidateUpdate(V1Lease lease, V1Lease old)
    {
        var errs = MetadataValidation.ValidateObjectMetaUpdate(lease.Metadata, old.Metadata);
        ValidateSpec(errs, lease.Spec);
        return errs;
    }

    private static void ValidateSpec(List<FieldError> errs, V1LeaseSpec? spec)
    {
        if (spec is null)
        {
            return;
        }
        var path = FieldPath.Root("spec");
        if (spec.LeaseDurationSeconds is <= 0)
        {
            errs.Add(FieldErrors.Invalid(path.Child("leaseDurationSeconds"), spec.LeaseDurationSeconds.Value, "must be greater than 0"));
        }
        if (spec.LeaseTransitions is < 0)
        {
            errs.Add(FieldErrors.Invalid(path.Child("leaseTransitions"), spec.LeaseTransitions.Value, CommonValidation.NegativeErrorMsg));
        }
        if (!string.IsNullOrEmpty(spec.PreferredHolder) && string.IsNullOrEmpty(spec.Strategy))
        {
            errs.Add(FieldErrors.Forbidden(path.Child("preferredHolder"), "may only be specified if `strategy` is defined"));
        }
    }
}
