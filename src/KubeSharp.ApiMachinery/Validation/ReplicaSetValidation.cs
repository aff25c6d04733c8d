using k8s.Models;

namespace KubeSharp.ApiMachinery.Validation;

/// <summary>upstream's ValidateReplicaSet / ValidateReplicaSetSpec and the apps/v1 immutable selector.</summary>
public static class ReplicaSetValidation
{
    public static List<FieldError> ValidateCreate(V1ReplicaSet rs)
    {
        var errs = MetadataValidation.ValidateObjectMeta(rs.Metadata, true, NameValidation.NameIsDnsSubdomain);
        ValidateSpec(errs, rs.Spec, FieldPath.Root("spec"));
        return errs;
    }

    public static List<FieldError> ValidateUpdate(V1ReplicaSet rs, V1ReplicaSet old)
    {
        var errs = MetadataValidation.ValidateObjectMetaUpdate(rs.Metadata, old.Metadata);
        ValidateSpec(errs, rs.Spec, FieldPath.Root("spec"));
        ControllerTemplateValidation.ValidateSelectorImmutable(errs, rs.Spec?.Selector, old.Spec?.Selector);
        return errs;
    }

    internal static void ValidateSpec(List<FieldError> errs, V1ReplicaSetSpec? spec, FieldPath path)
    {
        spec ??= new V1ReplicaSetSpec();
        CommonValidation.NonNegative(errs, spec.Replicas, path.Child("replicas"));
        CommonValidation.NonNegative(errs, spec.MinReadySeconds, path.Child("minReadySeconds"));
        // upstream words the empty-selector error "for deployment" for ReplicaSets too.
        ControllerTemplateValidation.ValidateAppsSelector(errs, spec.Selector, "deployment", path.Child("selector"));
        ValidateTemplate(errs, spec.Selector, spec.Template, "ReplicaSet", path);
    }

    /// <summary>upstream's ValidatePodTemplateSpecForReplicaSet (also used by Deployment).</summary>
    internal static void ValidateTemplate(List<FieldError> errs, V1LabelSelector? selector, V1PodTemplateSpec? template, string kind, FieldPath path)
    {
        if (!LabelSelectors.IsConvertible(selector))
        {
            errs.Add(FieldErrors.Invalid(path.Child("selector"), LabelSelectors.Describe(selector), "invalid label selector"));
            return;
        }
        // A nil selector converts to labels.Nothing(), which is not Empty(), so its mismatch is reported.
        var empty = selector is not null && LabelSelectors.IsEmpty(selector);
        ControllerTemplateValidation.Validate(errs, template, empty, labels => LabelSelectors.Matches(selector, labels), kind, path.Child("template"));
    }
}
