using k8s.Models;

namespace KubeSharp.Scheduler.Tests.Infrastructure;

/// <summary>Builders for the pods and nodes the tests need, with only the fields a case sets.</summary>
public static class Make
{
    public static V1Node Node(string name, string cpu = "4", string memory = "8Gi", string pods = "110",
        IDictionary<string, string>? labels = null, IList<V1Taint>? taints = null, bool unschedulable = false,
        IDictionary<string, string>? extra = null)
    {
        var allocatable = new Dictionary<string, ResourceQuantity>
        {
            ["cpu"] = new(cpu),
            ["memory"] = new(memory),
            ["pods"] = new(pods),
        };
        foreach (var (k, v) in extra ?? new Dictionary<string, string>()) allocatable[k] = new ResourceQuantity(v);
        return new V1Node
        {
            ApiVersion = "v1",
            Kind = "Node",
            Metadata = new V1ObjectMeta { Name = name, Labels = labels },
            Spec = new V1NodeSpec { Taints = taints, Unschedulable = unschedulable ? true : null },
            Status = new V1NodeStatus
            {
                Capacity = new Dictionary<string, ResourceQuantity>(allocatable),
                Allocatable = allocatable,
                Conditions = [new V1NodeCondition { Type = "Ready", Status = "True" }],
            },
        };
    }

    public static V1Pod Pod(string name, string? cpu = null, string? memory = null, string ns = "default",
        IDictionary<string, string>? nodeSelector = null, IList<V1Toleration>? tolerations = null, V1Affinity? affinity = null,
        string? schedulerName = null, IDictionary<string, string>? extra = null, int? priority = null,
        IDictionary<string, string>? labels = null, string? nodeName = null)
    {
        var requests = new Dictionary<string, ResourceQuantity>();
        if (cpu != null) requests["cpu"] = new ResourceQuantity(cpu);
        if (memory != null) requests["memory"] = new ResourceQuantity(memory);
        foreach (var (k, v) in extra ?? new Dictionary<string, string>()) requests[k] = new ResourceQuantity(v);
        return new V1Pod
        {
            ApiVersion = "v1",
            Kind = "Pod",
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Uid = Guid.NewGuid().ToString(), Labels = labels },
            Spec = new V1PodSpec
            {
                Containers =
                [
                    new V1Container
                    {
                        Name = "c",
                        Image = "busybox",
                        Resources = requests.Count == 0 ? null : new V1ResourceRequirements { Requests = requests },
                    },
                ],
                NodeSelector = nodeSelector,
                Tolerations = tolerations,
                Affinity = affinity,
                SchedulerName = schedulerName,
                Priority = priority,
                NodeName = nodeName,
            },
        };
    }

    /// <summary>A pod affinity term on one label (key=value) with a topology key.</summary>
    public static V1PodAffinityTerm Term(string topologyKey, string key, string value, IList<string>? namespaces = null,
        V1LabelSelector? namespaceSelector = null) => new()
    {
        TopologyKey = topologyKey,
        LabelSelector = new V1LabelSelector { MatchLabels = Labels(key, value) },
        Namespaces = namespaces,
        NamespaceSelector = namespaceSelector,
    };

    public static V1Affinity RequiredAffinity(params V1PodAffinityTerm[] terms) =>
        new() { PodAffinity = new V1PodAffinity { RequiredDuringSchedulingIgnoredDuringExecution = terms } };

    public static V1Affinity RequiredAntiAffinity(params V1PodAffinityTerm[] terms) =>
        new() { PodAntiAffinity = new V1PodAntiAffinity { RequiredDuringSchedulingIgnoredDuringExecution = terms } };

    public static V1Taint Taint(string key, string value, string effect) => new() { Key = key, Value = value, Effect = effect };

    public static Dictionary<string, string> Labels(params string[] kv)
    {
        var d = new Dictionary<string, string>();
        for (var i = 0; i < kv.Length; i += 2) d[kv[i]] = kv[i + 1];
        return d;
    }
}
