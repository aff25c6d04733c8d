using k8s.Models;
using KubeSharp.ApiMachinery.Printing;
using static KubeSharp.ApiMachinery.Tests.Printing.Fixtures;

namespace KubeSharp.ApiMachinery.Tests.Printing;

public class PodPrinterTests
{
    private static readonly ITablePrinter _printer = TablePrinters.For(typeof(V1Pod));

    // One row per behaviour of upstream printPod: expected READY, STATUS, RESTARTS.
    private static readonly Dictionary<string, (V1Pod Pod, string Ready, string Status, string Restarts)> _cases = new()
    {
        ["pending, no statuses"] = (Pod(Phase("Pending"), containers: 1), "0/1", "Pending", "0"),
        ["running and ready"] = (Pod(Phase("Running"), containers: 1, statuses: [Running("c0")]), "1/1", "Running", "0"),
        ["running, one of two ready"] = (Pod(Phase("Running"), containers: 2, statuses: [Running("c0"), Running("c1", ready: false)]), "1/2", "Running", "0"),
        ["container creating"] = (Pod(Phase("Pending"), containers: 1, statuses: [Waiting("c0", "ContainerCreating")]), "0/1", "ContainerCreating", "0"),
        ["image pull error"] = (Pod(Phase("Pending"), containers: 1, statuses: [Waiting("c0", "ErrImagePull")]), "0/1", "ErrImagePull", "0"),
        ["crash loop with restarts"] = (Pod(Phase("Running"), containers: 1,
            statuses: [Waiting("c0", "CrashLoopBackOff", restarts: 3, lastFinished: Ago(TimeSpan.FromMinutes(2)))]), "0/1", "CrashLoopBackOff", "3 (2m ago)"),
        ["restarts without termination time"] = (Pod(Phase("Running"), containers: 1, statuses: [Running("c0", restarts: 4)]), "1/1", "Running", "4"),
        ["first container's reason wins"] = (Pod(Phase("Running"), containers: 2,
            statuses: [Waiting("c0", "ImagePullBackOff"), Waiting("c1", "CrashLoopBackOff")]), "0/2", "ImagePullBackOff", "0"),
        ["completed"] = (Pod(Phase("Succeeded"), containers: 1, statuses: [Terminated("c0", 0, "Completed")]), "0/1", "Completed", "0"),
        ["terminated without reason, exit code"] = (Pod(Phase("Failed"), containers: 1, statuses: [Terminated("c0", 2, null)]), "0/1", "ExitCode:2", "0"),
        ["terminated without reason, signal"] = (Pod(Phase("Failed"), containers: 1, statuses: [Terminated("c0", 137, null, signal: 9)]), "0/1", "Signal:9", "0"),
        ["completed but one still running and ready"] = (Pod(Phase("Running"), containers: 2, conditions: ["Ready=True"],
            statuses: [Terminated("c0", 0, "Completed"), Running("c1")]), "1/2", "Running", "0"),
        ["completed but one still running, pod not ready"] = (Pod(Phase("Running"), containers: 2,
            statuses: [Terminated("c0", 0, "Completed"), Running("c1")]), "1/2", "NotReady", "0"),
        ["status reason overrides phase"] = (Pod(Phase("Failed", reason: "Evicted"), containers: 1), "0/1", "Evicted", "0"),
        ["scheduling gated"] = (Pod(Phase("Pending"), containers: 1, conditions: ["PodScheduled=False/SchedulingGated"]), "0/1", "SchedulingGated", "0"),
        ["terminating"] = (Pod(Phase("Running"), containers: 1, statuses: [Running("c0")], deleting: true), "1/1", "Terminating", "0"),
        ["deleted but already succeeded"] = (Pod(Phase("Succeeded"), containers: 1, statuses: [Terminated("c0", 0, "Completed")], deleting: true), "0/1", "Completed", "0"),
        ["deleted on lost node"] = (Pod(Phase("Running", reason: "NodeLost"), containers: 1, deleting: true), "0/1", "Unknown", "0"),
        ["init 0/2 running"] = (Pod(Phase("Pending"), containers: 1, inits: 2, initStatuses: [Running("i0", ready: false)], statuses: [Waiting("c0", "PodInitializing")]),
            "0/1", "Init:0/2", "0"),
        ["init 1/2 after first finished"] = (Pod(Phase("Pending"), containers: 1, inits: 2,
            initStatuses: [Terminated("i0", 0, "Completed"), Running("i1", ready: false)]), "0/1", "Init:1/2", "0"),
        ["init waiting reason"] = (Pod(Phase("Pending"), containers: 1, inits: 1, initStatuses: [Waiting("i0", "ImagePullBackOff")]), "0/1", "Init:ImagePullBackOff", "0"),
        ["init PodInitializing is not a reason"] = (Pod(Phase("Pending"), containers: 1, inits: 1, initStatuses: [Waiting("i0", "PodInitializing")]), "0/1", "Init:0/1", "0"),
        ["init failed with reason"] = (Pod(Phase("Pending"), containers: 1, inits: 1, initStatuses: [Terminated("i0", 1, "Error")]), "0/1", "Init:Error", "0"),
        ["init failed exit code"] = (Pod(Phase("Pending"), containers: 1, inits: 1, initStatuses: [Terminated("i0", 3, null)]), "0/1", "Init:ExitCode:3", "0"),
        ["init failed signal"] = (Pod(Phase("Pending"), containers: 1, inits: 1, initStatuses: [Terminated("i0", 0x89, null, signal: 9)]), "0/1", "Init:Signal:9", "0"),
        ["init crash loop restarts counted"] = (Pod(Phase("Pending"), containers: 1, inits: 1,
            initStatuses: [Waiting("i0", "CrashLoopBackOff", restarts: 5, lastFinished: Ago(TimeSpan.FromSeconds(30)))]), "0/1", "Init:CrashLoopBackOff", "5 (30s ago)"),
        ["sidecar counts toward ready"] = (Pod(Phase("Running"), containers: 1, inits: 1, sidecars: true, conditions: ["Initialized=True", "Ready=True"],
            initStatuses: [Running("i0", started: true, restarts: 1)], statuses: [Running("c0")]), "2/2", "Running", "1"),
    };

