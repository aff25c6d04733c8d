using k8s.Models;
using KubeSharp.ApiMachinery.Resources;

namespace KubeSharp.ControllerManager.Controllers.GarbageCollector;

/// <summary>What the garbage collector keeps of one watched object (upstream's graph node): identity, owners, deletion state.</summary>
internal sealed record GraphNode(
    ResourceInfo Resource,
    string Namespace,
    string Name,
    string Uid,
    IReadOnlyList<V1OwnerReference> Owners,
    bool BeingDeleted,
    IReadOnlyList<string> Finalizers)
{
    public string Key => Namespace.Length == 0 ? $"{Resource.Resource}/{Name}" : $"{Resource.Resource}/{Namespace}/{Name}";

    public bool HasFinalizer(string finalizer) => Finalizers.Contains(finalizer);

    /// <summary>This node's reference to <paramref name="ownerUid"/>, if it has one.</summary>
    public V1OwnerReference? RefTo(string ownerUid) => Owners.FirstOrDefault(r => r.Uid == ownerUid);
}
