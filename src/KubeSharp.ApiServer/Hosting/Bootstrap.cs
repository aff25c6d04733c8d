using k8s.Models;
using KubeSharp.ApiMachinery.Resources;
using KubeSharp.ApiServer.Http;
using KubeSharp.ApiServer.Registry;

namespace KubeSharp.ApiServer.Hosting;

/// <summary>Objects every cluster has from the start: the default, kube-system, kube-public and kube-node-lease namespaces.</summary>
public static class Bootstrap
{
    public static readonly string[] SystemNamespaces = ["default", "kube-system", "kube-public", "kube-node-lease"];

    public static async Task EnsureSystemObjectsAsync(IReadOnlyDictionary<ResourceInfo, ResourceStore> stores, CancellationToken cancellationToken)
    {
        // Upstream's built-in priority classes, created by the API server at start.
        var classes = stores[ResourceTable.Find("scheduling.k8s.io", "priorityclasses")!];
        foreach (var (name, value, description) in new[]
        {
            ("system-node-critical", 2000001000, "Used for system critical pods that must not be moved from their current node."),
            ("system-cluster-critical", 2000000000, "Used for system critical pods that must run in the cluster, but can be moved to another node if necessary."),
        })
        {
            if (await classes.ReadAsync(null, name, cancellationToken) != null) continue;
            try
            {
                await classes.CreateAsync(null, new V1PriorityClass { Metadata = new V1ObjectMeta { Name = name }, Value = value, Description = description },
                    WriteOptions.Default, cancellationToken);
            }
            catch (StatusException e) when (e.Code == 409)
            {
            }
        }

        var namespaces = stores[ResourceTable.Find("", "namespaces")!];
        foreach (var name in SystemNamespaces)
        {
            if (await namespaces.ReadAsync(null, name, cancellationToken) != null) continue;
            try
            {
                await namespaces.CreateAsync(null, new V1Namespace { Metadata = new V1ObjectMeta { Name = name } }, WriteOptions.Default, cancellationToken);
            }
            catch (StatusException e) when (e.Code == 409)
            {
                // Another API server on the same store created it first.
            }
        }
    }
}
