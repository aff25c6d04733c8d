using k8s.Models;

namespace KubeSharp.ApiMachinery.Validation;

/// <summary>upstream's ValidatePriorityClass / ValidatePriorityClassUpdate.</summary>
public static class PriorityClassValidation
{
    /// <summary>upstream's scheduling.HighestUserDefinablePriority.</summary>
    public const int HighestUserDefinablePriority = 1_000_000_000;

    private const string SystemPrefix = "system-";
    private static readonly (string Name, int Value)[] SystemClasses =
        [("system-node-critical", 2_000_001_000), ("system-cluster-critical", 2_000_000_000)];

    public static List<FieldError> ValidateCreate(V1PriorityClass pc)
    {
        var errs = MetadataValidation.ValidateObjectMeta(pc.Metadata, false, NameValidation.NameIsDnsSubdomain);
        var name = pc.Metadata?.Name ?? "";
        var value = pc.Value ?? 0;
        if (name.StartsWith(SystemPrefix, StringComparison.Ordinal))
        {
            if (KnownSystemClassError(name, value, pc.GlobalDefault ?? false) is { } error)
            {
                errs.Add(FieldErrors.Forbidden(FieldPath.Root("metadata").Child("name"),
                    $"priority class names with '{SystemPrefix}' prefix are reserved for system use only. error: {error}"));
            }
        }
        else if (value > HighestUserDefinablePriority)
        {
            errs.Add(FieldErrors.Forbidden(FieldPath.Root("value"), $"maximum allowed value of a user defined priority is {HighestUserDefinablePriority}"));
        }
        if (pc.PreemptionPolicy is not null)
        {
            CommonValidation.Enum(errs, pc.PreemptionPolicy, FieldPath.Root("preemptionPolicy"), "PreemptLowerPriority", "Never");
        }
        return errs;
    }

    public static List<FieldError> ValidateUpdate(V1PriorityClass pc, V1PriorityClass old)
    {
        var errs = MetadataValidation.ValidateObjectMetaUpdate(pc.Metadata, old.Metadata);
        if ((pc.Value ?? 0) != (old.Value ?? 0))
        {
            errs.Add(FieldErrors.Forbidden(FieldPath.Root("value"), "may not be changed in an update."));
        }
        if (pc.PreemptionPolicy != old.PreemptionPolicy)
        {
            errs.Add(FieldErrors.Immutable(FieldPath.Root("preemptionPolicy"), pc.PreemptionPolicy));
        }
        return errs;
    }

    private static string? KnownSystemClassError(string name, int value, bool globalDefault)
    {
        foreach (var (systemName, systemValue) in SystemClasses)
        {
            if (systemName != name)
            {
                continue;
            }
            if (systemValue != value)
            {
                return $"value of {name} PriorityClass must be {systemValue}";
            }
            return globalDefault ? $"globalDefault of {name} PriorityClass must be false" : null;
        }
        return $"{name} is not a known system priority class";
    }
}
