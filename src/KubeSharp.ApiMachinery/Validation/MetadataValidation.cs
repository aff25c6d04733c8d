using k8s.Models;

namespace KubeSharp.ApiMachinery.Validation;

/// <summary>Validates a name or generateName; <c>prefix</c> is true for generateName (upstream's ValidateNameFunc).</summary>
public delegate List<string> NameValidator(string name, bool prefix);

/// <summary>
/// upstream's ValidateObjectMeta / ValidateObjectMetaUpdate and the label, annotation, owner reference and
/// finalizer checks every kind shares.
/// </summary>
public static partial class MetadataValidation
{
    private static readonly FieldPath Metadata = FieldPath.Root("metadata");

    public static List<FieldError> ValidateObjectMeta(V1ObjectMeta? meta, bool namespaced, NameValidator nameFn) =>
        ValidateObjectMeta(meta, namespaced, nameFn, Metadata);

    public static List<FieldError> ValidateObjectMeta(V1ObjectMeta? meta, bool namespaced, NameValidator nameFn, FieldPath path)
    {
        meta ??= new V1ObjectMeta();
        var errs = new List<FieldError>();
        if (!string.IsNullOrEmpty(meta.GenerateName))
        {
            foreach (var msg in nameFn(meta.GenerateName, true))
            {
                errs.Add(FieldErrors.Invalid(path.Child("generateName"), meta.GenerateName, msg));
            }
        }
        // The API server appends generateName's suffix before validation, so an empty name here means neither was set.
        if (string.IsNullOrEmpty(meta.Name))
        {
            errs.Add(FieldErrors.Required(path.Child("name"), "name or generateName is required"));
        }
        else
        {
            foreach (var msg in nameFn(meta.Name, false))
            {
                errs.Add(FieldErrors.Invalid(path.Child("name"), meta.Name, msg));
            }
        }
        if (namespaced)
        {
            if (string.IsNullOrEmpty(meta.NamespaceProperty))
            {
                errs.Add(FieldErrors.Required(path.Child("namespace")));
            }
            else
            {
                foreach (var msg in NameValidation.IsDns1123Label(meta.NamespaceProperty))
                {
                    errs.Add(FieldErrors.Invalid(path.Child("namespace"), meta.NamespaceProperty, msg));
                }
            }
        }
        else if (!string.IsNullOrEmpty(meta.NamespaceProperty))
        {
            errs.Add(FieldErrors.Forbidden(path.Child("namespace"), "not allowed on this type"));
        }
        if (meta.Generation is < 0)
        {
            errs.Add(CommonValidation.NegativeError(path.Child("generation"), meta.Generation.Value));
        }
        errs.AddRange(ValidateLabels(meta.Labels, path.Child("labels")));
        errs.AddRange(ValidateAnnotations(meta.Annotations, path.Child("annotations")));
        errs.AddRange(ValidateOwnerReferences(meta.OwnerReferences, path.Child("ownerReferences")));
        errs.AddRange(ValidateFinalizers(meta.Finalizers, path.Child("finalizers")));
        return errs;
    }

    /// <summary>
    /// upstream's ValidateObjectMetaAccessorUpdate: identity and deletion fields cannot change, generation cannot go
    /// back, no finalizer may be added once deletion started; labels, annotations and owner references are
    /// revalidated. (The resourceVersion-required rule is the API server's: it copies the stored version into
    /// unconditional updates before validation.)
    /// </summary>
    public static List<FieldError> ValidateObjectMetaUpdate(V1ObjectMeta? newMeta, V1ObjectMeta? oldMeta)
    {
        newMeta ??= new V1ObjectMeta();
        oldMeta ??= new V1ObjectMeta();
        var errs = new List<FieldError>();
        if (oldMeta.DeletionTimestamp is not null)
        {
            var added = (newMeta.Finalizers ?? []).Except(oldMeta.Finalizers ?? []).Order(StringComparer.Ordinal).ToList();
            if (added.Count > 0)
            {
                errs.Add(FieldErrors.Forbidden(Metadata.Child("finalizers"),
                    $"no new finalizers can be added if the object is being deleted, found new finalizers {GoFormat.Value(added)}"));
            }
        }
        if ((newMeta.Generation ?? 0) < (oldMeta.Generation ?? 0))
        {
            errs.Add(FieldErrors.Invalid(Metadata.Child("generation"), newMeta.Generation ?? 0, "must not be decremented"));
        }
        if ((newMeta.Name ?? "") != (oldMeta.Name ?? ""))
        {
            errs.Add(FieldErrors.Immutable(Metadata.Child("name"), newMeta.Name ?? ""));
        }
        if ((newMeta.NamespaceProperty ?? "") != (oldMeta.NamespaceProperty ?? ""))
        {
            errs.Add(FieldErrors.Immutable(Metadata.Child("namespace"), newMeta.NamespaceProperty ?? ""));
        }
        if ((newMeta.Uid ?? "") != (oldMeta.Uid ?? ""))
        {
            errs.Add(FieldErrors.Immutable(Metadata.Child("uid"), newMeta.Uid ?? ""));
        }
        if (newMeta.CreationTimestamp != oldMeta.CreationTimestamp)
        {
            errs.Add(FieldErrors.Immutable(Metadata.Child("creationTimestamp"), GoTime(newMeta.CreationTimestamp)));
        }
        if (newMeta.DeletionTimestamp != oldMeta.DeletionTimestamp)
        {
            errs.Add(FieldErrors.Immutable(Metadata.Child("deletionTimestamp"), newMeta.DeletionTimestamp is null ? null : GoTime(newMeta.DeletionTimestamp)));
        }
        if (newMeta.DeletionGracePeriodSeconds != oldMeta.DeletionGracePeriodSeconds)
        {
            errs.Add(FieldErrors.Immutable(Metadata.Child("deletionGracePeriodSeconds"), newMeta.DeletionGracePeriodSeconds));
        }
        errs.AddRange(ValidateLabels(newMeta.Labels, Metadata.Child("labels")));
        errs.AddRange(ValidateAnnotations(newMeta.Annotations, Metadata.Child("annotations")));
        errs.AddRange(ValidateOwnerReferences(newMeta.OwnerReferences, Metadata.Child("ownerReferences")));
        return errs;
    }

    /// <summary>metav1.Time's String(): Go's time format, zero time for unset.</summary>
    private static GoLiteral GoTime(DateTime? time) =>
        new((time ?? new DateTime(1, 1, 1, 0, 0, 0, DateTimeKind.Utc)).ToUniversalTime()
            .ToString("yyyy-MM-dd HH:mm:ss +0000 UTC", System.Globalization.CultureInfo.InvariantCulture));
}
