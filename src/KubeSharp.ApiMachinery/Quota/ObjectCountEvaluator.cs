using k8s.Models;
using KubeSharp.ApiMachinery.Resources;

namespace KubeSharp.ApiMachinery.Quota;

/// <summary>Counts objects: each one uses 1 of count/&lt;resource&gt;[.&lt;group&gt;] and of the legacy name where one exists
/// (configmaps, secrets, replicationcontrollers, resourcequotas). Scoped quotas never match counted objects.</summary>
public sealed class ObjectCountEvaluator(ResourceInfo resource) : IQuotaEvaluator
{
    private readonly string _count = QuotaEvaluators.CountName(resource);
    private readonly string? _legacy = (resource.Group, resource.Resource) switch
    {
        ("", "configmaps") => "configmaps",
        ("", "secrets") => "secrets",
        ("", "replicationcontrollers") => "replicationcontrollers",
        ("", "resourcequotas") => "resourcequotas",
        _ => null,
    };

    public ResourceInfo Resource { get; } = resource;

    public bool HandlesUpdates => false;

    public bool Tracks(string name) => name == _count || (_legacy != null && name == _legacy);

    public bool MatchesScope(ScopeRequirement scope, object obj) => false;

    public Dictionary<string, ResourceQuantity> Usage(object obj, DateTimeOffset now)
    {
        var usage = ResourceLists.Empty();
        usage[_count] = ResourceLists.Quantity(1);
        if (_legacy != null) usage[_legacy] = ResourceLists.Quantity(1);
        return usage;
    }

    public string? Constraints(IReadOnlyCollection<string> required, object obj) => null;
}
