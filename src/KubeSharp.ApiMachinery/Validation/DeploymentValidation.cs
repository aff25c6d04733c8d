using k8s.Models;

namespace KubeSharp.ApiMachinery.Validation;

/// <summary>upstream's ValidateDeployment / ValidateDeploymentSpec / ValidateDeploymentStrategy.</summary>
public static class DeploymentValidation
{
    public static List<FieldError> ValidateCreate(V1Deployment deployment)
    {
        var errs = MetadataValidation.ValidateObjectMeta(deployment.Metadata, true, NameValidation.NameIsDnsSubdomain);
        ValidateSpec(errs, deployment.Spec, FieldPath.Root("spec"));
        return errs;
    }

    public static List<FieldError> ValidateUpdate(V1Deployment deployment, V1Deployment old)
    {
        var errs = MetadataValidation.ValidateObjectMetaUpdate(deployment.Metadata, old.Metadata);
        ValidateSpec(errs, deployment.Spec, FieldPath.Root("spec"));
        ControllerTemplateValidation.ValidateSelectorImmutable(errs, deployment.Spec?.Selector, old.Spec?.Selector);
        return errs;
    }

    private static void ValidateSpec(List<FieldError> errs, V1DeploymentSpec? spec, FieldPath path)
    {
        spec ??= new V1DeploymentSpec();
        CommonValidation.NonNegative(errs, spec.Replicas, path.Child("replicas"));
        ControllerTemplateValidation.ValidateAppsSelector(errs, spec.Selector, "deployment", path.Child("selector"));
        ReplicaSetValidation.ValidateTemplate(errs, spec.Selector, spec.Template, "ReplicaSet", path);
        ValidateStrategy(errs, spec.Strategy, path.Child("strategy"));
        CommonValidation.NonNegative(errs, spec.MinReadySeconds, path.Child("minReadySeconds"));
        CommonValidation.NonNegative(errs, spec.RevisionHistoryLimit, path.Child("revisionHistoryLimit"));
        if (spec.ProgressDeadlineSeconds is { } deadline)
        {
            CommonValidation.NonNegative(errs, deadline, path.Child("progressDeadlineSeconds"));
            if (deadline <= (spec.MinReadySeconds ?? 0))
            {
                errs.Add(FieldErrors.Invalid(path.Child("progressDeadlineSeconds"), deadline, "must be greater than minReadySeconds"));
            }
        }
    }

    private static void ValidateStrategy(List<FieldError> errs, V1DeploymentStrategy? strategy, FieldPath path)
    {
        strategy ??= new V1DeploymentStrategy();
        switch (strategy.Type)
        {
            case "Recreate":
                if (strategy.RollingUpdate is not null)
                {
                    errs.Add(FieldErrors.Forbidden(path.Child("rollingUpdate"), "may not be specified when strategy `type` is 'Recreate'"));
                }
                break;
            case "RollingUpdate":
                if (strategy.RollingUpdate is null)
                {
                    errs.Add(FieldErrors.Required(path.Child("rollingUpdate"), "this should be defaulted and never be nil"));
                    break;
                }
                var ru = strategy.RollingUpdate;
                var ruPath = path.Child("rollingUpdate");
                CommonValidation.PositiveIntOrPercent(errs, ru.MaxUnavailable, ruPath.Child("maxUnavailable"));
                CommonValidation.PositiveIntOrPercent(errs, ru.MaxSurge, ruPath.Child("maxSurge"));
                if (CommonValidation.IntOrPercentValue(ru.MaxUnavailable) == 0 && CommonValidation.IntOrPercentValue(ru.MaxSurge) == 0)
                {
                    errs.Add(FieldErrors.Invalid(ruPath.Child("maxUnavailable"), new GoLiteral(ru.MaxUnavailable?.Value ?? "0"),
                        "may not be 0 when `maxSurge` is 0"));
                }
                CommonValidation.NotMoreThan100Percent(errs, ru.MaxUnavailable, ruPath.Child("maxUnavailable"));
                break;
            default:
                errs.Add(FieldErrors.NotSupported(path, new GoLiteral($"apps.DeploymentStrategy{{Type:{GoFormat.Quote(strategy.Type ?? "")}, RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}}"),
                    ["Recreate", "RollingUpdate"]));
                break;
        }
    }
}
