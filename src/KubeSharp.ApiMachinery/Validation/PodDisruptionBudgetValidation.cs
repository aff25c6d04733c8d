using k8s.Models;

namespace KubeSharp.ApiMachinery.Validation;

/// <summary>upstream's ValidatePodDisruptionBudget (policy/v1: the spec may change after creation).</summary>
public static class PodDisruptionBudgetValidation
{
    private static readonly FieldPath Spec = FieldPath.Root("spec");

    public static List<FieldError> ValidateCreate(V1PodDisruptionBudget pdb)
    {
        var errs = MetadataValidation.ValidateObjectMeta(pdb.Metadata, true, NameValidation.NameIsDnsSubdomain);
        ValidateSpec(errs, pdb.Spec ?? new V1PodDisruptionBudgetSpec());
        return errs;
    }

    public static List<FieldError> ValidateUpdate(V1PodDisruptionBudget pdb, V1PodDisruptionBudget old)
    {
        var errs = MetadataValidation.ValidateObjectMetaUpdate(pdb.Metadata, old.Metadata);
        ValidateSpec(errs, pdb.Spec ?? new V1PodDisruptionBudgetSpec());
        return errs;
    }

    private static void ValidateSpec(List<FieldError> errs, V1PodDisruptionBudgetSpec spec)
    {
        if (spec.MinAvailable is not null && spec.MaxUnavailable is not null)
        {
            errs.Add(FieldErrors.Invalid(Spec, null, "minAvailable and maxUnavailable cannot be both set"));
        }
        if (spec.MinAvailable is not null)
        {
            CommonValidation.PositiveIntOrPercent(errs, spec.MinAvailable, Spec.Child("minAvailable"));
            CommonValidation.NotMoreThan100Percent(errs, spec.MinAvailable, Spec.Child("minAvailable"));
        }
        if (spec.MaxUnavailable is not null)
        {
            CommonValidation.PositiveIntOrPercent(errs, spec.MaxUnavailable, Spec.Child("maxUnavailable"));
            CommonValidation.NotMoreThan100Percent(errs, spec.MaxUnavailable, Spec.Child("maxUnavailable"));
        }
        errs.AddRange(MetadataValidation.ValidateLabelSelector(spec.Selector, Spec.Child("selector")));
        if (spec.UnhealthyPodEvictionPolicy is not null)
        {
            CommonValidation.Enum(errs, spec.UnhealthyPodEvictionPolicy, Spec.Child("unhealthyPodEvictionPolicy"), "AlwaysAllow", "IfHealthyBudget");
        }
    }
}
