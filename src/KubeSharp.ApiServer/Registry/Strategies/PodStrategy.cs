using k8s;
using k8s.Models;
using KubeSharp.ApiMachinery.Defaulting;
using KubeSharp.ApiMachinery.Resources;

namespace KubeSharp.ApiServer.Registry.Strategies;

/// <summary>Pods: status starts Pending with the QoS class; a pod on a node is deleted gracefully so the kubelet can
/// stop its containers; unscheduled or finished pods go at once (upstream's pod strategy CheckGracefulDelete).</summary>
public sealed class PodStrategy(ResourceInfo resource) : DefaultStrategy(resource)
{
    public override bool ReturnDeletedObject => true;

    public override void PrepareForCreate(IKubernetesObject<V1ObjectMeta> obj)
    {
        var pod = (V1Pod)obj;
        Defaulter.Apply(pod);
        PodAdmissionDefaults.AddDefaultTolerations(pod);
        CreateDefaults.PrepareForCreate(pod);
    }

    public override void PrepareForUpdate(IKubernetesObject<V1ObjectMeta> obj, IKubernetesObject<V1ObjectMeta> old)
    {
        ((V1Pod)obj).Status = ((V1Pod)old).Status;
        Defaulter.Apply(obj);
    }

    public override long GracePeriodSeconds(IKubernetesObject<V1ObjectMeta> obj, long? requested)
    {
        var pod = (V1Pod)obj;
        if (string.IsNullOrEmpty(pod.Spec?.NodeName)) return 0;
        if (pod.Status?.Phase is "Succeeded" or "Failed") return 0;
        var grace = requested ?? pod.Spec?.TerminationGracePeriodSeconds ?? 30;
        return Math.Max(0, grace);
    }
}
