using k8s.Models;
using KubeSharp.ApiMachinery.Selectors;
using KubeSharp.ApiMachinery.Validation;
using KubeSharp.ApiServer.Cache;
using KubeSharp.ApiServer.Http;

namespace KubeSharp.ApiServer.Registry;

/// <summary>
/// The PodDisruptionBudget half of upstream's pods/eviction (pkg/registry/core/pod/storage/eviction.go): decides
/// whether evicting a pod keeps within the one budget that selects it and, if so, takes one disruption from that
/// budget's status and records the pod in status.disruptedPods (which the disruption controller honours for two
/// minutes) before the caller deletes the pod. Refusals are upstream's: 429 TooManyRequests "Cannot evict pod as it
/// would violate the pod's disruption budget." with a DisruptionBudget cause, 403 for a corrupt budget, 500 when
/// several budgets select the pod.
/// </summary>
internal static class EvictionBudgets
{
    /// <summary>upstream's MaxDisruptedPodSize: beyond this many unconfirmed evictions the budget refuses more.</summary>
    public const int MaxDisruptedPodSize = 2000;

    public const string ViolatesBudget = "Cannot evict pod as it would violate the pod's disruption budget.";

    /// <summary>
    /// Admits the eviction of <paramref name="pod"/> or throws the refusal. Returns a resourceVersion the delete must
    /// carry as precondition (an unready pod let through must not have become ready meanwhile), or null.
    /// </summary>
    public static async Task<string?> AdmitAsync(V1Pod pod, ResourceStore budgets, DateTime now, WriteOptions options, CancellationToken ct)
    {
        // A pod that is finished, not yet running or already going has disrupted nothing that a budget guards.
        if (pod.Status?.Phase is "Succeeded" or "Failed" or "Pending" || pod.Metadata.DeletionTimestamp != null) return null;

        var ns = pod.Metadata.NamespaceProperty;
        var matching = Matching(budgets, ns, pod);
        if (matching.Count > 1)
        {
            throw new StatusException(500, "", "This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.");
        }
        if (matching.Count == 0) return null;
        var pdb = matching[0];
        if (!IsReady(pod))
        {
            // An unready pod does not count as healthy, so deleting it takes nothing from the budget: allowed when the
            // policy says so, or (IfHealthyBudget, the default) while the guarded application has its healthy pods.
            if (pdb.Spec?.UnhealthyPodEvictionPolicy == "AlwaysAllow") return pod.Metadata.ResourceVersion;
            var status = pdb.Status;
            if (status != null && status.CurrentHealthy >= status.DesiredHealthy && status.DesiredHealthy > 0) return pod.Metadata.ResourceVersion;
        }
        if (options.DryRun)
        {
            CheckAndDecrement(pdb, pod.Metadata.Name, now);
            return null;
        }
        await budgets.UpdateAsync(ns, pdb.Metadata.Name, current =>
        {
            var fresh = (V1PodDisruptionBudget)current.Object;
            CheckAndDecrement(fresh, pod.Metadata.Name, now);
            return fresh;
        }, UpdateScope.Status, options with { Subresource = "status" }, ct);
        return null;
    }

    /// <summary>upstream's checkAndDecrement, on a copy the caller owns.</summary>
    private static void CheckAndDecrement(V1PodDisruptionBudget pdb, string podName, DateTime now)
    {
        var name = pdb.Metadata.Name;
        var status = pdb.Status ??= new V1PodDisruptionBudgetStatus();
        if ((status.ObservedGeneration ?? 0) < (pdb.Metadata.Generation ?? 0))
        {
            throw TooManyRequests($"The disruption budget {name} is still being processed by the server.");
        }
        var allowed = status.DisruptionsAllowed ?? 0;
        if (allowed < 0) throw Forbidden(name, "pdb disruptions allowed is negative");
        if ((status.DisruptedPods?.Count ?? 0) > MaxDisruptedPodSize)
        {
            throw Forbidden(name, "DisruptedPods map too big - too many evictions not confirmed by PDB controller");
        }
        if (allowed == 0)
        {
            throw TooManyRequests($"The disruption budget {name} needs {status.DesiredHealthy ?? 0} healthy pods and has {status.CurrentHealthy ?? 0} currently");
        }
        status.DisruptionsAllowed = allowed - 1;
        var stamp = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        if (status.DisruptionsAllowed == 0) SetInsufficient(status, stamp);
        status.DisruptedPods ??= new Dictionary<string, DateTime?>(StringComparer.Ordinal);
        status.DisruptedPods[podName] = stamp;
    }

    /// <summary>upstream's UpdateDisruptionAllowedCondition for a budget just used up.</summary>
    private static void SetInsufficient(V1PodDisruptionBudgetStatus status, DateTime now)
    {
        status.Conditions ??= new List<V1Condition>();
        var existing = status.Conditions.FirstOrDefault(c => c.Type == "DisruptionAllowed");
        var condition = new V1Condition
        {
            Type = "DisruptionAllowed",
            Status = "False",
            Reason = "InsufficientPods",
            Message = existing?.Message ?? "",
            ObservedGeneration = status.ObservedGeneration,
            LastTransitionTime = existing != null && existing.Status == "False" ? existing.LastTransitionTime : now,
        };
        if (existing != null) status.Conditions.Remove(existing);
        status.Conditions.Add(condition);
    }

    private static List<V1PodDisruptionBudget> Matching(ResourceStore budgets, string ns, V1Pod pod)
    {
        var (items, _) = budgets.Cache.List(AllObjects.Instance, 0, budgets.KeyPrefix(ns));
        var labels = pod.Metadata.Labels is { } l ? new Dictionary<string, string>(l, StringComparer.Ordinal) : new Dictionary<string, string>();
        var matching = new List<V1PodDisruptionBudget>();
        foreach (var item in items)
        {
            var pdb = (V1PodDisruptionBudget)budgets.Decode(item.Json, item.ResourceVersion).Object;
            LabelSelector selector;
            try
            {
                // policy/v1: a null selector matches nothing, an empty one every pod of the namespace.
                selector = LabelSelector.FromV1(pdb.Spec?.Selector);
            }
            catch (SelectorParseException)
            {
                continue;
            }
            if (selector.Matches(labels)) matching.Add(pdb);
        }
        return matching;
    }

    private static bool IsReady(V1Pod pod) => pod.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true;

    private static StatusException TooManyRequests(string cause) =>
        new(429, "TooManyRequests", ViolatesBudget) { Causes = [new FieldError("DisruptionBudget", "", cause)] };

    private static StatusException Forbidden(string name, string why) =>
        new(403, "Forbidden", $"poddisruptionbudget.policy \"{name}\" is forbidden: {why}")
        { DetailsName = name, DetailsGroup = "policy", DetailsKind = "poddisruptionbudget" };

    private sealed class AllObjects : IObjectFilter
    {
        public static readonly AllObjects Instance = new();

        public bool Matches(CachedObject obj) => true;
    }
}
