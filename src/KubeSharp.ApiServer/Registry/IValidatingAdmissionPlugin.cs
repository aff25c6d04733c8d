using k8s;
using k8s.Models;
using KubeSharp.ApiMachinery.Resources;

namespace KubeSharp.ApiServer.Registry;

/// <summary>What a validating admission step sees: the write about to be persisted.</summary>
/// <param name="OldObject">The stored object for an update; null for a create.</param>
public sealed record AdmissionRequest(ResourceInfo Resource, IKubernetesObject<V1ObjectMeta> Object,
    IKubernetesObject<V1ObjectMeta>? OldObject, bool DryRun)
{
    public bool IsCreate => OldObject == null;
}

/// <summary>
/// A validating admission step, run after the kind's validation and right before the store write (upstream's
/// validating admission phase, where ResourceQuota runs last). A step with a side effect (a quota charge) returns
/// an undo that the registry calls when the write is then not persisted (the name exists, a write conflict).
/// Refusals are <see cref="Http.StatusException"/>s.
/// </summary>
public interface IValidatingAdmissionPlugin
{
    Task<Func<CancellationToken, Task>?> ValidateAsync(AdmissionRequest request, CancellationToken cancellationToken);
}
