namespace KubeSharp.ControllerManager.Controllers.ReplicaSet;

/// <summary>The status fields a ReplicaSet and a ReplicationController share and this controller writes.</summary>
internal sealed record ReplicaStatus(int Replicas, int FullyLabeledReplicas, int ReadyReplicas, int AvailableReplicas, long? ObservedGeneration);
