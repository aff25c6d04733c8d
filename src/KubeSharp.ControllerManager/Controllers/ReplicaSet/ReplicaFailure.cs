namespace KubeSharp.ControllerManager.Controllers.ReplicaSet;

/// <summary>
/// The ReplicaFailure condition of a ReplicaSet or ReplicationController (upstream's
/// ReplicaSetReplicaFailure): set when creating or deleting pods failed, e.g. a quota refused a create.
/// </summary>
internal sealed record ReplicaFailure(string Status, string? Reason, string? Message, DateTime? LastTransitionTime)
{
    public const string ConditionType = "ReplicaFailure";
    public const string FailedCreate = "FailedCreate";
    public const string FailedDelete = "FailedDelete";
}
