using k8s;
using k8s.Models;
using KubeSharp.ApiMachinery.Validation;

namespace KubeSharp.ApiServer.Registry;

/// <summary>
/// Per-kind rules layered on the generic <see cref="ResourceStore"/>, as upstream's registry strategies: what a
/// create resets, what an update preserves, how deletion is graced, and the kind's validation.
/// </summary>
public interface IResourceStrategy
{
    /// <summary>Whether metadata.generation is maintained (set to 1 on create, bumped when the spec changes).</summary>
    bool TracksGeneration { get; }

    /// <summary>Whether DELETE answers with the object rather than a Success Status.</summary>
    bool ReturnDeletedObject { get; }

    void PrepareForCreate(IKubernetesObject<V1ObjectMeta> obj);

    /// <summary>Main-resource update: keeps what the main resource may not change (status, for kinds with a status subresource).</summary>
    void PrepareForUpdate(IKubernetesObject<V1ObjectMeta> obj, IKubernetesObject<V1ObjectMeta> old);

    /// <summary>Status-subresource update: returns the object to store, which is the old object with only the new status.</summary>
    IKubernetesObject<V1ObjectMeta> PrepareForStatusUpdate(IKubernetesObject<V1ObjectMeta> obj, IKubernetesObject<V1ObjectMeta> old);

    List<FieldError> ValidateCreate(IKubernetesObject<V1ObjectMeta> obj);

    List<FieldError> ValidateUpdate(IKubernetesObject<V1ObjectMeta> obj, IKubernetesObject<V1ObjectMeta> old);

    /// <summary>The grace period for a delete: 0 deletes at once; more marks the object with a deletionTimestamp
    /// and leaves it for its owner (the kubelet, for pods) to finish.</summary>
    long GracePeriodSeconds(IKubernetesObject<V1ObjectMeta> obj, long? requested);

    /// <summary>Called when a delete first marks the object. Returns true when the object must wait for something
    /// other than metadata.finalizers before it can go (a namespace's spec.finalizers).</summary>
    bool MarkForDeletion(IKubernetesObject<V1ObjectMeta> obj);

    /// <summary>Whether a marked object may now be removed from the store.</summary>
    bool ReadyToDelete(IKubernetesObject<V1ObjectMeta> obj);
}
