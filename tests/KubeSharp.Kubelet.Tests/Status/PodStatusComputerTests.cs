using k8s.Models;
using KubeSharp.Kubelet.Cri.V1;
using KubeSharp.Kubelet.Pods;
using KubeSharp.Kubelet.Status;

namespace KubeSharp.Kubelet.Tests.Status;

public sealed class PodStatusComputerTests
{
    private static readonly DateTime Now = new(2026, 1, 1, 12, 0, 0, DateTimeKind.Utc);

    private static V1ContainerStatus Running() => new() { Name = "c", State = new V1ContainerState { Running = new V1ContainerStateRunning() } };

    private static V1ContainerStatus Exited(int code) =>
        new() { Name = "c", State = new V1ContainerState { Terminated = new V1ContainerStateTerminated { ExitCode = code } } };

    private static V1ContainerStatus Waiting(bool ranBefore) => new()
    {
        Name = "c",
        State = new V1ContainerState { Waiting = new V1ContainerStateWaiting { Reason = "CrashLoopBackOff" } },
        LastState = ranBefore ? new V1ContainerState { Terminated = new V1ContainerStateTerminated { ExitCode = 1 } } : null,
    };

    public static TheoryData<string, V1ContainerStatus[], V1ContainerStatus[], bool, string> PhaseCases => new()
    {
        { "Always", [], [Running()], false, "Running" },
        { "Always", [], [Waiting(false)], false, "Pending" },
        { "Always", [], [Waiting(true)], false, "Running" },
        { "Always", [], [Exited(0)], false, "Running" },
        { "Always", [], [Exited(1)], true, "Failed" },
        { "Always", [], [Exited(0)], true, "Succeeded" },
        { "OnFailure", [], [Exited(0)], false, "Succeeded" },
        { "OnFailure", [], [Exited(1)], false, "Running" },
        { "Never", [], [Exited(1)], false, "Failed" },
        { "Never", [], [Exited(0), Running()], false, "Running" },
        { "Never", [Exited(2)], [Waiting(false)], false, "Failed" },
        { "OnFailure", [Exited(2)], [Waiting(false)], false, "Pending" },
        { "Always", [Running()], [Waiting(false)], false, "Pending" },
    };

    [Theory]
    [MemberData(nameof(PhaseCases))]
    public void Phase_as_upstream_getPhase(string restartPolicy, V1ContainerStatus[] init, V1ContainerStatus[] app, bool terminal, string phase)
    {
        var pod = new V1Pod { Metadata = new V1ObjectMeta { Name = "p" }, Spec = new V1PodSpec { RestartPolicy = restartPolicy, Containers = [] } };
        Assert.Equal(phase, PodStatusComputer.Phase(pod, init, app, terminal));
    }

