using k8s.Models;
using KubeSharp.Client.Cache;

namespace KubeSharp.ControllerManager.Controllers.ReplicaSet;

/// <summary>
/// core/v1 ReplicationController: an equality selector (a map). An empty selector matches nothing here, so a
/// malformed RC can never claim every pod of its namespace (validation rejects it upstream anyway).
/// </summary>
internal sealed class ReplicationControllerAdapter : IReplicaAdapter<V1ReplicationController>
{
    public string ControllerName => ControllerNames.ReplicationController;

    public string ApiVersion => "v1";

    public string Kind => "ReplicationController";

    public int Replicas(V1ReplicationController owner) => owner.Spec?.Replicas ?? 1;

    public int MinReadySeconds(V1ReplicationController owner) => owner.Spec?.MinReadySeconds ?? 0;

    public LabelSelector Selector(V1ReplicationController owner) =>
        owner.Spec?.Selector is { Count: > 0 } labels ? LabelSelector.FromLabels(labels) : LabelSelector.Nothing;

    public V1PodTemplateSpec? Template(V1ReplicationController owner) => owner.Spec?.Template;

    public ReplicaStatus Status(V1ReplicationController owner) => new(
        owner.Status?.Replicas ?? 0,
        owner.Status?.FullyLabeledReplicas ?? 0,
        owner.Status?.ReadyReplicas ?? 0,
        owner.Status?.AvailableReplicas ?? 0,
        owner.Status?.ObservedGeneration,
        owner.Status?.Conditions?.FirstOrDefault(c => c.Type == ReplicaFailure.ConditionType) is { } c
            ? new ReplicaFailure(c.Status, c.Reason, c.Message, c.LastTransitionTime)
            : null);

    public void SetStatus(V1ReplicationController owner, ReplicaStatus status)
    {
        owner.Status ??= new V1ReplicationControllerStatus();
        owner.Status.Replicas = status.Replicas;
        owner.Status.FullyLabeledReplicas = status.FullyLabeledReplicas;
        owner.Status.ReadyReplicas = status.ReadyReplicas;
        owner.Status.AvailableReplicas = status.AvailableReplicas;
        owner.Status.ObservedGeneration = status.ObservedGeneration;
        // Only the ReplicaFailure condition is this controller's; any other condition stays as it is.
        var conditions = owner.Status.Conditions?.Where(c => c.Type != ReplicaFailure.ConditionType).ToList() ?? [];
        if (status.Failure is { } f)
        {
            conditions.Add(new V1ReplicationControllerCondition
            {
                Type = ReplicaFailure.ConditionType,
                Status = f.Status,
                Reason = f.Reason,
                Message = f.Message,
                LastTransitionTime = f.LastTransitionTime,
            });
        }
        owner.Status.Conditions = conditions.Count == 0 ? null : conditions;
    }
}
