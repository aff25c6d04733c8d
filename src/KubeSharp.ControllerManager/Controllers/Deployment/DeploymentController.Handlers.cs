using k8s;
using k8s.Models;
using KubeSharp.Client.Cache;
using KubeSharp.ControllerManager.Shared;

namespace KubeSharp.ControllerManager.Controllers.Deployment;

/// <summary>ReplicaSet and pod handlers: they only enqueue Deployment keys (upstream's add/update/deleteReplicaSet, deletePod).</summary>
internal sealed partial class DeploymentController
{
    private void OnReplicaSetAdded(V1ReplicaSet rs)
    {
        if (rs.Metadata?.DeletionTimestamp != null)
        {
            OnReplicaSetDeleted(rs);
            return;
        }
        if (PodState.ControllerOf(rs.Metadata) is { } reference)
        {
            if (ResolveControllerRef(rs.Namespace(), reference) is { } d) Enqueue(d);
            return;
        }
        // An orphan: every Deployment that selects it may adopt it.
        foreach (var d in DeploymentsSelecting(rs)) Enqueue(d);
    }

    private void OnReplicaSetUpdated(V1ReplicaSet old, V1ReplicaSet cur)
    {
        if (old.ResourceVersion() == cur.ResourceVersion()) return;
        var oldRef = PodState.ControllerOf(old.Metadata);
        var curRef = PodState.ControllerOf(cur.Metadata);
        var refChanged = oldRef?.Uid != curRef?.Uid;
        if (refChanged && oldRef != null && ResolveControllerRef(old.Namespace(), oldRef) is { } oldOwner) Enqueue(oldOwner);
        if (curRef != null)
        {
            if (ResolveControllerRef(cur.Namespace(), curRef) is { } d) Enqueue(d);
            return;
        }
        var labelsChanged = !LabelsEqual(old.Metadata?.Labels, cur.Metadata?.Labels);
        if (labelsChanged || refChanged)
        {
            foreach (var d in DeploymentsSelecting(cur)) Enqueue(d);
        }
    }

    private void OnReplicaSetDeleted(V1ReplicaSet rs)
    {
        if (ResolveControllerRef(rs.Namespace(), PodState.ControllerOf(rs.Metadata)) is { } d) Enqueue(d);
    }

    /// <summary>Recreate waits for the old pods to be gone: their deletion is what lets it create the new ones.</summary>
    private void OnPodDeleted(V1Pod pod)
    {
        var rsRef = PodState.ControllerOf(pod.Metadata);
        if (rsRef is not { Kind: "ReplicaSet" }) return;
        var rs = _rsInformer.Lister.Get(pod.Namespace(), rsRef.Name);
        if (rs == null || rs.Uid() != rsRef.Uid) return;
        if (ResolveControllerRef(rs.Namespace(), PodState.ControllerOf(rs.Metadata)) is { } d
            && d.Spec?.Strategy?.Type == RollingMath.Recreate)
        {
            Enqueue(d);
        }
    }

    private V1Deployment? ResolveControllerRef(string ns, V1OwnerReference? reference)
    {
        if (reference == null || reference.Kind != "Deployment") return null;
        var d = _deploymentInformer.Lister.Get(ns, reference.Name);
        return d != null && d.Uid() == reference.Uid ? d : null;
    }

    /// <summary>Deployments in the ReplicaSet's namespace whose non-empty selector matches its labels.</summary>
    private IEnumerable<V1Deployment> DeploymentsSelecting(V1ReplicaSet rs)
    {
        var labels = rs.Metadata?.Labels;
        if (labels == null || labels.Count == 0) return [];
        return _deploymentInformer.Lister.List(rs.Namespace())
            .Where(d => !SelectsEverything(d) && LabelSelector.FromV1(d.Spec?.Selector).Matches(labels));
    }

    private static bool SelectsEverything(V1Deployment d) =>
        d.Spec?.Selector == null || ((d.Spec.Selector.MatchLabels?.Count ?? 0) == 0 && (d.Spec.Selector.MatchExpressions?.Count ?? 0) == 0);

    private static bool LabelsEqual(IDictionary<string, string>? a, IDictionary<string, string>? b)
    {
        if ((a?.Count ?? 0) != (b?.Count ?? 0)) return false;
        if (a == null || b == null) return true;
        return a.All(p => b.TryGetValue(p.Key, out var v) && v == p.Value);
    }
}
