using k8s.Models;

namespace KubeSharp.ApiMachinery.Quota;

/// <summary>Which quotas apply to an object, and a quota's usage over a set of objects (upstream's generic
/// Matches and CalculateUsageStats).</summary>
public static class QuotaMatching
{
    /// <summary>spec.scopes as Exists requirements, then spec.scopeSelector's expressions.</summary>
    public static List<ScopeRequirement> Scopes(V1ResourceQuota quota)
    {
        var result = new List<ScopeRequirement>();
        foreach (var scope in quota.Spec?.Scopes ?? []) result.Add(new ScopeRequirement(scope, "Exists", []));
        foreach (var e in quota.Spec?.ScopeSelector?.MatchExpressions ?? [])
        {
            result.Add(new ScopeRequirement(e.ScopeName, e.OperatorProperty, e.Values?.ToList() ?? []));
        }
        return result;
    }

    /// <summary>The names of <paramref name="hard"/> that <paramref name="evaluator"/> accounts for, sorted.</summary>
    public static List<string> TrackedNames(IQuotaEvaluator evaluator, IDictionary<string, ResourceQuantity>? hard) =>
        (hard ?? ResourceLists.Empty()).Keys.Where(evaluator.Tracks).Order(StringComparer.Ordinal).ToList();

    /// <summary>The quota limits something this evaluator measures and every scope of the quota covers the object.</summary>
    public static bool Matches(V1ResourceQuota quota, IDictionary<string, ResourceQuantity>? hard, IQuotaEvaluator evaluator, object obj) =>
        TrackedNames(evaluator, hard).Count > 0 && MatchesScopes(Scopes(quota), evaluator, obj);

    public static bool MatchesScopes(IReadOnlyList<ScopeRequirement> scopes, IQuotaEvaluator evaluator, object obj) =>
        scopes.All(s => evaluator.MatchesScope(s, obj));

    /// <summary>
    /// Usage of the objects of one evaluator for a quota: every tracked name of <paramref name="hard"/> starts at 0
    /// (so status.used lists it), then each object within the quota's scopes adds its usage.
    /// </summary>
    public static Dictionary<string, ResourceQuantity> Usage(V1ResourceQuota quota, IDictionary<string, ResourceQuantity>? hard,
        IQuotaEvaluator evaluator, IEnumerable<object> objects, DateTimeOffset now)
    {
        var names = TrackedNames(evaluator, hard);
        var used = ResourceLists.Empty();
        if (names.Count == 0) return used;
        foreach (var name in names) used[name] = ResourceLists.Quantity(0);
        var scopes = Scopes(quota);
        foreach (var obj in objects)
        {
            if (MatchesScopes(scopes, evaluator, obj)) used = ResourceLists.Add(used, evaluator.Usage(obj, now));
        }
        return ResourceLists.Mask(used, names);
    }
}
