using k8s.Models;
using KubeSharp.ApiMachinery.Resources;

namespace KubeSharp.ApiMachinery.Quota;

/// <summary>
/// How one resource is measured for quota (upstream's quota.Evaluator): which quota resource names it accounts
/// for, which quota scopes an object falls under, and what one object uses. Shared by the API server's ResourceQuota
/// admission (charging a create) and the controller manager's resourcequota controller (recalculating status.used),
/// so that both count the same way.
/// </summary>
public interface IQuotaEvaluator
{
    ResourceInfo Resource { get; }

    /// <summary>Whether updates can change usage (services changing type, claims growing); creates always can.</summary>
    bool HandlesUpdates { get; }

    /// <summary>Whether this evaluator accounts for the quota resource <paramref name="name"/> (MatchingResources).</summary>
    bool Tracks(string name);

    /// <summary>Whether <paramref name="obj"/> falls under one scope requirement of a quota.</summary>
    bool MatchesScope(ScopeRequirement scope, object obj);

    /// <summary>What <paramref name="obj"/> uses; names beyond a quota's hard set are masked away by callers.</summary>
    Dictionary<string, ResourceQuantity> Usage(object obj, DateTimeOffset now);

    /// <summary>Refuses objects that a quota cannot measure ("must specify ..."), or null when acceptable.</summary>
    string? Constraints(IReadOnlyCollection<string> required, object obj);
}

/// <summary>One scope of a quota: spec.scopes entries become Exists requirements (upstream's getScopeSelectorsFromQuota).</summary>
public sealed record ScopeRequirement(string ScopeName, string Operator, IReadOnlyList<string> Values);
