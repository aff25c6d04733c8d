using k8s;
using k8s.Models;
using KubeSharp.ApiMachinery.Defaulting;
using KubeSharp.ApiMachinery.Resources;
using KubeSharp.ApiServer.Http;

namespace KubeSharp.ApiServer.Registry.Admission;

/// <summary>
/// Upstream's LimitRanger admission plugin. Mutating, on pod creates: containers without a request or limit get
/// the defaultRequest / default of the namespace's LimitRanges of type Container (recorded in the
/// kubernetes.io/limit-ranger annotation). Validating, on pod creates and claim creates and updates: min, max and
/// maxLimitRequestRatio per Container and per Pod, min and max storage per PersistentVolumeClaim; a violation is a
/// 403 with upstream's wording. Pod updates are not checked: a pod's resources cannot change.
/// </summary>
public sealed class LimitRanger(NamespacedLookup lookup) : IAdmissionPlugin, IValidatingAdmissionPlugin
{
    public const string Annotation = "kubernetes.io/limit-ranger";
    private static readonly ResourceInfo Pods = ResourceTable.Find("", "pods")!;
    private static readonly ResourceInfo Claims = ResourceTable.Find("", "persistentvolumeclaims")!;
    private static readonly ResourceInfo LimitRanges = ResourceTable.Find("", "limitranges")!;

    public async Task AdmitCreateAsync(ResourceInfo resource, IKubernetesObject<V1ObjectMeta> obj, CancellationToken cancellationToken)
    {
        if (resource != Pods || obj is not V1Pod pod || string.IsNullOrEmpty(pod.Metadata?.NamespaceProperty)) return;
        var ranges = await lookup.ListAsync<V1LimitRange>(LimitRanges, pod.Metadata.NamespaceProperty, cancellationToken);
        if (ranges.Count == 0) return;
        var changed = false;
        foreach (var range in ranges.OrderBy(r => r.Metadata.Name, StringComparer.Ordinal))
        {
            changed |= LimitRangeDefaulting.Apply(range, pod);
        }
        if (changed)
        {
            // The QoS class was computed from the resources before these defaults.
            pod.Status ??= new V1PodStatus();
            pod.Status.QosClass = PodQos.Compute(pod.Spec ?? new V1PodSpec());
        }
    }

    public async Task<Func<CancellationToken, Task>?> ValidateAsync(AdmissionRequest request, CancellationToken cancellationToken)
    {
        var obj = request.Object;
        var isPod = request.Resource == Pods && request.IsCreate;
        var isClaim = request.Resource == Claims;
        if ((!isPod && !isClaim) || obj.Metadata?.DeletionTimestamp != null || string.IsNullOrEmpty(obj.Metadata?.NamespaceProperty)) return null;
        var ranges = await lookup.ListAsync<V1LimitRange>(LimitRanges, obj.Metadata.NamespaceProperty, cancellationToken);
        var errors = new List<string>();
        foreach (var range in ranges.OrderBy(r => r.Metadata.Name, StringComparer.Ordinal))
        {
            if (obj is V1Pod pod) LimitRangeChecks.Pod(range, pod, errors);
            else if (obj is V1PersistentVolumeClaim claim) LimitRangeChecks.Claim(range, claim, errors);
        }
        if (errors.Count == 0) return null;
        // utilerrors.NewAggregate: duplicates once, a single error bare, several in brackets.
        var distinct = errors.Distinct(StringComparer.Ordinal).ToList();
        var message = distinct.Count == 1 ? distinct[0] : "[" + string.Join(", ", distinct) + "]";
        throw Errors.Forbidden(request.Resource, obj.Metadata.Name, message);
    }
}
