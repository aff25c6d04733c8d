using k8s.Models;
using KubeSharp.Client.Rest;

namespace KubeSharp.Kubelet.Pods;

/// <summary>
/// ConfigMaps and Secrets read from the API server when a pod needs them (upstream's "Get" change detection
/// strategy: no cluster-wide watch of secrets from a node).
/// </summary>
internal sealed class ApiObjectSource(KubeClient client) : IPodObjectSource
{
    public Task<V1ConfigMap?> GetConfigMapAsync(string ns, string name, CancellationToken ct) => GetAsync(client.For<V1ConfigMap>(), ns, name, ct);

    public Task<V1Secret?> GetSecretAsync(string ns, string name, CancellationToken ct) => GetAsync(client.For<V1Secret>(), ns, name, ct);

    private static async Task<T?> GetAsync<T>(ResourceClient<T> resource, string ns, string name, CancellationToken ct)
        where T : class, k8s.IKubernetesObject<V1ObjectMeta>
    {
        try
        {
            return await resource.GetAsync(ns, name, ct);
        }
        catch (KubeApiException e) when (ApiErrors.IsNotFound(e))
        {
            return null;
        }
    }
}
