using System.Globalization;
using k8s.Models;
using KubeSharp.Kubelet.Cri.V1;
using KubeSharp.Kubelet.Pods;

namespace KubeSharp.Kubelet.Status;

/// <summary>
/// Computes a pod's status from its spec, its previous status and what the runtime has, as upstream's
/// generateAPIPodStatus does: phase (getPhase), the kubelet's conditions, IPs, start time and container statuses
/// with state, lastState, ready, started, restartCount, image, imageID and containerID. Pure: no I/O.
/// </summary>
internal static partial class PodStatusComputer
{
    public sealed record Input(
        V1Pod Pod,
        RuntimePod Runtime,
        IReadOnlyDictionary<string, WaitingReason> Waiting,
        string RuntimeName,
        IReadOnlyList<string> HostIps,
        DateTime Now,
        Func<ContainerStatus, string?>? TerminationMessage = null,
        Func<string, Prober.ProbeState?>? Probes = null,
        bool PodIsTerminal = false);

    public static V1PodStatus Compute(Input input)
    {
        var pod = input.Pod;
        var previous = pod.Status ?? new V1PodStatus();
        var initStatuses = new List<V1ContainerStatus>();
        var initDone = true;
        foreach (var c in pod.Spec.InitContainers ?? [])
        {
            var initStatus = ContainerStatusFor(c, isInit: true, waitingDefault: "PodInitializing", input);
            initStatuses.Add(initStatus);
            if (initStatus.State?.Terminated is not { ExitCode: 0 }) initDone = false;
        }
        var appStatuses = (pod.Spec.Containers ?? [])
            .Select(c => ContainerStatusFor(c, isInit: false, waitingDefault: initDone ? "ContainerCreating" : "PodInitializing", input))
            .ToList();

        var phase = previous.Phase is "Succeeded" or "Failed" ? previous.Phase : Phase(pod, initStatuses, appStatuses, input.PodIsTerminal);
        var sandbox = input.Runtime.LatestSandbox;
        var sandboxReady = sandbox is { State: PodSandboxState.SandboxReady };
        var hostNetwork = pod.Spec.HostNetwork == true;
        var podIps = hostNetwork
            ? input.HostIps.ToList()
            : sandboxReady && !string.IsNullOrEmpty(sandbox!.Network?.Ip)
                ? new[] { sandbox.Network.Ip }.Concat(sandbox.Network.AdditionalIps.Select(i => i.Ip)).ToList()
                : previous.PodIPs?.Select(p => p.Ip).ToList() ?? [];

        var status = new V1PodStatus
        {
            Phase = phase,
            Conditions = Conditions(pod, previous, phase, sandboxReady && (hostNetwork || podIps.Count > 0), initStatuses, appStatuses, input.Now),
            HostIP = input.HostIps.FirstOrDefault(),
            HostIPs = input.HostIps.Select(ip => new V1HostIP { Ip = ip }).ToList(),
            PodIP = podIps.FirstOrDefault(),
            PodIPs = podIps.Count > 0 ? podIps.Select(ip => new V1PodIP { Ip = ip }).ToList() : null,
            StartTime = previous.StartTime ?? input.Now,
            QosClass = QosClass.Of(pod),
            InitContainerStatuses = initStatuses.Count > 0 ? initStatuses : null,
            ContainerStatuses = appStatuses,
            // Fields other writers own stay as they are.
            NominatedNodeName = previous.NominatedNodeName,
            Message = previous.Message,
            Reason = previous.Reason,
            Resize = previous.Resize,
            ResourceClaimStatuses = previous.ResourceClaimStatuses,
        };
        return status;
    }

