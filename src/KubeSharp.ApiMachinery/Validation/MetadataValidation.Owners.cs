using k8s.Models;

namespace KubeSharp.ApiMachinery.Validation;

/// <summary>Owner reference and finalizer rules.</summary>
public static partial class MetadataValidation
{
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
}
