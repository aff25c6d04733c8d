using k8s.Models;
using KubeSharp.Kubelet.Eviction;

namespace KubeSharp.Kubelet.Tests.Eviction;

/// <summary>Upstream's eviction admit handler, one row per rule.</summary>
public sealed class EvictionAdmissionTests
{
    private static V1Pod Pod(string qos, int priority = 0, params V1Toleration[] tolerations)
    {
        var resources = qos switch
        {
            "BestEffort" => new V1ResourceRequirements(),
            "Burstable" => new V1ResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { ["memory"] = new("64Mi") } },
            _ => throw new ArgumentException(qos),
        };
        return new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = "p", NamespaceProperty = "ns", Uid = "u" },
            Spec = new V1PodSpec
            {
                Priority = priority,
                Tolerations = tolerations,
                Containers = [new V1Container { Name = "c", Image = "busybox", Resources = resources }],
            },
        };
    }

    private static AdmitRejection? Decide(V1Pod pod, params string[] conditions)
    {
        var pressure = new NodePressure();
        pressure.Set(conditions);
        return new EvictionAdmission(pressure).Admit(pod);
    }

    public static TheoryData<string, V1Pod, string[], string?> Cases => new()
    {
        { "no pressure admits everything", Pod("BestEffort"), [], null },
        { "memory pressure admits a Burstable pod", Pod("Burstable"), ["MemoryPressure"], null },
        { "memory pressure rejects a BestEffort pod", Pod("BestEffort"), ["MemoryPressure"], "The node had condition: [MemoryPressure]. " },
        { "a BestEffort pod tolerating the memory-pressure taint (Exists) is admitted",
            Pod("BestEffort", 0, new V1Toleration { Key = "node.kubernetes.io/memory-pressure", OperatorProperty = "Exists", Effect = "NoSchedule" }), ["MemoryPressure"], null },
        { "a toleration of every taint (no key, Exists) covers it too",
            Pod("BestEffort", 0, new V1Toleration { OperatorProperty = "Exists" }), ["MemoryPressure"], null },
        { "the taint key with Equal and no value tolerates it",
            Pod("BestEffort", 0, new V1Toleration { Key = "node.kubernetes.io/memory-pressure" }), ["MemoryPressure"], null },
        { "a NoExecute-only toleration does not",
            Pod("BestEffort", 0, new V1Toleration { Key = "node.kubernetes.io/memory-pressure", OperatorProperty = "Exists", Effect = "NoExecute" }), ["MemoryPressure"],
            "The node had condition: [MemoryPressure]. " },
        { "a toleration of another taint does not",
            Pod("BestEffort", 0, new V1Toleration { Key = "node.kubernetes.io/disk-pressure", OperatorProperty = "Exists" }), ["MemoryPressure"],
            "The node had condition: [MemoryPressure]. " },
        { "disk pressure rejects every pod", Pod("Burstable"), ["DiskPressure"], "The node had condition: [DiskPressure]. " },
        { "PID pressure rejects every pod", Pod("Burstable"), ["PIDPressure"], "The node had condition: [PIDPressure]. " },
        { "memory with disk pressure rejects a Burstable pod and names both", Pod("Burstable"), ["DiskPressure", "MemoryPressure"],
            "The node had condition: [MemoryPressure DiskPressure]. " },
        { "a tolerating BestEffort pod is still rejected under disk pressure too",
            Pod("BestEffort", 0, new V1Toleration { OperatorProperty = "Exists" }), ["MemoryPressure", "DiskPressure"],
            "The node had condition: [MemoryPressure DiskPressure]. " },
        { "a critical pod is admitted under any pressure", Pod("BestEffort", EvictionManager.SystemCriticalPriority), ["MemoryPressure", "DiskPressure", "PIDPressure"], null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Admit(string name, V1Pod pod, string[] conditions, string? rejectedWith)
    {
        var result = Decide(pod, conditions);
        Assert.True(rejectedWith == result?.Message, $"{name}: got {result?.Message ?? "admitted"}");
        if (result != null) Assert.Equal("Evicted", result.Reason);
    }
}