    [Fact]
    public void Status_from_runtime_state_with_last_state_conditions_and_kept_foreign_fields()
    {
        var pod = new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = "p", NamespaceProperty = "ns", Uid = "u" },
            Spec = new V1PodSpec
            {
                Containers = [new V1Container { Name = "a", Image = "busybox" }, new V1Container { Name = "b", Image = "busybox" }],
                ReadinessGates = [new V1PodReadinessGate { ConditionType = "example.com/gate" }],
            },
            Status = new V1PodStatus
            {
                Phase = "Pending",
                NominatedNodeName = "n1",
                Conditions = [new V1PodCondition { Type = "PodScheduled", Status = "True", LastTransitionTime = Now.AddMinutes(-5) }],
                StartTime = Now.AddMinutes(-1),
            },
        };
        var sandbox = new PodSandboxStatus { Id = "s1", Metadata = new PodSandboxMetadata { Name = "p", Uid = "u" }, State = PodSandboxState.SandboxReady, Network = new PodSandboxNetworkStatus { Ip = "10.244.0.9" } };
        var runtimePod = new RuntimePod
        {
            Uid = "u",
            Sandboxes = [sandbox],
            Containers =
            [
                Container("a2", "a", 1, ContainerState.ContainerRunning, 0),
                Container("a1", "a", 0, ContainerState.ContainerExited, 137, "OOMKilled"),
                Container("b1", "b", 3, ContainerState.ContainerExited, 1),
            ],
        };
        var waiting = new Dictionary<string, WaitingReason> { ["b"] = new("CrashLoopBackOff", "back-off 40s restarting failed container=b") };
        var status = PodStatusComputer.Compute(new PodStatusComputer.Input(pod, runtimePod, waiting, "containerd", ["10.1.2.3"], Now));

        Assert.Equal("Running", status.Phase);
        Assert.Equal("10.244.0.9", status.PodIP);
        Assert.Equal("10.1.2.3", status.HostIP);
        Assert.Equal(Now.AddMinutes(-1), status.StartTime);
        Assert.Equal("n1", status.NominatedNodeName);
        var a = status.ContainerStatuses[0];
        Assert.Equal(("containerd://a2", 1, true, true), (a.ContainerID, a.RestartCount, a.Ready, a.Started));
        Assert.Equal(("OOMKilled", 137), (a.LastState.Terminated.Reason, a.LastState.Terminated.ExitCode));
        var b = status.ContainerStatuses[1];
        Assert.Equal(("CrashLoopBackOff", 3, false), (b.State.Waiting.Reason, b.RestartCount, b.Ready));
        Assert.Equal(("Error", 1), (b.LastState.Terminated.Reason, b.LastState.Terminated.ExitCode));

        var conditions = status.Conditions.ToDictionary(c => c.Type);
        Assert.Equal(Now.AddMinutes(-5), conditions["PodScheduled"].LastTransitionTime);
        Assert.Equal("True", conditions["PodReadyToStartContainers"].Status);
        Assert.Equal("True", conditions["Initialized"].Status);
        Assert.Equal(("False", "ContainersNotReady", "containers with unready status: [b]"),
            (conditions["ContainersReady"].Status, conditions["ContainersReady"].Reason, conditions["ContainersReady"].Message));
        Assert.Equal("False", conditions["Ready"].Status);
    }

    [Fact]
    public void Readiness_gates_hold_Ready_back_until_their_condition_is_true()
    {
        var pod = new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = "p", Uid = "u" },
            Spec = new V1PodSpec { Containers = [new V1Container { Name = "a", Image = "i" }], ReadinessGates = [new V1PodReadinessGate { ConditionType = "gate" }] },
            Status = new V1PodStatus(),
        };
        var runtimePod = new RuntimePod
        {
            Uid = "u",
            Sandboxes = [new PodSandboxStatus { Id = "s", Metadata = new PodSandboxMetadata(), State = PodSandboxState.SandboxReady, Network = new PodSandboxNetworkStatus { Ip = "10.0.0.1" } }],
            Containers = [Container("a1", "a", 0, ContainerState.ContainerRunning, 0)],
        };
        var status = PodStatusComputer.Compute(new PodStatusComputer.Input(pod, runtimePod, new Dictionary<string, WaitingReason>(), "containerd", ["10.1.2.3"], Now));
        Assert.Equal("True", status.Conditions.Single(c => c.Type == "ContainersReady").Status);
        Assert.Equal(("False", "ReadinessGatesNotReady"), (status.Conditions.Single(c => c.Type == "Ready").Status, status.Conditions.Single(c => c.Type == "Ready").Reason));

        pod.Status.Conditions = [new V1PodCondition { Type = "gate", Status = "True" }];
        status = PodStatusComputer.Compute(new PodStatusComputer.Input(pod, runtimePod, new Dictionary<string, WaitingReason>(), "containerd", ["10.1.2.3"], Now));
        Assert.Equal("True", status.Conditions.Single(c => c.Type == "Ready").Status);
        Assert.Equal("True", status.Conditions.Single(c => c.Type == "gate").Status);
    }

    private static ContainerStatus Container(string id, string name, uint attempt, ContainerState state, int exitCode, string reason = "")
    {
        var created = (Now.AddSeconds(attempt) - DateTime.UnixEpoch).Ticks * 100;
        var status = new ContainerStatus
        {
            Id = id,
            Metadata = new ContainerMetadata { Name = name, Attempt = attempt },
            State = state,
            CreatedAt = created,
            StartedAt = created,
            FinishedAt = state == ContainerState.ContainerExited ? created + 1_000_000_000 : 0,
            ExitCode = exitCode,
            Reason = reason,
            Image = new ImageSpec { Image = "docker.io/library/busybox:latest" },
            ImageRef = "docker.io/library/busybox@sha256:abc",
        };
        status.Annotations[KubeletLabels.RestartCount] = attempt.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return status;
    }
}
