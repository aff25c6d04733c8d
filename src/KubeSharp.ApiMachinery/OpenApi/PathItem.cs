namespace KubeSharp.ApiMachinery.OpenApi;

/// <summary>A URL template and its operations; namespace/name are declared once at path level as upstream does.</summary>
internal sealed record PathItem(string Path, bool Namespaced, bool Named, List<Operation> Operations);
