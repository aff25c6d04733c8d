using k8s.Models;

namespace KubeSharp.ApiMachinery.Validation;

/// <summary>
/// upstream's ValidateJob / ValidateJobSpec / ValidateJobUpdate. The API server generates the selector
/// (batch.kubernetes.io/controller-uid) before validation unless manualSelector is true, so a missing selector here
/// is an error as upstream reports it.
/// </summary>
public static class JobValidation
{
    private static readonly string[] AllowedRestartPolicies = ["OnFailure", "Never"];

    public static List<FieldError> ValidateCreate(V1Job job)
    {
        var errs = MetadataValidation.ValidateObjectMeta(job.Metadata, true, NameValidation.NameIsDnsSubdomain);
        ValidateGeneratedSelector(errs, job);
        ValidateJobSpec(errs, job.Spec, FieldPath.Root("spec"), requireSelector: true);
        var spec = job.Spec;
        if (spec?.CompletionMode == "Indexed" && spec.Completions is > 0)
        {
            // The job controller names pods "<job>-<index>"; upstream rejects names that cannot yield a DNS label.
            var hostname = $"{job.Metadata?.Name}-{spec.Completions - 1}";
            if (NameValidation.IsDns1123Label(hostname).Count > 0)
            {
                errs.Add(FieldErrors.Invalid(FieldPath.Root("metadata").Child("name"), job.Metadata?.Name ?? "",
                    $"will not able to create pod with invalid DNS label: {hostname}"));
            }
        }
        return errs;
    }

    public static List<FieldError> ValidateUpdate(V1Job job, V1Job old)
    {
        var errs = MetadataValidation.ValidateObjectMetaUpdate(job.Metadata, old.Metadata);
        ValidateJobSpec(errs, job.Spec, FieldPath.Root("spec"), requireSelector: true);
        var spec = job.Spec ?? new V1JobSpec();
        var oldSpec = old.Spec ?? new V1JobSpec();
        var path = FieldPath.Root("spec");
        if (!LabelSelectors.SameSelector(spec.Selector, oldSpec.Selector))
        {
            errs.Add(FieldErrors.Immutable(path.Child("selector"), LabelSelectors.Describe(spec.Selector)));
        }
        if (!JsonDiff.SemanticEqual(spec.Template, oldSpec.Template))
        {
            errs.Add(FieldErrors.Immutable(path.Child("template"), new GoLiteral("core.PodTemplateSpec{...}")));
        }
        if (spec.CompletionMode != oldSpec.CompletionMode)
        {
            errs.Add(FieldErrors.Immutable(path.Child("completionMode"), spec.CompletionMode ?? ""));
        }
        // Completions may only change together with parallelism for Indexed jobs (elastic indexed jobs).
        if (spec.Completions != oldSpec.Completions
            && !(spec.CompletionMode == "Indexed" && spec.Completions == spec.Parallelism))
        {
            errs.Add(spec.CompletionMode == "Indexed"
                ? FieldErrors.Invalid(path.Child("completions"), spec.Completions is { } c ? c : null, "can only be modified in tandem with spec.parallelism")
                : FieldErrors.Immutable(path.Child("completions"), spec.Completions is { } c2 ? c2 : null));
        }
        return errs;
    }

