namespace KubeSharp.ControllerManager;

/// <summary>Controller names as kube-controller-manager's --controllers flag spells them.</summary>
public static class ControllerNames
{
    public const string Namespace = "namespace";
    public const string ReplicaSet = "replicaset";
    public const string ReplicationController = "replicationcontroller";
    public const string GarbageCollector = "garbagecollector";
    public const string ResourceQuota = "resourcequota";

    /// <summary>Every controller this build implements, in start order.</summary>
    public static IReadOnlyList<string> All { get; } = [Namespace, ReplicaSet, ReplicationController, GarbageCollector, ResourceQuota];
}
