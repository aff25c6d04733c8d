using k8s;
using k8s.Models;
using KubeSharp.ApiMachinery.Resources;

namespace KubeSharp.ApiServer.Registry.Strategies;

/// <summary>
/// Deployments: a status update may also change metadata.annotations. Upstream's deploymentStatusStrategy only
/// pins spec and labels to the old object, and the deployment controller relies on that: it records
/// <c>deployment.kubernetes.io/revision</c> on the Deployment in the same status write that reports the rollout
/// (kubectl rollout undo later replaces /metadata/annotations and expects them to exist).
/// </summary>
public sealed class DeploymentStrategy(ResourceInfo resource) : DefaultStrategy(resource)
{
    public override IKubernetesObject<V1ObjectMeta> PrepareForStatusUpdate(IKubernetesObject<V1ObjectMeta> obj, IKubernetesObject<V1ObjectMeta> old)
    {
        var result = base.PrepareForStatusUpdate(obj, old);
        result.Metadata.Annotations = obj.Metadata?.Annotations;
        return result;
    }
}
