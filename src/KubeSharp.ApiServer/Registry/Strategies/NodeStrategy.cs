using k8s;
using k8s.Models;
using KubeSharp.ApiMachinery.Defaulting;
using KubeSharp.ApiMachinery.Resources;

namespace KubeSharp.ApiServer.Registry.Strategies;

/// <summary>Nodes keep the status they are created with: the kubelet registers its node with capacity and conditions.</summary>
public sealed class NodeStrategy(ResourceInfo resource) : DefaultStrategy(resource)
{
    public override void PrepareForCreate(IKubernetesObject<V1ObjectMeta> obj) => Defaulter.Apply(obj);

    /// <summary>Upstream defaults every decoded Node, so a status write without allocatable gets capacity there too.</summary>
    public override IKubernetesObject<V1ObjectMeta> PrepareForStatusUpdate(IKubernetesObject<V1ObjectMeta> obj, IKubernetesObject<V1ObjectMeta> old)
    {
        var result = base.PrepareForStatusUpdate(obj, old);
        Defaulter.Apply(result);
        return result;
    }
}
