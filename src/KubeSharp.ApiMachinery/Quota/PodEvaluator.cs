using k8s.Models;
using KubeSharp.ApiMachinery.Defaulting;
using KubeSharp.ApiMachinery.Resources;

namespace KubeSharp.ApiMachinery.Quota;

/// <summary>
/// Pods (upstream's podEvaluator): count/pods for every stored pod; "pods" and the compute resources (cpu, memory,
/// ephemeral-storage as requests.* and limits.*, hugepages, extended requests.*) only for pods that are not
/// terminal and not stuck past their deletion grace period. Scopes: Terminating, NotTerminating, BestEffort,
/// NotBestEffort, PriorityClass, CrossNamespacePodAffinity.
/// </summary>
public sealed class PodEvaluator(ResourceInfo resource) : IQuotaEvaluator
{
    private const string Count = "count/pods";
    private static readonly HashSet<string> Named =
    [
        "pods", Count, "cpu", "memory", "ephemeral-storage",
        "requests.cpu", "requests.memory", "requests.ephemeral-storage",
        "limits.cpu", "limits.memory", "limits.ephemeral-storage",
    ];

    /// <summary>The resources whose absence on a container refuses the pod when a quota limits them (upstream keeps
    /// this for cpu and memory only, for backward compatibility).</summary>
    private static readonly string[] Validated = ["cpu", "limits.cpu", "limits.memory", "memory", "requests.cpu", "requests.memory"];

    public ResourceInfo Resource { get; } = resource;

    public bool HandlesUpdates => false;

    public bool Tracks(string name) =>
        Named.Contains(name)
        || name.StartsWith("hugepages-", StringComparison.Ordinal)
        || name.StartsWith("requests.hugepages-", StringComparison.Ordinal)
        || IsExtendedRequest(name);

    public bool MatchesScope(ScopeRequirement scope, object obj)
    {
        var pod = (V1Pod)obj;
        var spec = pod.Spec ?? new V1PodSpec();
        switch (scope.ScopeName)
        {
            case "Terminating":
                return IsTerminating(spec);
            case "NotTerminating":
                return !IsTerminating(spec);
            case "BestEffort":
                return PodQos.Compute(spec) == "BestEffort";
            case "NotBestEffort":
                return PodQos.Compute(spec) != "BestEffort";
            case "PriorityClass":
                var name = spec.PriorityClassName ?? "";
                // The pod is seen as having the label PriorityClass=<name>, present even when the name is empty.
                return scope.Operator switch
                {
                    "Exists" => name.Length > 0,
                    "DoesNotExist" => false,
                    "In" => scope.Values.Contains(name),
                    "NotIn" => !scope.Values.Contains(name),
                    _ => false,
                };
            case "CrossNamespacePodAffinity":
                return UsesCrossNamespaceAffinity(spec);
            default:
                return false;
        }
    }

    public Dictionary<string, ResourceQuantity> Usage(object obj, DateTimeOffset now)
    {
        var pod = (V1Pod)obj;
        var usage = ResourceLists.Empty();
        // count/pods tracks every pod in storage; "pods" and compute only pods that still run or may run.
        usage[Count] = ResourceLists.Quantity(1);
        if (!IsCharged(pod, now)) return usage;
        var spec = pod.Spec ?? new V1PodSpec();
        return ResourceLists.Add(usage, ComputeUsage(PodResources.Requests(spec, true), PodResources.Limits(spec, true)));
    }

