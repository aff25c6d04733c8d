using k8s;
using k8s.Models;
using KubeSharp.Client;
using KubeSharp.ControllerManager.Shared;

namespace KubeSharp.ControllerManager.Controllers.ReplicaSet;

/// <summary>The one sync per owner key: claim pods, create or delete toward spec.replicas, write status.</summary>
internal sealed partial class ReplicaSetController<TOwner>
{
    private async Task SyncAsync(string key, CancellationToken ct)
    {
        var (ns, name) = KubeObjects.SplitKey(key);
        var owner = _ownerInformer.Lister.Get(ns, name);
        if (owner == null)
        {
            _expectations.Delete(key);
            return;
        }
        // Read expectations before the pod cache: a pod observed in between then only makes the next sync redo work.
        var needsSync = _expectations.Satisfied(key);
        var selector = _adapter.Selector(owner);
        var candidates = _podInformer.Lister.List(ns!).Where(PodState.IsActive).ToList();
        var pods = await ClaimPodsAsync(owner, selector, candidates, ct);

        Exception? manageError = null;
        if (needsSync && owner.Metadata?.DeletionTimestamp == null)
        {
            try
            {
                await ManageReplicasAsync(owner, key, pods, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                manageError = e;
            }
        }

        var status = CalculateStatus(owner, pods, manageError);
        var updated = await UpdateStatusAsync(owner, status, ct);
        var minReady = _adapter.MinReadySeconds(owner);
        if (manageError == null && minReady > 0 && updated.ReadyReplicas == _adapter.Replicas(owner)
            && updated.AvailableReplicas != _adapter.Replicas(owner))
        {
            // Pods are ready but not yet available: look again when they will be.
            _queue.AddAfter(key, TimeSpan.FromSeconds(minReady));
        }
        if (manageError != null) throw manageError;
    }
}
