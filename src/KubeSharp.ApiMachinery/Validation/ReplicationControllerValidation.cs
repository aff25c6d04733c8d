using k8s.Models;

namespace KubeSharp.ApiMachinery.Validation;

/// <summary>upstream's ValidateReplicationController / ValidateReplicationControllerSpec.</summary>
public static class ReplicationControllerValidation
{
    public static List<FieldError> ValidateCreate(V1ReplicationController rc)
    {
        var errs = MetadataValidation.ValidateObjectMeta(rc.Metadata, true, NameValidation.NameIsDnsSubdomain);
        ValidateSpec(errs, rc.Spec, FieldPath.Root("spec"));
        return errs;
    }

    public static List<FieldError> ValidateUpdate(V1ReplicationController rc, V1ReplicationController old)
    {
        var errs = MetadataValidation.ValidateObjectMetaUpdate(rc.Metadata, old.Metadata);
        ValidateSpec(errs, rc.Spec, FieldPath.Root("spec"));
        return errs;
    }

    private static void ValidateSpec(List<FieldError> errs, V1ReplicationControllerSpec? spec, FieldPath path)
    {
        spec ??= new V1ReplicationControllerSpec();
        CommonValidation.NonNegative(errs, spec.MinReadySeconds, path.Child("minReadySeconds"));
        var selector = spec.Selector ?? new Dictionary<string, string>();
        if (selector.Count == 0)
        {
            errs.Add(FieldErrors.Required(path.Child("selector")));
        }
        CommonValidation.NonNegative(errs, spec.Replicas, path.Child("replicas"));
        ControllerTemplateValidation.Validate(errs, spec.Template, selector.Count == 0,
            labels => selector.All(kv => labels is not null && labels.TryGetValue(kv.Key, out var v) && v == kv.Value),
            "ReplicationController", path.Child("template"));
    }
}
