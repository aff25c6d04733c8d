using k8s.Models;

namespace KubeSharp.ApiMachinery.Validation;

/// <summary>upstream's ValidateControllerRevision / ValidateControllerRevisionUpdate.</summary>
public static class ControllerRevisionValidation
{
    public static List<FieldError> ValidateCreate(V1ControllerRevision revision)
    {
        var errs = MetadataValidation.ValidateObjectMeta(revision.Metadata, true, NameValidation.NameIsDnsSubdomain);
        if (revision.Data is null)
        {
            errs.Add(FieldErrors.Required(FieldPath.Root("data"), "data is mandatory"));
        }
        CommonValidation.NonNegative(errs, revision.Revision, FieldPath.Root("revision"));
        return errs;
    }

    public static List<FieldError> ValidateUpdate(V1ControllerRevision revision, V1ControllerRevision old)
    {
        var errs = MetadataValidation.ValidateObjectMetaUpdate(revision.Metadata, old.Metadata);
        if (revision.Data is null)
        {
            errs.Add(FieldErrors.Required(FieldPath.Root("data"), "data is mandatory"));
        }
        CommonValidation.NonNegative(errs, revision.Revision, FieldPath.Root("revision"));
        if (!JsonDiff.SemanticEqual(revision.Data, old.Data))
        {
            errs.Add(FieldErrors.Immutable(FieldPath.Root("data"), new GoLiteral("runtime.RawExtension{...}")));
        }
        return errs;
    }
}
