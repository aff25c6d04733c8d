using k8s;
using k8s.Models;
using KubeSharp.ApiMachinery.Defaulting;
using KubeSharp.ApiMachinery.Resources;

namespace KubeSharp.ApiServer.Registry.Strategies;

/// <summary>Services start with an empty load balancer status, as upstream.</summary>
public sealed class ServiceStrategy(ResourceInfo resource) : DefaultStrategy(resource)
{
    protected override void ResetStatus(IKubernetesObject<V1ObjectMeta> obj) =>
        ((V1Service)obj).Status = new V1ServiceStatus { LoadBalancer = new V1LoadBalancerStatus() };

    public override void PrepareForCreate(IKubernetesObject<V1ObjectMeta> obj)
    {
        ResetStatus(obj);
        Defaulter.Apply(obj);
    }
}
