using k8s.Models;

namespace KubeSharp.ApiMachinery.Validation;

/// <summary>
/// upstream's ValidateEventCreate / ValidateEventUpdate. Events written through core/v1 get only the lenient legacy
/// checks (upstream keeps them for old clients); events.k8s.io/v1 events also get the strict checks.
/// </summary>
public static class EventValidation
{
    private const int ReportingInstanceLimit = 128;
    private const int ActionLimit = 128;
    private const int ReasonLimit = 128;
    private const int NoteLimit = 1024;

    public static List<FieldError> ValidateCreate(Corev1Event ev)
    {
        // core/v1 events skip ObjectMeta format checks upstream; the name must still exist and fit a URL segment.
        var errs = new List<FieldError>();
        var name = ev.Metadata?.Name ?? "";
        if (name.Length == 0)
        {
            errs.Add(FieldErrors.Required(FieldPath.Root("metadata").Child("name"), "name or generateName is required"));
        }
        errs.AddRange(NameValidation.IsValidPathSegmentName(name).Select(m => FieldErrors.Invalid(FieldPath.Root("metadata").Child("name"), name, m)));
        Legacy(errs, ev.Metadata?.NamespaceProperty ?? "", ev.InvolvedObject?.NamespaceProperty ?? "", ev.EventTime is not null,
            ev.ReportingComponent, ev.ReportingInstance, ev.Action, ev.Reason, ev.Message, "message");
        return errs;
    }

    public static List<FieldError> ValidateCreate(Eventsv1Event ev)
    {
        var errs = MetadataValidation.ValidateObjectMeta(ev.Metadata, true, NameValidation.NameIsDnsSubdomain);
        Legacy(errs, ev.Metadata?.NamespaceProperty ?? "", ev.Regarding?.NamespaceProperty ?? "", ev.EventTime is not null,
            ev.ReportingController, ev.ReportingInstance, ev.Action, ev.Reason, ev.Note, "note");
        if (ev.EventTime is null)
        {
            errs.Add(FieldErrors.Required(FieldPath.Root("eventTime")));
        }
        if (ev.Type is not ("Normal" or "Warning"))
        {
            errs.Add(FieldErrors.Invalid(FieldPath.Root("type"), "", $"has invalid value: {ev.Type}"));
        }
        if (ev.DeprecatedFirstTimestamp is not null)
        {
            errs.Add(FieldErrors.Invalid(FieldPath.Root("deprecatedFirstTimestamp"), "", "needs to be unset"));
        }
        if (ev.DeprecatedLastTimestamp is not null)
        {
            errs.Add(FieldErrors.Invalid(FieldPath.Root("deprecatedLastTimestamp"), "", "needs to be unset"));
        }
        if (ev.DeprecatedCount is not null and not 0)
        {
            errs.Add(FieldErrors.Invalid(FieldPath.Root("deprecatedCount"), "", "needs to be unset"));
        }
        if (!string.IsNullOrEmpty(ev.DeprecatedSource?.Component) || !string.IsNullOrEmpty(ev.DeprecatedSource?.Host))
        {
            errs.Add(FieldErrors.Invalid(FieldPath.Root("deprecatedSource"), "", "needs to be unset"));
        }
        return errs;
    }

    public static List<FieldError> ValidateUpdate(Corev1Event ev, Corev1Event old)
    {
        var errs = ValidateCreate(ev);
        errs.AddRange(MetadataValidation.ValidateObjectMetaUpdate(ev.Metadata, old.Metadata).Where(e => e.Message.EndsWith(FieldErrors.ImmutableDetail, StringComparison.Ordinal)));
        return errs;
    }

    public static List<FieldError> ValidateUpdate(Eventsv1Event ev, Eventsv1Event old)
    {
        var errs = MetadataValidation.ValidateObjectMetaUpdate(ev.Metadata, old.Metadata);
        errs.AddRange(ValidateCreate(ev).Where(e => !e.Field.StartsWith("metadata", StringComparison.Ordinal)));
        // upstream: only series (and metadata) may change on events.k8s.io updates.
        Immutable(errs, ev.Action, old.Action, "action");
        Immutable(errs, ev.Reason, old.Reason, "reason");
        Immutable(errs, ev.ReportingController, old.ReportingController, "reportingController");
        Immutable(errs, ev.ReportingInstance, old.ReportingInstance, "reportingInstance");
        Immutable(errs, ev.Note, old.Note, "note");
        Immutable(errs, ev.Type, old.Type, "type");
        return errs;
    }

    private static void Immutable(List<FieldError> errs, string? value, string? old, string field)
    {
        if ((value ?? "") != (old ?? ""))
        {
            errs.Add(FieldErrors.Immutable(FieldPath.Root(field), value ?? ""));
        }
    }

    /// <summary>upstream's legacyValidateEvent: namespace consistency and, for new-style events, reporting fields.</summary>
    private static void Legacy(List<FieldError> errs, string ns, string involvedNs, bool hasEventTime, string? reportingController,
        string? reportingInstance, string? action, string? reason, string? message, string messageField)
    {
        var involvedPath = FieldPath.Root("involvedObject").Child("namespace");
        if (!hasEventTime)
        {
            // Old clients: an event about a cluster-scoped object may live in "" or "default".
            if (involvedNs.Length == 0 ? ns is not ("" or "default") : ns != involvedNs)
            {
                errs.Add(FieldErrors.Invalid(involvedPath, involvedNs, "does not match event.namespace"));
            }
        }
        else
        {
            if (involvedNs.Length == 0 && ns is not ("default" or "kube-system"))
            {
                errs.Add(FieldErrors.Invalid(involvedPath, involvedNs, "does not match event.namespace"));
            }
            if (string.IsNullOrEmpty(reportingController))
            {
                errs.Add(FieldErrors.Required(FieldPath.Root("reportingController")));
            }
            CommonValidation.QualifiedName(errs, reportingController ?? "", FieldPath.Root("reportingController"));
            Limited(errs, reportingInstance, ReportingInstanceLimit, "reportingInstance", required: true);
            Limited(errs, action, ActionLimit, "action", required: true);
            Limited(errs, reason, ReasonLimit, "reason", required: true);
            Limited(errs, message, NoteLimit, messageField, required: false);
        }
        foreach (var msg in NameValidation.IsDns1123Subdomain(ns))
        {
            errs.Add(FieldErrors.Invalid(FieldPath.Root("namespace"), ns, msg));
        }
    }

    private static void Limited(List<FieldError> errs, string? value, int limit, string field, bool required)
    {
        if (required && string.IsNullOrEmpty(value))
        {
            errs.Add(FieldErrors.Required(FieldPath.Root(field)));
        }
        if ((value?.Length ?? 0) > limit)
        {
            errs.Add(FieldErrors.Invalid(FieldPath.Root(field), "", $"can have at most {limit} characters"));
        }
    }
}
