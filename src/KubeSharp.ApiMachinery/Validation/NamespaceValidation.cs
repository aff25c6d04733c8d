using k8s.Models;

namespace KubeSharp.ApiMachinery.Validation;

/// <summary>upstream's ValidateNamespace / ValidateNamespaceUpdate.</summary>
public static class NamespaceValidation
{
    private static readonly string[] StandardFinalizers = ["kubernetes", "orphan", "foregroundDeletion"];

    public static List<FieldError> ValidateCreate(V1Namespace ns)
    {
        var errs = MetadataValidation.ValidateObjectMeta(ns.Metadata, false, NameValidation.NameIsDnsLabel);
        ValidateFinalizers(errs, ns.Spec?.Finalizers);
        return errs;
    }

    public static List<FieldError> ValidateUpdate(V1Namespace ns, V1Namespace old)
    {
        var errs = MetadataValidation.ValidateObjectMetaUpdate(ns.Metadata, old.Metadata);
        ValidateFinalizers(errs, ns.Spec?.Finalizers);
        return errs;
    }

    /// <summary>Spec finalizers: qualified names, and unprefixed ones must be standard (validateKubeFinalizerName).</summary>
    private static void ValidateFinalizers(List<FieldError> errs, IList<string>? finalizers)
    {
        var path = FieldPath.Root("spec").Child("finalizers");
        foreach (var finalizer in finalizers ?? [])
        {
            CommonValidation.QualifiedName(errs, finalizer ?? "", path);
            if (!(finalizer ?? "").Contains('/') && Array.IndexOf(StandardFinalizers, finalizer) < 0)
            {
                errs.Add(FieldErrors.Invalid(path, finalizer, "name is neither a standard finalizer name nor is it fully qualified"));
            }
        }
    }
}