    public static TheoryData<string> Cases() => new(_cases.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Ready_status_and_restarts_match_upstream(string name)
    {
        var (pod, ready, status, restarts) = _cases[name];
        var cells = _printer.Cells(pod, Now);
        Assert.Equal([ready, status, restarts], [cells[1], cells[2], cells[3]]);
    }

    [Fact]
    public void Columns_are_upstreams_in_order()
    {
        Assert.Equal(["Name", "Ready", "Status", "Restarts", "Age", "IP", "Node", "Nominated Node", "Readiness Gates"],
            _printer.Columns.Select(c => c.Name));
        Assert.Equal([0, 0, 0, 0, 0, 1, 1, 1, 1], _printer.Columns.Select(c => c.Priority));
        Assert.Equal("name", _printer.Columns[0].Format);
    }

    [Fact]
    public void Wide_cells_default_to_none()
    {
        var cells = _printer.Cells(Pod(Phase("Pending"), containers: 1), Now);
        Assert.Equal(["p", "14s", "<none>", "<none>", "<none>", "<none>"], [cells[0], cells[4], cells[5], cells[6], cells[7], cells[8]]);
    }

    [Fact]
    public void Wide_cells_show_ip_node_and_readiness_gates()
    {
        var pod = Pod(Phase("Running"), containers: 1, conditions: ["example.com/gate=True"]);
        pod.Status.PodIPs = [new V1PodIP { Ip = "10.244.0.65" }];
        pod.Status.NominatedNodeName = "node-2";
        pod.Spec.NodeName = "node-1";
        pod.Spec.ReadinessGates = [new V1PodReadinessGate { ConditionType = "example.com/gate" }, new V1PodReadinessGate { ConditionType = "other" }];
        var cells = _printer.Cells(pod, Now);
        Assert.Equal(["10.244.0.65", "node-1", "node-2", "1/2"], [cells[5], cells[6], cells[7], cells[8]]);
    }

    [Fact]
    public void Legacy_pod_ip_is_used_when_pod_ips_are_empty()
    {
        var pod = Pod(Phase("Running"), containers: 1);
        pod.Status.PodIP = "10.244.0.7";
        Assert.Equal("10.244.0.7", _printer.Cells(pod, Now)[5]);
    }

    private static V1PodStatus Phase(string phase, string? reason = null) => new() { Phase = phase, Reason = reason };

    private static V1Pod Pod(V1PodStatus status, int containers, int inits = 0, bool sidecars = false,
        V1ContainerStatus[]? statuses = null, V1ContainerStatus[]? initStatuses = null,
        string[]? conditions = null, bool deleting = false)
    {
        status.ContainerStatuses = statuses;
        status.InitContainerStatuses = initStatuses;
        status.Conditions = conditions?.Select(Condition).ToList();
        return new V1Pod
        {
            Metadata = Meta("p", deleting: deleting),
            Spec = new V1PodSpec
            {
                Containers = Enumerable.Range(0, containers).Select(i => new V1Container { Name = $"c{i}", Image = "busybox" }).ToList(),
                InitContainers = inits == 0 ? null
                    : Enumerable.Range(0, inits).Select(i => new V1Container { Name = $"i{i}", RestartPolicy = sidecars ? "Always" : null }).ToList(),
            },
            Status = status,
        };
    }

    // "Type=Status" or "Type=Status/Reason"
    private static V1PodCondition Condition(string spec)
    {
        var eq = spec.IndexOf('=');
        var rest = spec[(eq + 1)..].Split('/');
        return new V1PodCondition { Type = spec[..eq], Status = rest[0], Reason = rest.Length > 1 ? rest[1] : null };
    }

    private static V1ContainerStatus Running(string name, bool ready = true, int restarts = 0, bool? started = null) => new()
    {
        Name = name, Ready = ready, RestartCount = restarts, Started = started,
        State = new V1ContainerState { Running = new V1ContainerStateRunning { StartedAt = Ago(TimeSpan.FromMinutes(1)) } },
    };

    private static V1ContainerStatus Waiting(string name, string reason, int restarts = 0, DateTime? lastFinished = null) => new()
    {
        Name = name, RestartCount = restarts,
        State = new V1ContainerState { Waiting = new V1ContainerStateWaiting { Reason = reason } },
        LastState = lastFinished is null ? null
            : new V1ContainerState { Terminated = new V1ContainerStateTerminated { ExitCode = 1, FinishedAt = lastFinished } },
    };

    private static V1ContainerStatus Terminated(string name, int exitCode, string? reason, int? signal = null) => new()
    {
        Name = name,
        State = new V1ContainerState { Terminated = new V1ContainerStateTerminated { ExitCode = exitCode, Reason = reason, Signal = signal } },
    };
}