    /// <summary>
    /// upstream's validateGeneratedSelector: unless the selector is manual, the template must carry the generated
    /// job-name/controller-uid labels and the selector must select this job's UID.
    /// </summary>
    private static void ValidateGeneratedSelector(List<FieldError> errs, V1Job job)
    {
        var spec = job.Spec;
        if (spec?.ManualSelector == true || spec?.Template?.Metadata?.Labels is not { } labels || spec.Selector is null)
        {
            return;
        }
        var uid = job.Metadata?.Uid ?? "";
        var name = job.Metadata?.Name ?? "";
        var labelsPath = FieldPath.Root("spec").Child("template", "metadata", "labels");
        foreach (var (key, expected) in new[]
        {
            (JobSelectorLabels.LegacyControllerUid, uid), (JobSelectorLabels.LegacyJobName, name),
            (JobSelectorLabels.ControllerUid, uid), (JobSelectorLabels.JobName, name),
        })
        {
            if (!labels.TryGetValue(key, out var actual))
            {
                errs.Add(FieldErrors.Required(labelsPath.Key(key), $"must be '{expected}'"));
            }
            else if (actual != expected)
            {
                errs.Add(FieldErrors.Invalid(labelsPath.Key(key), actual, $"must be '{expected}'"));
            }
        }
        if (LabelSelectors.IsConvertible(spec.Selector)
            && !LabelSelectors.Matches(spec.Selector, new Dictionary<string, string> { [JobSelectorLabels.ControllerUid] = uid }))
        {
            errs.Add(FieldErrors.Invalid(FieldPath.Root("spec").Child("selector"), LabelSelectors.Describe(spec.Selector), "`selector` not auto-generated"));
        }
    }

    internal static void ValidateJobSpec(List<FieldError> errs, V1JobSpec? spec, FieldPath path, bool requireSelector)
    {
        spec ??= new V1JobSpec();
        CommonValidation.NonNegative(errs, spec.Parallelism, path.Child("parallelism"));
        CommonValidation.NonNegative(errs, spec.Completions, path.Child("completions"));
        CommonValidation.NonNegative(errs, spec.ActiveDeadlineSeconds, path.Child("activeDeadlineSeconds"));
        CommonValidation.NonNegative(errs, spec.BackoffLimit, path.Child("backoffLimit"));
        CommonValidation.NonNegative(errs, spec.TtlSecondsAfterFinished, path.Child("ttlSecondsAfterFinished"));
        if (spec.CompletionMode is not null)
        {
            if (spec.CompletionMode is not ("NonIndexed" or "Indexed"))
            {
                errs.Add(FieldErrors.NotSupported(path.Child("completionMode"), spec.CompletionMode, ["NonIndexed", "Indexed"]));
            }
            if (spec.CompletionMode == "Indexed" && spec.Completions is null)
            {
                errs.Add(FieldErrors.Required(path.Child("completions"), "when completion mode is Indexed"));
            }
        }
        if (spec.PodReplacementPolicy is not null && spec.PodReplacementPolicy is not ("TerminatingOrFailed" or "Failed"))
        {
            errs.Add(FieldErrors.NotSupported(path.Child("podReplacementPolicy"), spec.PodReplacementPolicy, ["Failed", "TerminatingOrFailed"]));
        }
        var template = spec.Template ?? new V1PodTemplateSpec();
        var restartPolicy = template.Spec?.RestartPolicy ?? "";
        if (restartPolicy == "Always")
        {
            errs.Add(FieldErrors.Required(path.Child("template", "spec", "restartPolicy"), "valid values: [\"OnFailure\" \"Never\"]"));
        }
        else if (Array.IndexOf(AllowedRestartPolicies, restartPolicy) < 0)
        {
            errs.Add(FieldErrors.NotSupported(path.Child("template", "spec", "restartPolicy"), restartPolicy, AllowedRestartPolicies));
        }
        errs.AddRange(PodSpecValidation.ValidatePodTemplateSpec(template, path.Child("template")));
        if (!requireSelector)
        {
            return;
        }
        if (spec.Selector is null)
        {
            errs.Add(FieldErrors.Required(path.Child("selector")));
        }
        else
        {
            errs.AddRange(MetadataValidation.ValidateLabelSelector(spec.Selector, path.Child("selector")));
        }
        // Whether manual or generated, the selector must match the pods the job creates.
        if (LabelSelectors.IsConvertible(spec.Selector) && !LabelSelectors.Matches(spec.Selector, template.Metadata?.Labels))
        {
            errs.Add(FieldErrors.Invalid(path.Child("template", "metadata", "labels"),
                template.Metadata?.Labels ?? new Dictionary<string, string>(), ControllerTemplateValidation.SelectorMismatch));
        }
    }
}
