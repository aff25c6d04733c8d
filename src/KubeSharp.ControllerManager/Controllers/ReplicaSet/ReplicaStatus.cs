namespace KubeSharp.ControllerManager.Controllers.ReplicaSet;

/// <summary>
/// The status fields a ReplicaSet and a ReplicationController share and this controller writes. Failure is the
/// ReplicaFailure condition (null when absent); the owner's other conditions are left as they are.
/// </summary>
internal sealed record ReplicaStatus(int Replicas, int FullyLabeledReplicas, int ReadyReplicas, int AvailableReplicas, long? ObservedGeneration,
    ReplicaFailure? Failure = null);
