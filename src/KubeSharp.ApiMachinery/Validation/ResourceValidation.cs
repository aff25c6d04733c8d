using k8s.Models;

namespace KubeSharp.ApiMachinery.Validation;

/// <summary>
/// upstream's ValidateResourceRequirements, resource name rules and ValidateResourceQuantityValue: quantities are
/// non-negative, requests do not exceed limits, and extended (non-overcommittable) resources need requests equal
/// to limits.
/// </summary>
public static class ResourceValidation
{
    private static readonly string[] StandardContainerResources = ["cpu", "memory", "ephemeral-storage"];

    private static readonly HashSet<string> StandardResources = new(StringComparer.Ordinal)
    {
        "cpu", "memory", "ephemeral-storage", "requests.cpu", "requests.memory", "requests.ephemeral-storage",
        "limits.cpu", "limits.memory", "limits.ephemeral-storage", "pods", "services", "replicationcontrollers",
        "resourcequotas", "secrets", "configmaps", "persistentvolumeclaims", "storage", "requests.storage",
        "services.nodeports", "services.loadbalancers",
    };

    internal static void ValidateContainerResources(List<FieldError> errs, V1ResourceRequirements? requirements, FieldPath path)
    {
        if (requirements is null)
        {
            return;
        }
        var limPath = path.Child("limits");
        var reqPath = path.Child("requests");
        var limits = requirements.Limits ?? new Dictionary<string, ResourceQuantity>();
        foreach (var (name, quantity) in limits)
        {
            ValidateContainerResourceName(errs, name, limPath.Key(name));
            ValidateQuantityValue(errs, name, quantity, limPath.Key(name));
        }
        foreach (var (name, quantity) in requirements.Requests ?? new Dictionary<string, ResourceQuantity>())
        {
            ValidateContainerResourceName(errs, name, reqPath.Key(name));
            ValidateQuantityValue(errs, name, quantity, reqPath.Key(name));
            if (limits.TryGetValue(name, out var limit))
            {
                var cmp = Compare(quantity, limit);
                if (cmp != 0 && !IsOvercommitAllowed(name))
                {
                    errs.Add(FieldErrors.Invalid(reqPath, Quantities.Format(quantity), $"must be equal to {name} limit of {Quantities.Format(limit)}"));
                }
                else if (cmp > 0)
                {
                    errs.Add(FieldErrors.Invalid(reqPath, Quantities.Format(quantity), $"must be less than or equal to {name} limit of {Quantities.Format(limit)}"));
                }
            }
            else if (!IsOvercommitAllowed(name))
            {
                errs.Add(FieldErrors.Required(limPath, "Limit must be set for non overcommitable resources"));
            }
        }
    }

    /// <summary>upstream's ValidateResourceQuantityValue: non-negative, and whole numbers for integer resources.</summary>
    public static void ValidateQuantityValue(List<FieldError> errs, string resource, ResourceQuantity? quantity, FieldPath path)
    {
        var value = Quantities.Value(quantity);
        if (value is < 0)
        {
            errs.Add(FieldErrors.Invalid(path, Quantities.Format(quantity!), CommonValidation.NegativeErrorMsg));
        }
        if (IsIntegerResource(resource) && value is { } v && v != decimal.Truncate(v))
        {
            errs.Add(FieldErrors.Invalid(path, new GoLiteral(Quantities.Format(quantity!)), "must be an integer"));
        }
    }

    /// <summary>upstream's validateResourceName: a qualified name; unprefixed names must be standard.</summary>
    public static void ValidateResourceName(List<FieldError> errs, string name, FieldPath path)
    {
        CommonValidation.QualifiedName(errs, name, path);
        if (!name.Contains('/') && !StandardResources.Contains(name) && !name.StartsWith("hugepages-", StringComparison.Ordinal)
            && !name.StartsWith("requests.hugepages-", StringComparison.Ordinal) && !name.StartsWith("count/", StringComparison.Ordinal))
        {
            errs.Add(FieldErrors.Invalid(path, name, "must be a standard resource type or fully qualified"));
        }
    }

    private static void ValidateContainerResourceName(List<FieldError> errs, string name, FieldPath path)
    {
        var before = errs.Count;
        ValidateResourceName(errs, name, path);
        if (errs.Count > before)
        {
            return;
        }
        if (!name.Contains('/'))
        {
            if (Array.IndexOf(StandardContainerResources, name) < 0 && !name.StartsWith("hugepages-", StringComparison.Ordinal))
            {
                errs.Add(FieldErrors.Invalid(path, name, "must be a standard resource for containers"));
            }
        }
        else if (!IsNative(name) && name.StartsWith("requests.", StringComparison.Ordinal))
        {
            errs.Add(FieldErrors.Invalid(path, name, "doesn't follow extended resource name standard"));
        }
    }

    /// <summary>Compares two quantities; unparseable values compare equal so they produce no spurious errors.</summary>
    public static int Compare(ResourceQuantity? a, ResourceQuantity? b) =>
        Quantities.Value(a) is { } x && Quantities.Value(b) is { } y ? x.CompareTo(y) : 0;

    private static bool IsNative(string name) => !name.Contains('/') || name.Contains("kubernetes.io/", StringComparison.Ordinal);

    private static bool IsOvercommitAllowed(string name) => IsNative(name) && !name.StartsWith("hugepages-", StringComparison.Ordinal);

    private static bool IsIntegerResource(string name) => !IsNative(name) || name is "pods" or "services" or "replicationcontrollers"
        or "resourcequotas" or "secrets" or "configmaps" or "persistentvolumeclaims" or "services.nodeports" or "services.loadbalancers";
}
