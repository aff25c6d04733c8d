using KubeSharp.ApiMachinery.Resources;

namespace KubeSharp.ApiMachinery.OpenApi;

/// <summary>Upstream's operationId and tag spelling (tag "apps_v1", "core_v1").</summary>
internal static class OperationNames
{
    public static string Tag(ResourceInfo resource) => GroupWord(resource.Group, lower: true) + "_" + resource.Version;

    /// <summary>
    /// verb + Group + Version + [Collection] + [Namespaced] + Kind + suffix, e.g. "deleteCoreV1CollectionNamespacedPod",
    /// "listCoreV1PodForAllNamespaces", "readAppsV1NamespacedDeploymentStatus".
    /// </summary>
    public static string Id(string verb, ResourceInfo resource, bool namespaced, string suffix = "", bool collection = false) =>
        verb + GroupWord(resource.Group, lower: false) + Pascal(resource.Version) + (collection ? "Collection" : "")
        + (namespaced ? "Namespaced" : "") + resource.Kind + suffix;

    // "" → core, "coordination.k8s.io" → coordination; upstream drops the ".k8s.io" domain.
    private static string GroupWord(string group, bool lower)
    {
        var word = group.Length == 0 ? "core" : group.Split('.')[0];
        return lower ? word : Pascal(word);
    }

    private static string Pascal(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];
}
