namespace KubeSharp.ControllerManager;

/// <summary>Controller names as kube-controller-manager's --controllers flag spells them.</summary>
public static class ControllerNames
{
    public const string Namespace = "namespace";
    public const string ReplicaSet = "replicaset";
    public const string ReplicationController = "replicationcontroller";
    public const string GarbageCollector = "garbagecollector";
    public const string Deployment = "deployment";
    public const string Endpoints = "endpoints";
    public const string EndpointSlice = "endpointslice";
    public const string ServiceAccount = "serviceaccount";
    public const string NodeIpam = "nodeipam";
    public const string ResourceQuota = "resourcequota";

    /// <summary>Every controller this build implements, in start order.</summary>
    public static IReadOnlyList<string> All { get; } = [Namespace, ReplicaSet, ReplicationController, Deployment, GarbageCollector, Endpoints, EndpointSlice, ServiceAccount, NodeIpam, ResourceQuota];
}
