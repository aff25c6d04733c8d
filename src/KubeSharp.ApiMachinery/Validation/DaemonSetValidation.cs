using k8s.Models;

namespace KubeSharp.ApiMachinery.Validation;

/// <summary>upstream's ValidateDaemonSet / ValidateDaemonSetSpec / ValidateDaemonSetUpdateStrategy.</summary>
public static class DaemonSetValidation
{
    public static List<FieldError> ValidateCreate(V1DaemonSet ds)
    {
        var errs = MetadataValidation.ValidateObjectMeta(ds.Metadata, true, NameValidation.NameIsDnsSubdomain);
        ValidateSpec(errs, ds.Spec, FieldPath.Root("spec"));
        return errs;
    }

    public static List<FieldError> ValidateUpdate(V1DaemonSet ds, V1DaemonSet old)
    {
        var errs = MetadataValidation.ValidateObjectMetaUpdate(ds.Metadata, old.Metadata);
        ValidateSpec(errs, ds.Spec, FieldPath.Root("spec"));
        ControllerTemplateValidation.ValidateSelectorImmutable(errs, ds.Spec?.Selector, old.Spec?.Selector);
        return errs;
    }

    private static void ValidateSpec(List<FieldError> errs, V1DaemonSetSpec? spec, FieldPath path)
    {
        spec ??= new V1DaemonSetSpec();
        errs.AddRange(MetadataValidation.ValidateLabelSelector(spec.Selector, path.Child("selector")));
        // A missing selector matches nothing, so upstream reports it as a mismatch rather than as Required.
        var template = spec.Template ?? new V1PodTemplateSpec();
        if (LabelSelectors.IsConvertible(spec.Selector) && !LabelSelectors.Matches(spec.Selector, template.Metadata?.Labels))
        {
            errs.Add(FieldErrors.Invalid(path.Child("template", "metadata", "labels"),
                template.Metadata?.Labels ?? new Dictionary<string, string>(), ControllerTemplateValidation.SelectorMismatch));
        }
        if (spec.Selector is not null && LabelSelectors.IsEmpty(spec.Selector))
        {
            errs.Add(FieldErrors.Invalid(path.Child("selector"), LabelSelectors.Describe(spec.Selector), "empty selector is invalid for daemonset"));
        }
        errs.AddRange(PodSpecValidation.ValidatePodTemplateSpec(template, path.Child("template")));
        ControllerTemplateValidation.ValidateAlwaysRestart(errs, template, "DaemonSet", path.Child("template"), forbidDeadline: false);
        CommonValidation.NonNegative(errs, spec.MinReadySeconds, path.Child("minReadySeconds"));
        ValidateUpdateStrategy(errs, spec.UpdateStrategy, path.Child("updateStrategy"));
        CommonValidation.NonNegative(errs, spec.RevisionHistoryLimit, path.Child("revisionHistoryLimit"));
    }

    private static void ValidateUpdateStrategy(List<FieldError> errs, V1DaemonSetUpdateStrategy? strategy, FieldPath path)
    {
        strategy ??= new V1DaemonSetUpdateStrategy();
        switch (strategy.Type)
        {
            case "OnDelete":
                break;
            case "RollingUpdate":
                if (strategy.RollingUpdate is null)
                {
                    errs.Add(FieldErrors.Required(path.Child("rollingUpdate")));
                    return;
                }
                var ru = strategy.RollingUpdate;
                var ruPath = path.Child("rollingUpdate");
                CommonValidation.PositiveIntOrPercent(errs, ru.MaxUnavailable, ruPath.Child("maxUnavailable"));
                CommonValidation.PositiveIntOrPercent(errs, ru.MaxSurge, ruPath.Child("maxSurge"));
                CommonValidation.NotMoreThan100Percent(errs, ru.MaxUnavailable, ruPath.Child("maxUnavailable"));
                CommonValidation.NotMoreThan100Percent(errs, ru.MaxSurge, ruPath.Child("maxSurge"));
                var hasUnavailable = CommonValidation.IntOrPercentValue(ru.MaxUnavailable) != 0;
                var hasSurge = CommonValidation.IntOrPercentValue(ru.MaxSurge) != 0;
                if (hasUnavailable && hasSurge)
                {
                    errs.Add(FieldErrors.Invalid(ruPath.Child("maxSurge"), new GoLiteral(ru.MaxSurge?.Value ?? "0"),
                        "may not be set when maxUnavailable is non-zero"));
                }
                else if (!hasUnavailable && !hasSurge)
                {
                    errs.Add(FieldErrors.Required(ruPath.Child("maxUnavailable"), "cannot be 0 when maxSurge is 0"));
                }
                break;
            default:
                errs.Add(FieldErrors.NotSupported(path, new GoLiteral($"apps.DaemonSetUpdateStrategy{{Type:{GoFormat.Quote(strategy.Type ?? "")}, RollingUpdate:(*apps.RollingUpdateDaemonSet)(nil)}}"),
                    ["RollingUpdate", "OnDelete"]));
                break;
        }
    }
}
