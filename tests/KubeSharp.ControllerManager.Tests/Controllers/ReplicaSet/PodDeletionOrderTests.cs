using k8s.Models;
using KubeSharp.ControllerManager.Controllers.ReplicaSet;

namespace KubeSharp.ControllerManager.Tests.Controllers.ReplicaSet;

public sealed class PodDeletionOrderTests
{
    private static readonly DateTime Old = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static V1Pod Pod(string name, string? node = "n1", string phase = "Running", bool ready = true, int restarts = 0,
        DateTime? created = null, DateTime? readySince = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, CreationTimestamp = created ?? Old },
        Spec = new V1PodSpec { NodeName = node },
        Status = new V1PodStatus
        {
            Phase = phase,
            Conditions = [new V1PodCondition { Type = "Ready", Status = ready ? "True" : "False", LastTransitionTime = readySince ?? Old }],
            ContainerStatuses = [new V1ContainerStatus { Name = "c", RestartCount = restarts }],
        },
    };

    // One row per rule of upstream's ActivePods ordering: the first pod is the one deleted first.
    public static TheoryData<V1Pod, V1Pod> Rows => new()
    {
        { Pod("unscheduled", node: null), Pod("scheduled") },
        { Pod("pending", phase: "Pending"), Pod("unknown", phase: "Unknown") },
        { Pod("unknown", phase: "Unknown"), Pod("running", phase: "Running") },
        { Pod("not-ready", ready: false), Pod("ready") },
        { Pod("ready-recently", readySince: Old.AddMinutes(5)), Pod("ready-long") },
        { Pod("restarted", restarts: 3), Pod("steady", restarts: 0) },
        { Pod("newer", created: Old.AddMinutes(5)), Pod("older") },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Less_valuable_pod_sorts_first(V1Pod first, V1Pod second)
    {
        Assert.True(PodDeletionOrder.Instance.Compare(first, second) < 0);
        Assert.True(PodDeletionOrder.Instance.Compare(second, first) > 0);
        Assert.Equal([first.Metadata.Name, second.Metadata.Name], new[] { second, first }.Order(PodDeletionOrder.Instance).Select(p => p.Metadata.Name));
    }
}
