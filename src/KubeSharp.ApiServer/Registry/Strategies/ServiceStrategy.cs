using k8s;
using k8s.Models;
using KubeSharp.ApiMachinery.Defaulting;
using KubeSharp.ApiMachinery.Resources;

namespace KubeSharp.ApiServer.Registry.Strategies;

/// <summary>
/// Services: an empty load balancer status on create; on update, upstream's service strategy and REST
/// preparation: values the server allocated but the client left out (an apply or replace that omits clusterIP
/// or nodePort) are carried over, and fields that stop applying after a type change are dropped when the
/// client did not touch them. Allocation itself is the <see cref="Services.ServiceAllocator"/> hook's.
/// </summary>
public sealed class ServiceStrategy(ResourceInfo resource) : DefaultStrategy(resource)
{
    /// <summary>Upstream's service storage answers DELETE with the deleted Service.</summary>
    public override bool ReturnDeletedObject => true;

    protected override void ResetStatus(IKubernetesObject<V1ObjectMeta> obj) =>
        ((V1Service)obj).Status = new V1ServiceStatus { LoadBalancer = new V1LoadBalancerStatus() };

    public override void PrepareForCreate(IKubernetesObject<V1ObjectMeta> obj)
    {
        ResetStatus(obj);
        Defaulter.Apply(obj);
    }

    public override void PrepareForUpdate(IKubernetesObject<V1ObjectMeta> obj, IKubernetesObject<V1ObjectMeta> old)
    {
        var service = (V1Service)obj;
        var before = (V1Service)old;
        service.Status = before.Status;
        service.Spec ??= new V1ServiceSpec();
        var oldSpec = before.Spec ?? new V1ServiceSpec();
        ServiceUpdatePreparation.PatchAllocatedValues(service.Spec, oldSpec);
        ServiceUpdatePreparation.NormalizeClusterIps(service.Spec, oldSpec);
        Defaulter.Apply(obj);
        ServiceUpdatePreparation.DropTypeDependentFields(service, oldSpec);
    }
}
