using System.Globalization;
using k8s.Models;

namespace KubeSharp.ApiMachinery.Validation;

/// <summary>upstream's ValidateLimitRange: types, resource names and the min ≤ defaultRequest ≤ default ≤ max order.</summary>
public static class LimitRangeValidation
{
    private static readonly string[] LimitTypes = ["Pod", "Container", "PersistentVolumeClaim"];

    public static List<FieldError> ValidateCreate(V1LimitRange limitRange)
    {
        var errs = MetadataValidation.ValidateObjectMeta(limitRange.Metadata, true, NameValidation.NameIsDnsSubdomain);
        ValidateSpec(errs, limitRange.Spec ?? new V1LimitRangeSpec());
        return errs;
    }

    public static List<FieldError> ValidateUpdate(V1LimitRange limitRange, V1LimitRange old)
    {
        var errs = MetadataValidation.ValidateObjectMetaUpdate(limitRange.Metadata, old.Metadata);
        ValidateSpec(errs, limitRange.Spec ?? new V1LimitRangeSpec());
        return errs;
    }

    private static void ValidateSpec(List<FieldError> errs, V1LimitRangeSpec spec)
    {
        var path = FieldPath.Root("spec").Child("limits");
        var types = new HashSet<string>(StringComparer.Ordinal);
        var limits = spec.Limits ?? [];
        for (var i = 0; i < limits.Count; i++)
        {
            var item = limits[i];
            var itemPath = path.Index(i);
            var type = item.Type ?? "";
            CommonValidation.QualifiedName(errs, type, itemPath.Child("type"));
            if (!type.Contains('/') && Array.IndexOf(LimitTypes, type) < 0)
            {
                errs.Add(FieldErrors.Invalid(itemPath.Child("type"), type, "must be a standard limit type or fully qualified"));
            }
            if (!types.Add(type))
            {
                errs.Add(FieldErrors.Duplicate(itemPath.Child("type"), type));
            }
            var max = Names(errs, item.Max, itemPath.Child("max"));
            var min = Names(errs, item.Min, itemPath.Child("min"));
            var defaults = new Dictionary<string, ResourceQuantity>();
            var defaultRequests = new Dictionary<string, ResourceQuantity>();
            if (type == "Pod")
            {
                if ((item.DefaultProperty?.Count ?? 0) > 0)
                {
                    errs.Add(FieldErrors.Forbidden(itemPath.Child("default"), "may not be specified when `type` is 'Pod'"));
                }
                if ((item.DefaultRequest?.Count ?? 0) > 0)
                {
                    errs.Add(FieldErrors.Forbidden(itemPath.Child("defaultRequest"), "may not be specified when `type` is 'Pod'"));
                }
            }
            else
            {
                defaults = Names(errs, item.DefaultProperty, itemPath.Child("default"));
                defaultRequests = Names(errs, item.DefaultRequest, itemPath.Child("defaultRequest"));
            }
            if (type == "PersistentVolumeClaim" && !min.ContainsKey("storage") && !max.ContainsKey("storage"))
            {
                errs.Add(FieldErrors.Required(itemPath.Child("limits"), "either minimum or maximum storage value is required, but neither was provided"));
            }
            var ratios = Names(errs, item.MaxLimitRequestRatio, itemPath.Child("maxLimitRequestRatio"));
            var keys = max.Keys.Union(min.Keys).Union(defaults.Keys).Union(defaultRequests.Keys).Union(ratios.Keys);
            foreach (var k in keys)
            {
                CheckOrder(errs, k, itemPath, min, max, defaults, defaultRequests, ratios);
            }
        }
    }

    private static void CheckOrder(List<FieldError> errs, string k, FieldPath itemPath, Dictionary<string, ResourceQuantity> min,
        Dictionary<string, ResourceQuantity> max, Dictionary<string, ResourceQuantity> defaults,
        Dictionary<string, ResourceQuantity> defaultRequests, Dictionary<string, ResourceQuantity> ratios)
    {
        var hasMin = min.TryGetValue(k, out var minQ);
        var hasMax = max.TryGetValue(k, out var maxQ);
        var hasDefault = defaults.TryGetValue(k, out var defQ);
        var hasDefaultRequest = defaultRequests.TryGetValue(k, out var defReqQ);
        var hasRatio = ratios.TryGetValue(k, out var ratio);
        if (hasMin && hasMax && ResourceValidation.Compare(minQ, maxQ) > 0)
        {
            errs.Add(FieldErrors.Invalid(itemPath.Child("min").Key(k), Lit(minQ), $"min value {F(minQ)} is greater than max value {F(maxQ)}"));
        }
        if (hasDefaultRequest && hasMin && ResourceValidation.Compare(minQ, defReqQ) > 0)
        {
            errs.Add(FieldErrors.Invalid(itemPath.Child("defaultRequest").Key(k), Lit(defReqQ), $"min value {F(minQ)} is greater than default request value {F(defReqQ)}"));
        }
        if (hasDefaultRequest && hasMax && ResourceValidation.Compare(defReqQ, maxQ) > 0)
        {
            errs.Add(FieldErrors.Invalid(itemPath.Child("defaultRequest").Key(k), Lit(defReqQ), $"default request value {F(defReqQ)} is greater than max value {F(maxQ)}"));
        }
        if (hasDefaultRequest && hasDefault && ResourceValidation.Compare(defReqQ, defQ) > 0)
        {
            errs.Add(FieldErrors.Invalid(itemPath.Child("defaultRequest").Key(k), Lit(defReqQ), $"default request value {F(defReqQ)} is greater than default limit value {F(defQ)}"));
        }
        if (hasDefault && hasMin && ResourceValidation.Compare(minQ, defQ) > 0)
        {
            errs.Add(FieldErrors.Invalid(itemPath.Child("default").Key(k), Lit(minQ), $"min value {F(minQ)} is greater than default value {F(defQ)}"));
        }
        if (hasDefault && hasMax && ResourceValidation.Compare(defQ, maxQ) > 0)
        {
            errs.Add(FieldErrors.Invalid(itemPath.Child("default").Key(k), Lit(maxQ), $"default value {F(defQ)} is greater than max value {F(maxQ)}"));
        }
        if (hasRatio && Quantities.Value(ratio) is { } r)
        {
            if (r < 1)
            {
                errs.Add(FieldErrors.Invalid(itemPath.Child("maxLimitRequestRatio").Key(k), Lit(ratio), $"ratio {F(ratio)} is less than 1"));
            }
            if (hasMin && hasMax && Quantities.Value(minQ) is { } mn and not 0 && Quantities.Value(maxQ) is { } mx)
            {
                var limit = (double)(mx / mn);
                if ((double)r > limit)
                {
                    errs.Add(FieldErrors.Invalid(itemPath.Child("maxLimitRequestRatio").Key(k), Lit(ratio),
                        $"ratio {F(ratio)} is greater than max/min = {limit.ToString("F6", CultureInfo.InvariantCulture)}"));
                }
            }
        }
    }

    private static GoLiteral Lit(ResourceQuantity? q) => new(F(q));

    private static string F(ResourceQuantity? q) => q is null ? "0" : Quantities.Format(q);

    private static Dictionary<string, ResourceQuantity> Names(List<FieldError> errs, IDictionary<string, ResourceQuantity>? list, FieldPath path)
    {
        var result = new Dictionary<string, ResourceQuantity>(StringComparer.Ordinal);
        foreach (var (name, quantity) in list ?? new Dictionary<string, ResourceQuantity>())
        {
            ResourceValidation.ValidateResourceName(errs, name, path.Key(name));
            result[name] = quantity;
        }
        return result;
    }
}
