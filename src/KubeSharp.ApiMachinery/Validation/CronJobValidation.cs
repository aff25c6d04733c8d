using System.Text.RegularExpressions;
using k8s.Models;

namespace KubeSharp.ApiMachinery.Validation;

/// <summary>upstream's ValidateCronJobCreate / ValidateCronJobUpdate / validateCronJobSpec.</summary>
public static partial class CronJobValidation
{
    private static readonly Lazy<bool> HasTimeZoneDatabase = new(() => TimeZoneInfo.GetSystemTimeZones().Count > 1);

    [GeneratedRegex("^[A-Za-z\\.\\-_0-9+]{1,14}$")]
    private static partial Regex TimeZonePart();

    public static List<FieldError> ValidateCreate(V1CronJob cronJob)
    {
        // upstream caps CronJob names at 52 characters so the job name (name + 11-char suffix) fits a label.
        var errs = MetadataValidation.ValidateObjectMeta(cronJob.Metadata, true, NameValidation.NameIsDnsSubdomain);
        var name = cronJob.Metadata?.Name ?? "";
        if (name.Length > 52)
        {
            errs.Add(FieldErrors.Invalid(FieldPath.Root("metadata").Child("name"), name, "must be no more than 52 characters"));
        }
        ValidateSpec(errs, cronJob.Spec, null, FieldPath.Root("spec"));
        return errs;
    }

    public static List<FieldError> ValidateUpdate(V1CronJob cronJob, V1CronJob old)
    {
        var errs = MetadataValidation.ValidateObjectMetaUpdate(cronJob.Metadata, old.Metadata);
        ValidateSpec(errs, cronJob.Spec, old.Spec, FieldPath.Root("spec"));
        return errs;
    }

    private static void ValidateSpec(List<FieldError> errs, V1CronJobSpec? spec, V1CronJobSpec? oldSpec, FieldPath path)
    {
        spec ??= new V1CronJobSpec();
        if (string.IsNullOrEmpty(spec.Schedule))
        {
            errs.Add(FieldErrors.Required(path.Child("schedule")));
        }
        else
        {
            var allowTz = oldSpec?.Schedule?.Contains("TZ", StringComparison.Ordinal) == true;
            if (CronSchedule.Validate(spec.Schedule) is { } error)
            {
                errs.Add(FieldErrors.Invalid(path.Child("schedule"), spec.Schedule, error));
            }
            var hasTz = spec.Schedule.Contains("TZ", StringComparison.Ordinal);
            if (allowTz && hasTz && spec.TimeZone is not null)
            {
                errs.Add(FieldErrors.Invalid(path.Child("schedule"), spec.Schedule, "cannot use both timeZone field and TZ or CRON_TZ in schedule"));
            }
            else if (!allowTz && hasTz)
            {
                errs.Add(FieldErrors.Invalid(path.Child("schedule"), spec.Schedule, "cannot use TZ or CRON_TZ in schedule, use timeZone field instead"));
            }
        }
        CommonValidation.NonNegative(errs, spec.StartingDeadlineSeconds, path.Child("startingDeadlineSeconds"));
        if (oldSpec is null || oldSpec.TimeZone != spec.TimeZone)
        {
            ValidateTimeZone(errs, spec.TimeZone, path.Child("timeZone"));
        }
        CommonValidation.Enum(errs, spec.ConcurrencyPolicy, path.Child("concurrencyPolicy"), "Allow", "Forbid", "Replace");
        ValidateJobTemplate(errs, spec.JobTemplate, path.Child("jobTemplate"));
        CommonValidation.NonNegative(errs, spec.SuccessfulJobsHistoryLimit, path.Child("successfulJobsHistoryLimit"));
        CommonValidation.NonNegative(errs, spec.FailedJobsHistoryLimit, path.Child("failedJobsHistoryLimit"));
    }

    /// <summary>upstream's ValidateJobTemplateSpec: the job spec without selector, and no manual selector.</summary>
    private static void ValidateJobTemplate(List<FieldError> errs, V1JobTemplateSpec? template, FieldPath path)
    {
        template ??= new V1JobTemplateSpec();
        JobValidation.ValidateJobSpec(errs, template.Spec, path.Child("spec"), requireSelector: false);
        if (template.Spec?.ManualSelector == true)
        {
            errs.Add(FieldErrors.Forbidden(path.Child("spec", "manualSelector"), "`manualSelector` will be ignored"));
        }
        errs.AddRange(MetadataValidation.ValidateLabels(template.Metadata?.Labels, path.Child("metadata", "labels")));
        errs.AddRange(MetadataValidation.ValidateAnnotations(template.Metadata?.Annotations, path.Child("metadata", "annotations")));
    }

    /// <summary>upstream's validateTimeZone: an IANA zone name resolvable on the server.</summary>
    private static void ValidateTimeZone(List<FieldError> errs, string? timeZone, FieldPath path)
    {
        if (timeZone is null)
        {
            return;
        }
        if (timeZone.Length == 0)
        {
            errs.Add(FieldErrors.Invalid(path, timeZone, "timeZone must be nil or non-empty string"));
            return;
        }
        foreach (var part in timeZone.Split('/'))
        {
            if (part is "." or ".." || part.StartsWith('-') || !TimeZonePart().IsMatch(part))
            {
                errs.Add(FieldErrors.Invalid(path, timeZone, $"unknown time zone {timeZone}"));
                return;
            }
        }
        if (string.Equals(timeZone, "Local", StringComparison.OrdinalIgnoreCase))
        {
            errs.Add(FieldErrors.Invalid(path, timeZone, "timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones"));
            return;
        }
        // kube-apiserver embeds the IANA database; without a local one (minimal images) only the syntax is checked.
        if (timeZone != "UTC" && HasTimeZoneDatabase.Value && !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
        {
            errs.Add(FieldErrors.Invalid(path, timeZone, $"unknown time zone {timeZone}"));
        }
    }
}
