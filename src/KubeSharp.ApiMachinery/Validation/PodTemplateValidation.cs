using k8s.Models;

namespace KubeSharp.ApiMachinery.Validation;

/// <summary>upstream's ValidatePodTemplate / ValidatePodTemplateUpdate.</summary>
public static class PodTemplateValidation
{
    public static List<FieldError> ValidateCreate(V1PodTemplate podTemplate)
    {
        var errs = MetadataValidation.ValidateObjectMeta(podTemplate.Metadata, true, NameValidation.NameIsDnsSubdomain);
        errs.AddRange(PodSpecValidation.ValidatePodTemplateSpec(podTemplate.Template, FieldPath.Root("template")));
        return errs;
    }

    public static List<FieldError> ValidateUpdate(V1PodTemplate podTemplate, V1PodTemplate old)
    {
        var errs = MetadataValidation.ValidateObjectMetaUpdate(podTemplate.Metadata, old.Metadata);
        errs.AddRange(PodSpecValidation.ValidatePodTemplateSpec(podTemplate.Template, FieldPath.Root("template")));
        return errs;
    }
}
