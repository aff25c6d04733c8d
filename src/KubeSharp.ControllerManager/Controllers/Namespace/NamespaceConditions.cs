using k8s.Models;

namespace KubeSharp.ControllerManager.Controllers.Namespace;

/// <summary>
/// The status conditions upstream's namespace deleter keeps on a Terminating namespace, so `kubectl describe ns`
/// says why it is stuck. Types, reasons and messages are upstream's.
/// </summary>
internal static class NamespaceConditions
{
    public static List<V1NamespaceCondition> From(ContentResult result, DateTime now) =>
    [
        Condition("NamespaceDeletionDiscoveryFailure", false, "ResourcesDiscovered", "All resources successfully discovered", now),
        Condition("NamespaceDeletionGroupVersionParsingFailure", false, "ParsedGroupVersions", "All legacy kube types successfully parsed", now),
        result.Failures.Count == 0
            ? Condition("NamespaceDeletionContentFailure", false, "ContentDeleted", "All content successfully deleted, may be waiting on finalization", now)
            : Condition("NamespaceDeletionContentFailure", true, "ContentDeletionFailed", "Failed to delete all resource types, " +
                $"{result.Failures.Count} remaining: {string.Join(", ", result.Failures)}", now),
        result.Remaining.Count == 0
            ? Condition("NamespaceContentRemaining", false, "ContentRemoved", "All content successfully removed", now)
            : Condition("NamespaceContentRemaining", true, "SomeResourcesRemain", "Some resources are remaining: " +
                string.Join(", ", result.Remaining.Select(kv => $"{kv.Key} has {kv.Value} resource instances")), now),
        result.Finalizers.Count == 0
            ? Condition("NamespaceFinalizersRemaining", false, "ContentHasNoFinalizers", "All content-preserving finalizers finished", now)
            : Condition("NamespaceFinalizersRemaining", true, "SomeFinalizersRemain", "Some content in the namespace has finalizers remaining: " +
                string.Join(", ", result.Finalizers.Select(kv => $"{kv.Key} in {kv.Value} resource instances")), now),
    ];

    /// <summary>Same type/status/reason/message: rewriting would only move lastTransitionTime (upstream keeps it).</summary>
    public static bool Same(IList<V1NamespaceCondition>? current, List<V1NamespaceCondition> wanted) =>
        current != null && current.Count == wanted.Count && wanted.All(w => current.Any(c =>
            c.Type == w.Type && c.Status == w.Status && c.Reason == w.Reason && c.Message == w.Message));

    private static V1NamespaceCondition Condition(string type, bool status, string reason, string message, DateTime now) => new()
    {
        Type = type,
        Status = status ? "True" : "False",
        Reason = reason,
        Message = message,
        LastTransitionTime = now,
    };
}