    /// <summary>Upstream's getPhase.</summary>
    internal static string Phase(V1Pod pod, IReadOnlyList<V1ContainerStatus> init, IReadOnlyList<V1ContainerStatus> app, bool podIsTerminal = false)
    {
        var restartPolicy = pod.Spec.RestartPolicy ?? "Always";
        var pendingInit = false;
        var failedInit = false;
        foreach (var s in init)
        {
            if (s.State?.Terminated is { } t)
            {
                if (t.ExitCode != 0)
                {
                    pendingInit = true;
                    failedInit = true;
                }
            }
            else if (s.State?.Waiting != null && s.LastState?.Terminated is { ExitCode: not 0 })
            {
                pendingInit = true;
                failedInit = true;
            }
            else
            {
                pendingInit = true;
            }
        }
        if (pendingInit && failedInit && restartPolicy == "Never") return "Failed";
        if (pendingInit) return "Pending";

        int running = 0, waiting = 0, stopped = 0, succeeded = 0;
        foreach (var s in app)
        {
            if (s.State?.Running != null) running++;
            else if (s.State?.Terminated is { } t)
            {
                stopped++;
                if (t.ExitCode == 0) succeeded++;
            }
            else if (s.State?.Waiting != null)
            {
                // A container waiting to restart has run before: it counts as stopped, not as not-yet-started.
                if (s.LastState?.Terminated != null) stopped++;
                else waiting++;
            }
            else
            {
                waiting++;
            }
        }
        if (waiting > 0) return "Pending";
        if (running > 0) return "Running";
        if (stopped > 0)
        {
            // A terminating pod's containers will not restart whatever the policy says.
            if (podIsTerminal) return stopped == succeeded ? "Succeeded" : "Failed";
            if (restartPolicy == "Always") return "Running";
            if (stopped == succeeded) return "Succeeded";
            if (restartPolicy == "Never") return "Failed";
            return "Running";
        }
        return "Pending";
    }

    private static V1ContainerStatus ContainerStatusFor(V1Container c, bool isInit, string waitingDefault, Input input)
    {
        var latest = input.Runtime.Latest(c.Name);
        input.Waiting.TryGetValue(c.Name, out var waiting);
        var status = new V1ContainerStatus
        {
            Name = c.Name,
            Image = latest?.Image?.Image is { Length: > 0 } runtimeImage ? runtimeImage : c.Image,
            ImageID = latest?.ImageRef ?? "",
            RestartCount = latest == null ? 0 : RestartCount(latest),
            Ready = false,
            Started = false,
        };
        if (latest == null)
        {
            status.State = Waiting(waiting ?? new WaitingReason(waitingDefault, ""));
            return status;
        }
        status.ContainerID = $"{input.RuntimeName}://{latest.Id}";
        var previous = input.Runtime.Previous(c.Name);
        switch (latest.State)
        {
            case ContainerState.ContainerRunning:
                status.State = new V1ContainerState { Running = new V1ContainerStateRunning { StartedAt = RuntimePod.Time(latest.StartedAt) } };
                status.LastState = previous is { State: ContainerState.ContainerExited } ? Terminated(previous, input) : new V1ContainerState();
                // Without probes a running container is started and ready; with them, the prober decides.
                var probe = isInit ? null : input.Probes?.Invoke(latest.Id);
                status.Started = probe?.Started ?? true;
                status.Ready = !isInit && (probe?.Ready ?? true);
                break;
            case ContainerState.ContainerExited:
                if (waiting != null)
                {
                    status.State = Waiting(waiting);
                    status.LastState = Terminated(latest, input);
                }
                else
                {
                    status.State = Terminated(latest, input);
                    status.LastState = previous is { State: ContainerState.ContainerExited } ? Terminated(previous, input) : new V1ContainerState();
                    if (isInit && latest.ExitCode == 0) status.Ready = true;
                }
                break;
            default:
                status.State = Waiting(waiting ?? new WaitingReason("ContainerCreating", ""));
                status.LastState = previous is { State: ContainerState.ContainerExited } ? Terminated(previous, input) : new V1ContainerState();
                break;
        }
        return status;
    }

    private static int RestartCount(ContainerStatus c) =>
        c.Annotations.TryGetValue(KubeletLabels.RestartCount, out var text) && int.TryParse(text, CultureInfo.InvariantCulture, out var n) ? n : (int)c.Metadata.Attempt;

    private static V1ContainerState Waiting(WaitingReason w) =>
        new() { Waiting = new V1ContainerStateWaiting { Reason = w.Reason, Message = string.IsNullOrEmpty(w.Message) ? null : w.Message } };

    private static V1ContainerState Terminated(ContainerStatus c, Input input)
    {
        var reason = string.IsNullOrEmpty(c.Reason) ? (c.ExitCode == 0 ? "Completed" : "Error") : c.Reason;
        var message = string.IsNullOrEmpty(c.Message) ? input.TerminationMessage?.Invoke(c) : c.Message;
        return new V1ContainerState
        {
            Terminated = new V1ContainerStateTerminated
            {
                ExitCode = c.ExitCode,
                Reason = reason,
                Message = string.IsNullOrEmpty(message) ? null : message,
                StartedAt = RuntimePod.Time(c.StartedAt),
                FinishedAt = RuntimePod.Time(c.FinishedAt),
                ContainerID = $"{input.RuntimeName}://{c.Id}",
            },
        };
    }
}
