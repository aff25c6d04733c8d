using k8s.Models;

namespace KubeSharp.ApiMachinery.Validation;

/// <summary>upstream's ValidateStatefulSet / ValidateStatefulSetSpec / ValidateStatefulSetUpdate.</summary>
public static class StatefulSetValidation
{
    internal const string UpdateForbidden =
        "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', " +
        "'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden";

    public static List<FieldError> ValidateCreate(V1StatefulSet sts)
    {
        var errs = MetadataValidation.ValidateObjectMeta(sts.Metadata, true, NameValidation.NameIsDnsSubdomain);
        ValidateSpec(errs, sts.Spec, FieldPath.Root("spec"));
        return errs;
    }

    public static List<FieldError> ValidateUpdate(V1StatefulSet sts, V1StatefulSet old)
    {
        var errs = MetadataValidation.ValidateObjectMetaUpdate(sts.Metadata, old.Metadata);
        ValidateSpec(errs, sts.Spec, FieldPath.Root("spec"));
        // Only the fields named in the message may change: compare the rest with those fields cleared.
        var a = JsonDiff.Clone(sts.Spec ?? new V1StatefulSetSpec());
        var b = JsonDiff.Clone(old.Spec ?? new V1StatefulSetSpec());
        foreach (var s in new[] { a, b })
        {
            s.Replicas = null;
            s.Ordinals = null;
            s.Template = null;
            s.UpdateStrategy = null;
            s.PersistentVolumeClaimRetentionPolicy = null;
            s.MinReadySeconds = null;
            s.RevisionHistoryLimit = null;
        }
        if (!JsonDiff.SemanticEqual(a, b))
        {
            errs.Add(FieldErrors.Forbidden(FieldPath.Root("spec"), UpdateForbidden));
        }
        return errs;
    }

    private static void ValidateSpec(List<FieldError> errs, V1StatefulSetSpec? spec, FieldPath path)
    {
        spec ??= new V1StatefulSetSpec();
        switch (spec.PodManagementPolicy)
        {
            case null or "":
                errs.Add(FieldErrors.Required(path.Child("podManagementPolicy")));
                break;
            case "OrderedReady" or "Parallel":
                break;
            default:
                errs.Add(FieldErrors.Invalid(path.Child("podManagementPolicy"), spec.PodManagementPolicy, "must be 'OrderedReady' or 'Parallel'"));
                break;
        }
        switch (spec.UpdateStrategy?.Type)
        {
            case null or "":
                errs.Add(FieldErrors.Required(path.Child("updateStrategy")));
                break;
            case "OnDelete":
                if (spec.UpdateStrategy.RollingUpdate is not null)
                {
                    errs.Add(FieldErrors.Invalid(path.Child("updateStrategy", "rollingUpdate"), new GoLiteral("&apps.RollingUpdateStatefulSetStrategy{...}"),
                        "only allowed for updateStrategy 'RollingUpdate'"));
                }
                break;
            case "RollingUpdate":
                if (spec.UpdateStrategy.RollingUpdate is { } ru)
                {
                    CommonValidation.NonNegative(errs, ru.Partition, path.Child("updateStrategy", "rollingUpdate", "partition"));
                }
                break;
            default:
                errs.Add(FieldErrors.Invalid(path.Child("updateStrategy"), new GoLiteral($"apps.StatefulSetUpdateStrategy{{Type:{GoFormat.Quote(spec.UpdateStrategy.Type)}}}"),
                    "must be 'RollingUpdate' or 'OnDelete'"));
                break;
        }
        ValidateRetentionPolicy(errs, spec.PersistentVolumeClaimRetentionPolicy, path.Child("persistentVolumeClaimRetentionPolicy"));
        CommonValidation.NonNegative(errs, spec.Replicas, path.Child("replicas"));
        CommonValidation.NonNegative(errs, spec.MinReadySeconds, path.Child("minReadySeconds"));
        CommonValidation.NonNegative(errs, spec.Ordinals?.Start, path.Child("ordinals", "start"));
        ControllerTemplateValidation.ValidateAppsSelector(errs, spec.Selector, "statefulset", path.Child("selector"));
        var template = spec.Template ?? new V1PodTemplateSpec();
        if (LabelSelectors.IsConvertible(spec.Selector))
        {
            var empty = spec.Selector is not null && LabelSelectors.IsEmpty(spec.Selector);
            if (!empty && !LabelSelectors.Matches(spec.Selector, template.Metadata?.Labels))
            {
                errs.Add(FieldErrors.Invalid(path.Child("template", "metadata", "labels"),
                    template.Metadata?.Labels ?? new Dictionary<string, string>(), ControllerTemplateValidation.SelectorMismatch));
            }
            // upstream's ValidatePodTemplateSpecForStatefulSet checks only the template's labels and annotations: the
            // pod spec may mount volumeClaimTemplates that are not in spec.volumes, so it is not validated here.
            errs.AddRange(MetadataValidation.ValidateLabels(template.Metadata?.Labels, path.Child("template", "labels")));
            errs.AddRange(MetadataValidation.ValidateAnnotations(template.Metadata?.Annotations, path.Child("template", "annotations")));
        }
        ControllerTemplateValidation.ValidateAlwaysRestart(errs, template, "StatefulSet", path.Child("template"), forbidDeadline: true);
        CommonValidation.NonNegative(errs, spec.RevisionHistoryLimit, path.Child("revisionHistoryLimit"));
    }

    private static void ValidateRetentionPolicy(List<FieldError> errs, V1StatefulSetPersistentVolumeClaimRetentionPolicy? policy, FieldPath path)
    {
        if (policy is null)
        {
            return;
        }
        string[] supported = ["Retain", "Delete"];
        if (Array.IndexOf(supported, policy.WhenDeleted) < 0)
        {
            errs.Add(FieldErrors.NotSupported(path.Child("whenDeleted"), policy.WhenDeleted ?? "", supported));
        }
        if (Array.IndexOf(supported, policy.WhenScaled) < 0)
        {
            errs.Add(FieldErrors.NotSupported(path.Child("whenScaled"), policy.WhenScaled ?? "", supported));
        }
    }
}
