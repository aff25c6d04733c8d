using k8s;
using k8s.Models;

namespace KubeSharp.Proxy;

/// <summary>
/// Trims Services and EndpointSlices as they enter the informer caches to what the proxy reads (upstream's
/// kube-proxy does the same with its informer transform): at 10,000 services the caches are most of the proxy's
/// memory, and the proxy usually shares its process with the agent. Kept: names, labels (service-proxy-name,
/// kubernetes.io/service-name), the slice's last-change-trigger-time annotation, spec/status fields the model uses,
/// and per endpoint its addresses, conditions and nodeName.
/// </summary>
internal static class ProxyInformerTransform
{
    public const string TriggerTimeAnnotation = "endpoints.kubernetes.io/last-change-trigger-time";

    public static void Trim(IKubernetesObject<V1ObjectMeta> obj)
    {
        var meta = obj.Metadata;
        if (meta != null)
        {
            meta.ManagedFields = null;
            meta.OwnerReferences = null;
            meta.Finalizers = null;
            string? trigger = null;
            if (obj is V1EndpointSlice) meta.Annotations?.TryGetValue(TriggerTimeAnnotation, out trigger);
            meta.Annotations = trigger == null ? null : new Dictionary<string, string> { [TriggerTimeAnnotation] = trigger };
        }
        if (obj is V1EndpointSlice slice)
        {
            foreach (var ep in slice.Endpoints ?? [])
            {
                ep.TargetRef = null;
                ep.Hints = null;
                ep.DeprecatedTopology = null;
                ep.Hostname = null;
                ep.Zone = null;
            }
        }
        else if (obj is V1Service svc && svc.Status != null)
        {
            svc.Status.Conditions = null;
        }
    }
}
