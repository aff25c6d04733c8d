using System.Net;
using k8s.Models;

namespace KubeSharp.ApiMachinery.Validation;

/// <summary>upstream's ValidateNode / ValidateNodeUpdate: pod CIDRs and taints.</summary>
public static class NodeValidation
{
    private static readonly FieldPath Spec = FieldPath.Root("spec");

    public static List<FieldError> ValidateCreate(V1Node node)
    {
        var errs = MetadataValidation.ValidateObjectMeta(node.Metadata, false, NameValidation.NameIsDnsSubdomain);
        ValidateSpec(errs, node.Spec ?? new V1NodeSpec());
        return errs;
    }

    public static List<FieldError> ValidateUpdate(V1Node node, V1Node old)
    {
        var errs = MetadataValidation.ValidateObjectMetaUpdate(node.Metadata, old.Metadata);
        var spec = node.Spec ?? new V1NodeSpec();
        var oldSpec = old.Spec ?? new V1NodeSpec();
        // podCIDRs and providerID may only go from unset to a value.
        var oldCidrs = Cidrs(oldSpec);
        if (oldCidrs.Count > 0 && !oldCidrs.SequenceEqual(Cidrs(spec)))
        {
            errs.Add(FieldErrors.Forbidden(Spec.Child("podCIDRs"), "node updates may not change podCIDR except from \"\" to valid"));
        }
        if (!string.IsNullOrEmpty(oldSpec.ProviderID) && oldSpec.ProviderID != spec.ProviderID)
        {
            errs.Add(FieldErrors.Forbidden(Spec.Child("providerID"), "node updates may not change providerID except from \"\" to valid"));
        }
        ValidateSpec(errs, spec);
        return errs;
    }

    /// <summary>v1's podCIDR is the first element of podCIDRs after conversion.</summary>
    private static List<string> Cidrs(V1NodeSpec spec) =>
        spec.PodCIDRs is { Count: > 0 } list ? [.. list] : string.IsNullOrEmpty(spec.PodCIDR) ? [] : [spec.PodCIDR];

    private static void ValidateSpec(List<FieldError> errs, V1NodeSpec spec)
    {
        var cidrs = Cidrs(spec);
        for (var i = 0; i < cidrs.Count; i++)
        {
            if (!IPNetwork.TryParse(cidrs[i], out _))
            {
                errs.Add(FieldErrors.Invalid(Spec.Child("podCIDRs").Index(i), cidrs, "must be a valid CIDR"));
            }
        }
        if (cidrs.Count > 1)
        {
            var families = cidrs.Select(c => c.Contains(':')).Distinct().Count();
            if (cidrs.Count > 2 || families != cidrs.Count)
            {
                errs.Add(FieldErrors.Invalid(Spec.Child("podCIDRs"), cidrs, "may specify no more than one CIDR for each IP family"));
            }
        }
        ValidateTaints(errs, spec.Taints, Spec.Child("taints"));
    }

    private static void ValidateTaints(List<FieldError> errs, IList<V1Taint>? taints, FieldPath path)
    {
        var unique = new HashSet<(string, string)>();
        for (var i = 0; i < (taints?.Count ?? 0); i++)
        {
            var taint = taints![i];
            var taintPath = path.Index(i);
            CommonValidation.QualifiedName(errs, taint.Key ?? "", taintPath.Child("key"));
            var valueErrs = NameValidation.IsValidLabelValue(taint.Value ?? "");
            if (valueErrs.Count > 0)
            {
                errs.Add(FieldErrors.Invalid(taintPath.Child("value"), taint.Value ?? "", string.Join(";", valueErrs)));
            }
            CommonValidation.Enum(errs, taint.Effect, taintPath.Child("effect"), PodSpecValidation.TaintEffects);
            if (!unique.Add((taint.Key ?? "", taint.Effect ?? "")))
            {
                errs.Add(new FieldError(FieldErrorType.Duplicate, taintPath.Value,
                    $"Duplicate value: core.Taint{{Key:{GoFormat.Quote(taint.Key ?? "")}, Value:{GoFormat.Quote(taint.Value ?? "")}, " +
                    $"Effect:{GoFormat.Quote(taint.Effect ?? "")}, TimeAdded:<nil>}}: taints must be unique by key and effect pair"));
            }
        }
    }
}
