using k8s.Models;

namespace KubeSharp.ApiMachinery.Validation;

/// <summary>upstream's ValidateResourceQuota / ValidateResourceQuotaSpec.</summary>
public static class ResourceQuotaValidation
{
    private static readonly string[] Scopes =
        ["BestEffort", "CrossNamespacePodAffinity", "NotBestEffort", "NotTerminating", "PriorityClass", "Terminating", "VolumeAttributesClass"];

    public static List<FieldError> ValidateCreate(V1ResourceQuota quota)
    {
        var errs = MetadataValidation.ValidateObjectMeta(quota.Metadata, true, NameValidation.NameIsDnsSubdomain);
        ValidateSpec(errs, quota.Spec ?? new V1ResourceQuotaSpec());
        return errs;
    }

    public static List<FieldError> ValidateUpdate(V1ResourceQuota quota, V1ResourceQuota old)
    {
        var errs = MetadataValidation.ValidateObjectMetaUpdate(quota.Metadata, old.Metadata);
        ValidateSpec(errs, quota.Spec ?? new V1ResourceQuotaSpec());
        if (!(quota.Spec?.Scopes ?? []).SequenceEqual(old.Spec?.Scopes ?? []))
        {
            errs.Add(FieldErrors.Immutable(FieldPath.Root("spec").Child("scopes"), quota.Spec?.Scopes ?? []));
        }
        return errs;
    }

    private static void ValidateSpec(List<FieldError> errs, V1ResourceQuotaSpec spec)
    {
        var hardPath = FieldPath.Root("spec").Child("hard");
        foreach (var (name, quantity) in spec.Hard ?? new Dictionary<string, ResourceQuantity>())
        {
            var resPath = hardPath.Key(name);
            var before = errs.Count;
            ResourceValidation.ValidateResourceName(errs, name, resPath);
            if (errs.Count == before && !name.Contains('/') && !IsStandardQuotaResource(name))
            {
                errs.Add(FieldErrors.Invalid(resPath, name, "must be a standard resource for quota"));
            }
            ResourceValidation.ValidateQuantityValue(errs, name, quantity, resPath);
        }
        foreach (var scope in spec.Scopes ?? [])
        {
            if (Array.IndexOf(Scopes, scope) < 0)
            {
                errs.Add(FieldErrors.Invalid(FieldPath.Root("spec").Child("scopes"), spec.Scopes, "unsupported scope"));
            }
        }
    }

    private static bool IsStandardQuotaResource(string name) =>
        name is "pods" or "services" or "replicationcontrollers" or "resourcequotas" or "secrets" or "configmaps"
            or "persistentvolumeclaims" or "services.nodeports" or "services.loadbalancers" or "cpu" or "memory"
            or "ephemeral-storage" or "requests.cpu" or "requests.memory" or "requests.storage" or "requests.ephemeral-storage"
            or "limits.cpu" or "limits.memory" or "limits.ephemeral-storage"
        || name.StartsWith("hugepages-", StringComparison.Ordinal) || name.StartsWith("requests.hugepages-", StringComparison.Ordinal);
}