    public string? Constraints(IReadOnlyCollection<string> required, object obj)
    {
        var requiredSet = Validated.Where(required.Contains).ToHashSet(StringComparer.Ordinal);
        if (requiredSet.Count == 0) return null;
        var spec = ((V1Pod)obj).Spec ?? new V1PodSpec();
        var missing = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var c in (spec.Containers ?? []).Concat(spec.InitContainers ?? []))
        {
            var have = ComputeUsage(c.Resources?.Requests ?? ResourceLists.Empty(), c.Resources?.Limits ?? ResourceLists.Empty());
            foreach (var name in requiredSet)
            {
                if (have.ContainsKey(name)) continue;
                if (!missing.TryGetValue(name, out var names)) missing[name] = names = new SortedSet<string>(StringComparer.Ordinal);
                names.Add(c.Name);
            }
        }
        if (missing.Count == 0) return null;
        return "must specify " + string.Join("; ", missing.Select(m => $"{m.Key} for: {string.Join(",", m.Value)}"));
    }

    /// <summary>Terminal pods, and pods whose deletion grace period has run out (a lost node), use no compute.</summary>
    public static bool IsCharged(V1Pod pod, DateTimeOffset now)
    {
        if (pod.Status?.Phase is "Succeeded" or "Failed") return false;
        var meta = pod.Metadata;
        if (meta?.DeletionTimestamp is { } deleted && meta.DeletionGracePeriodSeconds is { } grace)
        {
            var deadline = new DateTimeOffset(DateTime.SpecifyKind(deleted, DateTimeKind.Utc)).AddSeconds(grace);
            if (now > deadline) return false;
        }
        return true;
    }

    /// <summary>upstream's podComputeUsageHelper: requests count under both "cpu" and "requests.cpu".</summary>
    private static Dictionary<string, ResourceQuantity> ComputeUsage(IDictionary<string, ResourceQuantity> requests, IDictionary<string, ResourceQuantity> limits)
    {
        var result = ResourceLists.Empty();
        result["pods"] = ResourceLists.Quantity(1);
        foreach (var name in new[] { "cpu", "memory", "ephemeral-storage" })
        {
            if (requests.TryGetValue(name, out var request))
            {
                result[name] = ResourceLists.Copy(request);
                result["requests." + name] = ResourceLists.Copy(request);
            }
            if (limits.TryGetValue(name, out var limit)) result["limits." + name] = ResourceLists.Copy(limit);
        }
        foreach (var (name, request) in requests)
        {
            if (name.StartsWith("hugepages-", StringComparison.Ordinal))
            {
                result[name] = ResourceLists.Copy(request);
                result["requests." + name] = ResourceLists.Copy(request);
            }
            else if (IsExtended(name))
            {
                result["requests." + name] = ResourceLists.Copy(request);
            }
        }
        return result;
    }

    private static bool IsTerminating(V1PodSpec spec) => spec.ActiveDeadlineSeconds is >= 0;

    /// <summary>Extended resources are qualified names outside kubernetes.io ("example.com/gpu").</summary>
    private static bool IsExtended(string name) =>
        name.Contains('/') && !name.Contains("kubernetes.io/", StringComparison.Ordinal) && !name.StartsWith("requests.", StringComparison.Ordinal);

    private static bool IsExtendedRequest(string name) =>
        name.StartsWith("requests.", StringComparison.Ordinal) && IsExtended(name["requests.".Length..]);

    private static bool UsesCrossNamespaceAffinity(V1PodSpec spec)
    {
        var affinity = spec.Affinity;
        if (affinity == null) return false;
        IEnumerable<V1PodAffinityTerm> terms =
        [
            .. affinity.PodAffinity?.RequiredDuringSchedulingIgnoredDuringExecution ?? [],
            .. (affinity.PodAffinity?.PreferredDuringSchedulingIgnoredDuringExecution ?? []).Select(t => t.PodAffinityTerm),
            .. affinity.PodAntiAffinity?.RequiredDuringSchedulingIgnoredDuringExecution ?? [],
            .. (affinity.PodAntiAffinity?.PreferredDuringSchedulingIgnoredDuringExecution ?? []).Select(t => t.PodAffinityTerm),
        ];
        return terms.Any(t => t.NamespaceSelector != null || t.Namespaces is { Count: > 0 });
    }
}
