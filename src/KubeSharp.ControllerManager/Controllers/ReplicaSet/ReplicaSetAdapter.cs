using k8s.Models;
using KubeSharp.Client.Cache;

namespace KubeSharp.ControllerManager.Controllers.ReplicaSet;

/// <summary>apps/v1 ReplicaSet: a set-based selector; spec.replicas defaults to 1.</summary>
internal sealed class ReplicaSetAdapter : IReplicaAdapter<V1ReplicaSet>
{
    public string ControllerName => ControllerNames.ReplicaSet;

    public string ApiVersion => "apps/v1";

    public string Kind => "ReplicaSet";

    public int Replicas(V1ReplicaSet owner) => owner.Spec?.Replicas ?? 1;

    public int MinReadySeconds(V1ReplicaSet owner) => owner.Spec?.MinReadySeconds ?? 0;

    public LabelSelector Selector(V1ReplicaSet owner) => LabelSelector.FromV1(owner.Spec?.Selector);

    public V1PodTemplateSpec? Template(V1ReplicaSet owner) => owner.Spec?.Template;

    public ReplicaStatus Status(V1ReplicaSet owner) => new(
        owner.Status?.Replicas ?? 0,
        owner.Status?.FullyLabeledReplicas ?? 0,
        owner.Status?.ReadyReplicas ?? 0,
        owner.Status?.AvailableReplicas ?? 0,
        owner.Status?.ObservedGeneration,
        owner.Status?.Conditions?.FirstOrDefault(c => c.Type == ReplicaFailure.ConditionType) is { } c
            ? new ReplicaFailure(c.Status, c.Reason, c.Message, c.LastTransitionTime)
            : null);

    public void SetStatus(V1ReplicaSet owner, ReplicaStatus status)
    {
        owner.Status ??= new V1ReplicaSetStatus();
        owner.Status.Replicas = status.Replicas;
        owner.Status.FullyLabeledReplicas = status.FullyLabeledReplicas;
        owner.Status.ReadyReplicas = status.ReadyReplicas;
        owner.Status.AvailableReplicas = status.AvailableReplicas;
        owner.Status.ObservedGeneration = status.ObservedGeneration;
        // Only the ReplicaFailure condition is this controller's; any other condition stays as it is.
        var conditions = owner.Status.Conditions?.Where(c => c.Type != ReplicaFailure.ConditionType).ToList() ?? [];
        if (status.Failure is { } f)
        {
            conditions.Add(new V1ReplicaSetCondition
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
