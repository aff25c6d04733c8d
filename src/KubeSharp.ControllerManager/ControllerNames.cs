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
    public const string NodeLifecycle = "nodelifecycle";

    /// <summary>PodDisruptionBudget status (upstream's "disruption").</summary>
    public const string Disruption = "disruption";

    /// <summary>upstream 1.32 runs NoExecute eviction as a controller of its own (SeparateTaintEvictionController).</summary>
    public const string TaintEviction = "taint-eviction-controller";

    /// <summary>Not upstream (whose "service-lb-controller" needs a cloud provider): the built-in node-IP load balancer.</summary>
    public const string ServiceLb = "service-lb";

    /// <summary>Every controller this build implements, in start order.</summary>
    public static IReadOnlyList<string> All { get; } = [Namespace, ReplicaSet, ReplicationController, Deployment, GarbageCollector, Endpoints, EndpointSlice, ServiceAccount, NodeIpam, ResourceQuota, NodeLifecycle, TaintEviction, Disruption, ServiceLb];
}
