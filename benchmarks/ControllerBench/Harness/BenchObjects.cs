using k8s.Models;

namespace KubeSharp.Benchmarks.ControllerBench.Harness;

/// <summary>The objects the scenarios create: small pods (one container) bound to the fake node, and their owners.</summary>
internal static class BenchObjects
{
    public static V1PodTemplateSpec Template(string app, bool bound) => new()
    {
        Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = app } },
        Spec = PodSpec(bound ? FakeKubelet.NodeName : null),
    };

    public static V1PodSpec PodSpec(string? nodeName) => new()
    {
        NodeName = nodeName,
        TerminationGracePeriodSeconds = 30,
        Containers =
        [
            new V1Container
            {
                Name = "app",
                Image = "registry.k8s.io/pause:3.10",
                Ports = [new V1ContainerPort { ContainerPort = 8080, Name = "http" }],
            },
        ],
    };

    public static V1ReplicationController ReplicationController(string ns, string name, int replicas) => new()
    {
        ApiVersion = "v1",
        Kind = "ReplicationController",
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
        Spec = new V1ReplicationControllerSpec
        {
            Replicas = replicas,
            Selector = new Dictionary<string, string> { ["app"] = name },
            Template = Template(name, bound: false),
        },
    };

    public static V1Deployment Deployment(string ns, string name, int replicas) => new()
    {
        ApiVersion = "apps/v1",
        Kind = "Deployment",
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
        Spec = new V1DeploymentSpec
        {
            Replicas = replicas,
            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = name } },
            Template = Template(name, bound: true),
        },
    };

    public static V1Pod Pod(string ns, string name, string app) => new()
    {
        ApiVersion = "v1",
        Kind = "Pod",
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Labels = new Dictionary<string, string> { ["app"] = app } },
        Spec = PodSpec(FakeKubelet.NodeName),
    };

    public static V1Service Service(string ns, string name, string app) => new()
    {
        ApiVersion = "v1",
        Kind = "Service",
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
        Spec = new V1ServiceSpec
        {
            Selector = new Dictionary<string, string> { ["app"] = app },
            Ports = [new V1ServicePort { Name = "http", Port = 80, TargetPort = "http", Protocol = "TCP" }],
        },
    };

    /// <summary>The fake node the pods are bound to, Ready, so nothing treats its pods as orphans of a missing node.</summary>
    public static V1Node Node() => new()
    {
        ApiVersion = "v1",
        Kind = "Node",
        Metadata = new V1ObjectMeta { Name = FakeKubelet.NodeName },
        Status = new V1NodeStatus
        {
            Conditions = [new V1NodeCondition { Type = "Ready", Status = "True", LastHeartbeatTime = DateTime.UtcNow, LastTransitionTime = DateTime.UtcNow }],
            Addresses = [new V1NodeAddress { Type = "InternalIP", Address = "10.0.0.1" }],
        },
    };
}
