using k8s;
using k8s.Models;
using KubeSharp.ApiMachinery.Resources;

namespace KubeSharp.ApiServer.Registry;

/// <summary>
/// A mutating admission step on create, run after the strategy's defaults and before validation, for rules that
/// need other objects (upstream's admission plugins such as Priority). Plugins decide themselves which resources
/// they handle and answer refusals with a <see cref="Http.StatusException"/>.
/// </summary>
public interface IAdmissionPlugin
{
    Task AdmitCreateAsync(ResourceInfo resource, IKubernetesObject<V1ObjectMeta> obj, CancellationToken cancellationToken);
}
