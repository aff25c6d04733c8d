using k8s.Models;
using KubeSharp.ApiMachinery.Resources;

namespace KubeSharp.ApiMachinery.Quota;

/// <summary>Claims: 1 claim and its requested storage (the larger of the request and the allocated size, so a
/// shrink after a resize does not free quota), also charged per storage class as
/// "&lt;class&gt;.storageclass.storage.k8s.io/persistentvolumeclaims|requests.storage".</summary>
public sealed class PersistentVolumeClaimEvaluator(ResourceInfo resource) : IQuotaEvaluator
{
    public const string Claims = "persistentvolumeclaims";
    public const string RequestsStorage = "requests.storage";
    private const string Count = "count/persistentvolumeclaims";
    private const string ClassSuffix = ".storageclass.storage.k8s.io/";

    public ResourceInfo Resource { get; } = resource;

    public bool HandlesUpdates => true;

    public bool Tracks(string name) =>
        name is Claims or RequestsStorage or Count
        || (name.Contains(ClassSuffix, StringComparison.Ordinal)
            && (name.EndsWith(ClassSuffix + Claims, StringComparison.Ordinal) || name.EndsWith(ClassSuffix + RequestsStorage, StringComparison.Ordinal)));

    public bool MatchesScope(ScopeRequirement scope, object obj) => false;

    public Dictionary<string, ResourceQuantity> Usage(object obj, DateTimeOffset now)
    {
        var pvc = (V1PersistentVolumeClaim)obj;
        var usage = ResourceLists.Empty();
        usage[Claims] = ResourceLists.Quantity(1);
        usage[Count] = ResourceLists.Quantity(1);
        var className = StorageClass(pvc);
        if (className.Length > 0) usage[className + ClassSuffix + Claims] = ResourceLists.Quantity(1);
        ResourceQuantity? storage = null;
        if (pvc.Spec?.Resources?.Requests?.TryGetValue("storage", out var requested) == true) storage = requested;
        if (pvc.Status?.AllocatedResources?.TryGetValue("storage", out var allocated) == true
            && (storage == null || ResourceLists.ValueOf(allocated) > ResourceLists.ValueOf(storage)))
        {
            storage = allocated;
        }
        if (storage != null)
        {
            usage[RequestsStorage] = ResourceLists.Copy(storage);
            if (className.Length > 0) usage[className + ClassSuffix + RequestsStorage] = ResourceLists.Copy(storage);
        }
        return usage;
    }

    public string? Constraints(IReadOnlyCollection<string> required, object obj) => null;

    /// <summary>The beta annotation wins over spec.storageClassName, as upstream's GetPersistentVolumeClaimClass.</summary>
    private static string StorageClass(V1PersistentVolumeClaim pvc) =>
        pvc.Metadata?.Annotations?.TryGetValue("volume.beta.kubernetes.io/storage-class", out var a) == true ? a : pvc.Spec?.StorageClassName ?? "";
}
