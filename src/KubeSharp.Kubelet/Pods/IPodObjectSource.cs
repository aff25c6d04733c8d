using k8s.Models;

namespace KubeSharp.Kubelet.Pods;

/// <summary>ConfigMaps and Secrets a pod refers to (env vars, volumes); null when the object does not exist.</summary>
internal interface IPodObjectSource
{
    Task<V1ConfigMap?> GetConfigMapAsync(string ns, string name, CancellationToken ct);

    Task<V1Secret?> GetSecretAsync(string ns, string name, CancellationToken ct);
}

/// <summary>A container cannot be configured (missing configMap/secret/key): upstream's CreateContainerConfigError.</summary>
internal sealed class ContainerConfigException(string message) : Exception(message);
