namespace KubeSharp.ApiMachinery.Resources;

/// <summary>A subresource as discovery describes it (e.g. pods/status, deployments/scale).</summary>
public sealed record SubresourceInfo(string Name, string Group, string Version, string Kind, string[] Verbs);

/// <summary>
/// One served resource: its group/version/resource, kind, scope, verbs, short names and categories exactly as
/// upstream's discovery reports them, and the k8s.Models types that carry it.
/// </summary>
public sealed record ResourceInfo(
    string Group,
    string Version,
    string Resource,
    string Singular,
    string Kind,
    bool Namespaced,
    Type ModelType,
    Type? ListType,
    string[] Verbs,
    string[] ShortNames,
    string[] Categories,
    SubresourceInfo[] Subresources)
{
    /// <summary>"v1" for the core group, "apps/v1" otherwise.</summary>
    public string GroupVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>Group-qualified resource as it appears in messages: "pods", "deployments.apps".</summary>
    public string QualifiedResource => Group.Length == 0 ? Resource : $"{Resource}.{Group}";

    public string ListKind => Kind + "List";

    public bool HasSubresource(string name) => Array.Exists(Subresources, s => s.Name == name);

    public bool HasVerb(string verb) => Array.IndexOf(Verbs, verb) >= 0;

    /// <summary>The storage key prefix of this resource, ending in '/' (architecture.md §4).</summary>
    public string KeyPrefix => Group.Length == 0 || Group == "apps" || Group == "batch"
        ? $"/registry/{Resource}/"
        : $"/registry/{Group}/{Resource}/";
}
