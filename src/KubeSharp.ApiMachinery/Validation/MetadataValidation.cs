using k8s.Models;

namespace KubeSharp.ApiMachinery.Validation;

/// <summary>Validates a name or generateName; <c>prefix</c> is true for generateName (upstream's ValidateNameFunc).</summary>
public delegate List<string> NameValidator(string name, bool prefix);

/// <summary>
/// upstream's ValidateObjectMeta / ValidateObjectMetaUpdate and the label, annotation, owner reference and
/// finalizer checks every kind shares.
/// </summary>
public static class MetadataValidation
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

    /// <summary>upstream's ValidateLabels: keys are qualified names, values label values; errors on the map's path.</summary>
    public static List<FieldError> ValidateLabels(IDictionary<string, string>? labels, FieldPath path)
    {
        var errs = new List<FieldError>();
        if (labels is null)
        {
            return errs;
        }
        foreach (var (key, value) in labels)
        {
            foreach (var msg in NameValidation.IsQualifiedName(key))
            {
                errs.Add(FieldErrors.Invalid(path, key, msg));
            }
            foreach (var msg in NameValidation.IsValidLabelValue(value ?? ""))
            {
                errs.Add(FieldErrors.Invalid(path, value, msg));
            }
        }
        return errs;
    }

    /// <summary>upstream's ValidateAnnotations: keys are qualified names (case-insensitive), total size ≤ 256 KiB.</summary>
    public static List<FieldError> ValidateAnnotations(IDictionary<string, string>? annotations, FieldPath path)
    {
        var errs = new List<FieldError>();
        if (annotations is null)
        {
            return errs;
        }
        long total = 0;
        foreach (var (key, value) in annotations)
        {
            foreach (var msg in NameValidation.IsQualifiedName(key.ToLowerInvariant()))
            {
                errs.Add(FieldErrors.Invalid(path, key, msg));
            }
            total += System.Text.Encoding.UTF8.GetByteCount(key) + System.Text.Encoding.UTF8.GetByteCount(value ?? "");
        }
        if (total > NameValidation.TotalAnnotationSizeLimitBytes)
        {
            errs.Add(FieldErrors.TooLong(path, NameValidation.TotalAnnotationSizeLimitBytes));
        }
        return errs;
    }

    /// <summary>
    /// upstream's ValidateOwnerReferences: apiVersion needs a version, kind/name/uid must be set, and at most one
    /// reference may be the controller. Upstream reports these on the list's path without an index.
    /// </summary>
    public static List<FieldError> ValidateOwnerReferences(IList<V1OwnerReference>? refs, FieldPath path)
    {
        var errs = new List<FieldError>();
        if (refs is null)
        {
            return errs;
        }
        var firstController = "";
        foreach (var r in refs)
        {
            var apiVersion = r.ApiVersion ?? "";
            var version = apiVersion.Contains('/') ? apiVersion[(apiVersion.IndexOf('/') + 1)..] : apiVersion;
            if (version.Length == 0)
            {
                errs.Add(FieldErrors.Invalid(path.Child("apiVersion"), apiVersion, "version must not be empty"));
            }
            if (string.IsNullOrEmpty(r.Kind))
            {
                errs.Add(FieldErrors.Invalid(path.Child("kind"), r.Kind ?? "", "kind must not be empty"));
            }
            if (string.IsNullOrEmpty(r.Name))
            {
                errs.Add(FieldErrors.Invalid(path.Child("name"), r.Name ?? "", "name must not be empty"));
            }
            if (string.IsNullOrEmpty(r.Uid))
            {
                errs.Add(FieldErrors.Invalid(path.Child("uid"), r.Uid ?? "", "uid must not be empty"));
            }
            if (r.Controller == true)
            {
                var current = $"{r.Kind}/{r.Name}";
                if (firstController.Length > 0)
                {
                    errs.Add(FieldErrors.Invalid(path, new GoLiteral("[]v1.OwnerReference{...}"),
                        $"Only one reference can have Controller set to true. Found \"true\" in references for {firstController} and {current}"));
                }
                else
                {
                    firstController = current;
                }
            }
        }
        return errs;
    }

    /// <summary>
    /// upstream's apimachinery ValidateFinalizers: each finalizer is a qualified name, and orphan and
    /// foregroundDeletion exclude each other.
    /// </summary>
    public static List<FieldError> ValidateFinalizers(IList<string>? finalizers, FieldPath path)
    {
        var errs = new List<FieldError>();
        foreach (var finalizer in finalizers ?? [])
        {
            foreach (var msg in NameValidation.IsQualifiedName(finalizer ?? ""))
            {
                errs.Add(FieldErrors.Invalid(path, finalizer, msg));
            }
        }
        if (finalizers is not null && finalizers.Contains("orphan") && finalizers.Contains("foregroundDeletion"))
        {
            errs.Add(FieldErrors.Invalid(path, finalizers, "finalizer orphan and foregroundDeletion cannot be both set"));
        }
        return errs;
    }

    /// <summary>upstream's ValidateLabelSelector (matchLabels and matchExpressions).</summary>
    public static List<FieldError> ValidateLabelSelector(V1LabelSelector? selector, FieldPath path)
    {
        var errs = new List<FieldError>();
        if (selector is null)
        {
            return errs;
        }
        errs.AddRange(ValidateLabels(selector.MatchLabels, path.Child("matchLabels")));
        var exprs = selector.MatchExpressions ?? [];
        for (var i = 0; i < exprs.Count; i++)
        {
            var req = exprs[i];
            var reqPath = path.Child("matchExpressions").Index(i);
            var values = req.Values ?? [];
            switch (req.OperatorProperty)
            {
                case "In" or "NotIn":
                    if (values.Count == 0)
                    {
                        errs.Add(FieldErrors.Required(reqPath.Child("values"), "must be specified when `operator` is 'In' or 'NotIn'"));
                    }
                    break;
                case "Exists" or "DoesNotExist":
                    if (values.Count > 0)
                    {
                        errs.Add(FieldErrors.Forbidden(reqPath.Child("values"), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
                    }
                    break;
                default:
                    errs.Add(FieldErrors.Invalid(reqPath.Child("operator"), req.OperatorProperty ?? "", "not a valid selector operator"));
                    break;
            }
            foreach (var msg in NameValidation.IsQualifiedName(req.Key ?? ""))
            {
                errs.Add(FieldErrors.Invalid(reqPath.Child("key"), req.Key ?? "", msg));
            }
            for (var v = 0; v < values.Count; v++)
            {
                foreach (var msg in NameValidation.IsValidLabelValue(values[v] ?? ""))
                {
                    errs.Add(FieldErrors.Invalid(reqPath.Child("values").Index(v), values[v], msg));
                }
            }
        }
        return errs;
    }
}
