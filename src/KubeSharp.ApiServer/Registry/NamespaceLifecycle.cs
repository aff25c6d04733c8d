using k8s.Models;
using KubeSharp.ApiMachinery.Resources;
using KubeSharp.ApiServer.Cache;
using KubeSharp.ApiServer.Http;
using KubeSharp.Storage;

namespace KubeSharp.ApiServer.Registry;

/// <summary>Upstream's NamespaceLifecycle admission: no objects in a namespace that does not exist or is being
/// terminated, and the system namespaces cannot be deleted.</summary>
public sealed class NamespaceLifecycle(IStore store, CacheFeeder feeder)
{
    private static readonly HashSet<string> Immortal = ["default", "kube-system", "kube-public"];
    private static readonly ResourceInfo Namespaces = ResourceTable.Find("", "namespaces")!;

    public async Task AdmitCreateAsync(ResourceInfo resource, string? ns, string name, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(ns)) throw Errors.BadRequest("the server could not find the requested resource: namespace is required");
        var key = Namespaces.KeyPrefix + ns;
        string? phase;
        var cached = feeder.For(Namespaces).Get(key);
        if (cached != null)
        {
            // The cache keeps status.phase as a selectable field: no decode on this per-create path.
            phase = cached.GetField("status.phase");
        }
        else
        {
            // The cache may lag a namespace created a moment ago; the store is the authority.
            var kv = await store.GetAsync(key, 0, cancellationToken);
            if (kv == null) throw Errors.NotFound("", "namespaces", ns);
            var found = ApiMachinery.Serialization.KubeJson.Deserialize<V1Namespace>(kv.Value);
            phase = found.Metadata?.DeletionTimestamp != null ? "Terminating" : found.Status?.Phase;
        }
        if (phase == "Terminating")
        {
            throw Errors.Forbidden(resource, name, $"unable to create new content in namespace {ns} because it is being terminated");
        }
    }

    public void AdmitDelete(ResourceInfo resource, string name)
    {
        if (resource == Namespaces && Immortal.Contains(name))
        {
            throw Errors.Forbidden(resource, name, "this namespace may not be deleted");
        }
    }
}
