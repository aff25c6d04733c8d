using KubeSharp.ApiMachinery.Resources;

namespace KubeSharp.ApiMachinery.Quota;

/// <summary>The evaluator of each resource (upstream's NewEvaluators): pods, services and claims have their own;
/// every other resource is counted as objects (count/&lt;resource&gt;.&lt;group&gt;, plus the legacy names).</summary>
public static class QuotaEvaluators
{
    /// <summary>Resources quota never applies to (upstream's ignored resources that KubeSharp serves).</summary>
    private static readonly HashSet<(string, string)> Ignored =
    [
        ("", "events"), ("", "bindings"), ("authorization.k8s.io", "selfsubjectaccessreviews"),
    ];

    private static readonly Dictionary<ResourceInfo, IQuotaEvaluator?> ByResource = ResourceTable.Resources.ToDictionary(r => r, Create);

    /// <summary>The evaluator of <paramref name="resource"/>, or null for resources that quota ignores.</summary>
    public static IQuotaEvaluator? For(ResourceInfo resource) =>
        ByResource.TryGetValue(resource, out var e) ? e : Create(resource);

    public static IEnumerable<IQuotaEvaluator> All => ByResource.Values.OfType<IQuotaEvaluator>();

    private static IQuotaEvaluator? Create(ResourceInfo r)
    {
        if (Ignored.Contains((r.Group, r.Resource)) || !r.Namespaced || !r.HasVerb("create")) return null;
        return (r.Group, r.Resource) switch
        {
            ("", "pods") => new PodEvaluator(r),
            ("", "services") => new ServiceEvaluator(r),
            ("", "persistentvolumeclaims") => new PersistentVolumeClaimEvaluator(r),
            _ => new ObjectCountEvaluator(r),
        };
    }

    /// <summary>"count/pods", "count/deployments.apps".</summary>
    public static string CountName(ResourceInfo r) => r.Group.Length == 0 ? $"count/{r.Resource}" : $"count/{r.Resource}.{r.Group}";
}
