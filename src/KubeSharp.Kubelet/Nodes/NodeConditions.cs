using k8s.Models;
using KubeSharp.Kubelet.Cri.V1;

namespace KubeSharp.Kubelet.Nodes;

/// <summary>
/// The four node conditions the kubelet owns, with upstream's reasons and messages. Transition times carry over
/// from the previous status while a condition's status does not change; the heartbeat is always now.
/// </summary>
internal static class NodeConditions
{
    /// <param name="pressure">The eviction manager's decision: thresholds met, held for the pressure transition period.</param>
    public static List<V1NodeCondition> Compute(Eviction.NodePressure pressure, RuntimeStatus? runtime, string? runtimeError,
        IList<V1NodeCondition>? previous, DateTime now)
    {
        var memoryPressure = pressure.Memory;
        var diskPressure = pressure.Disk;
        var pidPressure = pressure.Pid;
        var (ready, notReadyMessage) = RuntimeReadiness(runtime, runtimeError);

        return
        [
            Condition("MemoryPressure", memoryPressure,
                memoryPressure ? "KubeletHasInsufficientMemory" : "KubeletHasSufficientMemory",
                memoryPressure ? "kubelet has insufficient memory available" : "kubelet has sufficient memory available", previous, now),
            Condition("DiskPressure", diskPressure,
                diskPressure ? "KubeletHasDiskPressure" : "KubeletHasNoDiskPressure",
                diskPressure ? "kubelet has disk pressure" : "kubelet has no disk pressure", previous, now),
            Condition("PIDPressure", pidPressure,
                pidPressure ? "KubeletHasInsufficientPID" : "KubeletHasSufficientPID",
                pidPressure ? "kubelet has insufficient PID available" : "kubelet has sufficient PID available", previous, now),
            Condition("Ready", ready,
                ready ? "KubeletReady" : "KubeletNotReady",
                ready ? "kubelet is posting ready status" : notReadyMessage, previous, now),
        ];
    }

    /// <summary>Ready needs both RuntimeReady and NetworkReady (upstream's runtime and network checks).</summary>
    private static (bool Ready, string Message) RuntimeReadiness(RuntimeStatus? runtime, string? runtimeError)
    {
        if (runtime == null) return (false, $"container runtime is down: {runtimeError}");
        var problems = new List<string>();
        foreach (var type in new[] { "RuntimeReady", "NetworkReady" })
        {
            var condition = runtime.Conditions.FirstOrDefault(c => c.Type == type);
            if (condition is { Status: true }) continue;
            var what = type == "RuntimeReady" ? "container runtime not ready" : "container runtime network not ready";
            problems.Add(condition == null
                ? $"{what}: {type} missing"
                : $"{what}: {type}=false reason:{condition.Reason} message:{condition.Message}");
        }
        return (problems.Count == 0, string.Join(", ", problems));
    }

    private static V1NodeCondition Condition(string type, bool status, string reason, string message, IList<V1NodeCondition>? previous, DateTime now)
    {
        var value = status ? "True" : "False";
        var old = previous?.FirstOrDefault(c => c.Type == type);
        return new V1NodeCondition
        {
            Type = type,
            Status = value,
            Reason = reason,
            Message = message,
            LastHeartbeatTime = now,
            LastTransitionTime = old != null && old.Status == value && old.LastTransitionTime != null ? old.LastTransitionTime : now,
        };
    }
}
