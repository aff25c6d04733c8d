using k8s;
using k8s.Models;
using KubeSharp.Client;
using KubeSharp.ControllerManager.Shared;

namespace KubeSharp.ControllerManager.Controllers.ReplicaSet;

/// <summary>Pod event handlers: they only observe expectations and enqueue owner keys (upstream's add/update/deletePod).</summary>
internal sealed partial class ReplicaSetController<TOwner>
{
    private void OnPodAdded(V1Pod pod)
    {
        if (pod.Metadata?.DeletionTimestamp != null)
        {
            // Seen for the first time already being deleted (e.g. after a relist): count it as a deletion.
            OnPodDeleted(pod);
            return;
        }
        var reference = PodState.ControllerOf(pod.Metadata);
        if (reference != null)
        {
            var owner = ResolveControllerRef(pod.Namespace(), reference);
            if (owner == null) return;
            _expectations.CreationObserved(KubeObjects.KeyOf(owner));
            Enqueue(owner);
            return;
        }
        foreach (var owner in MatchingOwners(pod)) Enqueue(owner);
    }

    private void OnPodUpdated(V1Pod old, V1Pod cur)
    {
        if (old.ResourceVersion() == cur.ResourceVersion()) return; // periodic resync: nothing changed
        var labelsChanged = !LabelsEqual(old.Metadata?.Labels, cur.Metadata?.Labels);
        if (cur.Metadata?.DeletionTimestamp != null)
        {
            // Graceful deletion started: the owner may create a replacement now rather than after the kubelet.
            OnPodDeleted(cur);
            if (labelsChanged) OnPodDeleted(old);
            return;
        }
        var oldRef = PodState.ControllerOf(old.Metadata);
        var curRef = PodState.ControllerOf(cur.Metadata);
        var refChanged = oldRef?.Uid != curRef?.Uid;
        if (refChanged && oldRef != null && ResolveControllerRef(old.Namespace(), oldRef) is { } oldOwner) Enqueue(oldOwner);
        if (curRef != null)
        {
            if (ResolveControllerRef(cur.Namespace(), curRef) is not { } owner) return;
            Enqueue(owner);
            // Availability changes only with time: look again once minReadySeconds have passed.
            var minReady = _adapter.MinReadySeconds(owner);
            if (minReady > 0 && !PodState.IsReady(old) && PodState.IsReady(cur))
            {
                _queue.AddAfter(KubeObjects.KeyOf(owner), TimeSpan.FromSeconds(minReady + 1));
            }
            return;
        }
        if (labelsChanged || refChanged)
        {
            foreach (var owner in MatchingOwners(cur)) Enqueue(owner);
        }
    }

    private void OnPodDeleted(V1Pod pod)
    {
        if (ResolveControllerRef(pod.Namespace(), PodState.ControllerOf(pod.Metadata)) is not { } owner) return;
        var key = KubeObjects.KeyOf(owner);
        _expectations.DeletionObserved(key, KubeObjects.KeyOf(pod));
        _queue.Add(key);
    }

    private static bool LabelsEqual(IDictionary<string, string>? a, IDictionary<string, string>? b)
    {
        if ((a?.Count ?? 0) != (b?.Count ?? 0)) return false;
        if (a == null || b == null) return true;
        foreach (var (k, v) in a)
        {
            if (!b.TryGetValue(k, out var other) || other != v) return false;
        }
        return true;
    }
}
