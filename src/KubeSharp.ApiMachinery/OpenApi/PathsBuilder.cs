using KubeSharp.ApiMachinery.Resources;

namespace KubeSharp.ApiMachinery.OpenApi;

/// <summary>
/// The paths of one group-version: per resource the collection and item URLs (namespaced, plus the
/// all-namespaces list), and the status and scale subresources, each with the operations its verbs allow.
/// </summary>
internal static class PathsBuilder
{
    private const string DeleteOptions = "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions";
    private const string Status = "io.k8s.apimachinery.pkg.apis.meta.v1.Status";

    public static List<PathItem> Build(string prefix, IEnumerable<ResourceInfo> resources)
    {
        var paths = new List<PathItem>();
        foreach (var resource in resources)
        {
            AddResource(paths, prefix, resource);
        }
        paths.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return paths;
    }

    private static void AddResource(List<PathItem> paths, string prefix, ResourceInfo r)
    {
        var kind = new GroupVersionKind(r.Group, r.Version, r.Kind);
        var schema = SchemaNames.Of(r.ModelType) ?? SpecialSchemas.RawExtension;
        var listSchema = r.ListType is { } lt && lt != r.ModelType ? SchemaNames.Of(lt) : null;
        var ns = r.Namespaced;
        var collection = ns ? $"{prefix}/namespaces/{{namespace}}/{r.Resource}" : $"{prefix}/{r.Resource}";
        var item = collection + "/{name}";

        var collectionOps = new List<Operation>();
        if (r.HasVerb("list") && listSchema is not null)
        {
            collectionOps.Add(new("get", "list", OperationNames.Id("list", r, ns), $"list or watch objects of kind {r.Kind}",
                kind, null, listSchema, OperationKind.List));
        }
        if (r.HasVerb("create"))
        {
            collectionOps.Add(new("post", "post", OperationNames.Id("create", r, ns), $"create a {r.Kind}", kind, schema, schema, OperationKind.Create));
        }
        if (r.HasVerb("deletecollection"))
        {
            collectionOps.Add(new("delete", "deletecollection", OperationNames.Id("delete", r, ns, collection: true), $"delete collection of {r.Kind}",
                kind, DeleteOptions, Status, OperationKind.DeleteCollection));
        }
        Add(paths, collection, ns, named: false, collectionOps);

        var itemOps = new List<Operation>();
        if (r.HasVerb("get"))
        {
            itemOps.Add(new("get", "get", OperationNames.Id("read", r, ns), $"read the specified {r.Kind}", kind, null, schema, OperationKind.Read));
        }
        if (r.HasVerb("update"))
        {
            itemOps.Add(new("put", "put", OperationNames.Id("replace", r, ns), $"replace the specified {r.Kind}", kind, schema, schema, OperationKind.Replace));
        }
        if (r.HasVerb("patch"))
        {
            itemOps.Add(new("patch", "patch", OperationNames.Id("patch", r, ns), $"partially update the specified {r.Kind}",
                kind, SpecialSchemas.Patch, schema, OperationKind.Patch));
        }
        if (r.HasVerb("delete"))
        {
            itemOps.Add(new("delete", "delete", OperationNames.Id("delete", r, ns), $"delete a {r.Kind}", kind, DeleteOptions, schema, OperationKind.Delete));
        }
        Add(paths, item, ns, named: true, itemOps);

        if (ns && r.HasVerb("list") && listSchema is not null)
        {
            Add(paths, $"{prefix}/{r.Resource}", namespaced: false, named: false,
            [
                new("get", "list", OperationNames.Id("list", r, namespaced: false, "ForAllNamespaces"),
                    $"list or watch objects of kind {r.Kind}", kind, null, listSchema, OperationKind.List),
            ]);
        }

        foreach (var sub in r.Subresources)
        {
            var (subKind, subSchema, suffix) = sub.Name switch
            {
                "status" => (kind, schema, "Status"),
                "scale" => (new GroupVersionKind("autoscaling", "v1", "Scale"), "io.k8s.api.autoscaling.v1.Scale", "Scale"),
                _ => (default, "", ""),
            };
            if (suffix.Length == 0)
            {
                continue;
            }
            var subOps = new List<Operation>();
            if (Array.IndexOf(sub.Verbs, "get") >= 0)
            {
                subOps.Add(new("get", "get", OperationNames.Id("read", r, ns, suffix), $"read {sub.Name} of the specified {r.Kind}",
                    subKind, null, subSchema, OperationKind.Read));
            }
            if (Array.IndexOf(sub.Verbs, "update") >= 0)
            {
                subOps.Add(new("put", "put", OperationNames.Id("replace", r, ns, suffix), $"replace {sub.Name} of the specified {r.Kind}",
                    subKind, subSchema, subSchema, OperationKind.Replace));
            }
            if (Array.IndexOf(sub.Verbs, "patch") >= 0)
            {
                subOps.Add(new("patch", "patch", OperationNames.Id("patch", r, ns, suffix), $"partially update {sub.Name} of the specified {r.Kind}",
                    subKind, SpecialSchemas.Patch, subSchema, OperationKind.Patch));
            }
            Add(paths, $"{item}/{sub.Name}", ns, named: true, subOps);
        }
    }

    private static void Add(List<PathItem> paths, string path, bool namespaced, bool named, List<Operation> operations)
    {
        if (operations.Count > 0)
        {
            paths.Add(new PathItem(path, namespaced, named, operations));
        }
    }
}
