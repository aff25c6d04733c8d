using k8s.Models;

namespace KubeSharp.ApiMachinery.Validation;

/// <summary>
/// The template rules shared by ReplicationController, ReplicaSet, Deployment and StatefulSet (upstream's
/// ValidatePodTemplateSpecForRC/ForReplicaSet/ForStatefulSet): labels must match the selector, restartPolicy must
/// be Always and activeDeadlineSeconds is not supported.
/// </summary>
internal static class ControllerTemplateValidation
{
    public const string SelectorMismatch = "`selector` does not match template `labels`";

    /// <param name="selectorEmpty">Whether the selector is empty; upstream skips the match check then.</param>
    /// <param name="matches">Whether the selector matches the template labels.</param>
    /// <param name="kind">The kind named in the activeDeadlineSeconds message, e.g. "ReplicaSet".</param>
    public static void Validate(List<FieldError> errs, V1PodTemplateSpec? template, bool selectorEmpty, Func<IDictionary<string, string>?, bool> matches,
        string kind, FieldPath path)
    {
        if (template is null)
        {
            errs.Add(FieldErrors.Required(path));
            return;
        }
        var labels = template.Metadata?.Labels;
        if (!selectorEmpty && !matches(labels))
        {
            errs.Add(FieldErrors.Invalid(path.Child("metadata", "labels"), labels ?? new Dictionary<string, string>(), SelectorMismatch));
        }
        errs.AddRange(PodSpecValidation.ValidatePodTemplateSpec(template, path));
        ValidateAlwaysRestart(errs, template, kind, path, forbidDeadline: true);
    }

    public static void ValidateAlwaysRestart(List<FieldError> errs, V1PodTemplateSpec template, string kind, FieldPath path, bool forbidDeadline)
    {
        var restartPolicy = template.Spec?.RestartPolicy ?? "";
        if (restartPolicy != "Always")
        {
            errs.Add(FieldErrors.NotSupported(path.Child("spec", "restartPolicy"), restartPolicy, ["Always"]));
        }
        if (template.Spec?.ActiveDeadlineSeconds is { } deadline)
        {
            // DaemonSet reports Invalid with the value, the others Forbidden (upstream's inconsistency, kept).
            errs.Add(forbidDeadline
                ? FieldErrors.Forbidden(path.Child("spec", "activeDeadlineSeconds"), $"activeDeadlineSeconds in {kind} is not Supported")
                : FieldErrors.Invalid(path.Child("spec", "activeDeadlineSeconds"), deadline, $"activeDeadlineSeconds in {kind} is not Supported"));
        }
    }

    /// <summary>Selector checks of apps/v1 kinds: required, valid, non-empty ("empty selector is invalid for ...").</summary>
    public static void ValidateAppsSelector(List<FieldError> errs, V1LabelSelector? selector, string kindLower, FieldPath path)
    {
        if (selector is null)
        {
            errs.Add(FieldErrors.Required(path));
            return;
        }
        errs.AddRange(MetadataValidation.ValidateLabelSelector(selector, path));
        if (LabelSelectors.IsEmpty(selector))
        {
            errs.Add(FieldErrors.Invalid(path, LabelSelectors.Describe(selector), $"empty selector is invalid for {kindLower}"));
        }
    }

    /// <summary>upstream's apps/v1 strategies: spec.selector cannot change after creation.</summary>
    public static void ValidateSelectorImmutable(List<FieldError> errs, V1LabelSelector? selector, V1LabelSelector? old)
    {
        if (!LabelSelectors.SameSelector(selector, old))
        {
            errs.Add(FieldErrors.Immutable(FieldPath.Root("spec").Child("selector"), LabelSelectors.Describe(selector)));
        }
    }
}
