using k8s.Models;

namespace KubeSharp.ApiMachinery.Printing;

/// <summary>
/// The READY / STATUS / RESTARTS figures of a pod, following upstream printPod step by step: phase or
/// status.reason, SchedulingGated, the first init container that is not done (Init:N/M, Init:Reason,
/// Init:ExitCode:N), then container states walked last-to-first so the first container's reason wins,
/// "Completed"→"Running"/"NotReady" while something still runs, and Terminating/Unknown for deleted pods.
/// Restartable init containers (sidecars, restartPolicy Always) count toward READY and RESTARTS.
/// </summary>
internal readonly record struct PodStatusSummary(int ReadyContainers, int TotalContainers, string Reason, int Restarts, DateTime? LastRestart)
{
    // node.NodeUnreachablePodReason
    private const string NodeLost = "NodeLost";

    public static PodStatusSummary Compute(V1Pod pod)
    {
        var spec = pod.Spec;
        var status = pod.Status;
        var restarts = 0;
        var sidecarRestarts = 0;
        var total = spec?.Containers?.Count ?? 0;
        var ready = 0;
        DateTime? lastRestart = null;
        DateTime? lastSidecarRestart = null;

        var phase = status?.Phase ?? "";
        var reason = string.IsNullOrEmpty(status?.Reason) ? phase : status!.Reason;

        if (status?.Conditions is { } conditions)
        {
            foreach (var condition in conditions)
            {
                if (condition.Type == "PodScheduled" && condition.Reason == "SchedulingGated")
                {
                    reason = "SchedulingGated";
                }
            }
        }

        var initContainers = spec?.InitContainers;
        if (initContainers is not null)
        {
            foreach (var init in initContainers)
            {
                if (IsRestartable(init))
                {
                    total++;
                }
            }
        }

        var initializing = false;
        var initStatuses = status?.InitContainerStatuses;
        if (initStatuses is not null)
        {
            for (var i = 0; i < initStatuses.Count; i++)
            {
                var container = initStatuses[i];
                restarts += container.RestartCount;
                Later(ref lastRestart, container.LastState?.Terminated?.FinishedAt);
                var restartable = IsRestartable(FindInit(initContainers, container.Name));
                if (restartable)
                {
                    sidecarRestarts += container.RestartCount;
                    Later(ref lastSidecarRestart, container.LastState?.Terminated?.FinishedAt);
                }

                var terminated = container.State?.Terminated;
                var waiting = container.State?.Waiting;
                if (terminated is not null && terminated.ExitCode == 0)
                {
                    continue;
                }
                if (restartable && container.Started == true)
                {
                    if (container.Ready)
                    {
                        ready++;
                    }
                    continue;
                }
                if (terminated is not null)
                {
                    reason = string.IsNullOrEmpty(terminated.Reason)
                        ? terminated.Signal is { } signal && signal != 0 ? $"Init:Signal:{signal}" : $"Init:ExitCode:{terminated.ExitCode}"
                        : "Init:" + terminated.Reason;
                }
                else if (waiting is not null && !string.IsNullOrEmpty(waiting.Reason) && waiting.Reason != "PodInitializing")
                {
                    reason = "Init:" + waiting.Reason;
                }
                else
                {
                    reason = $"Init:{i}/{initContainers?.Count ?? 0}";
                }
                initializing = true;
                break;
            }
        }

        if (!initializing || HasCondition(status, "Initialized"))
        {
            restarts = sidecarRestarts;
            lastRestart = lastSidecarRestart;
            var hasRunning = false;
            var statuses = status?.ContainerStatuses;
            for (var i = (statuses?.Count ?? 0) - 1; i >= 0; i--)
            {
                var container = statuses![i];
                restarts += container.RestartCount;
                Later(ref lastRestart, container.LastState?.Terminated?.FinishedAt);
                var waiting = container.State?.Waiting;
                var terminated = container.State?.Terminated;
                if (waiting is not null && !string.IsNullOrEmpty(waiting.Reason))
                {
                    reason = waiting.Reason;
                }
                else if (terminated is not null && !string.IsNullOrEmpty(terminated.Reason))
                {
                    reason = terminated.Reason;
                }
                else if (terminated is not null)
                {
                    reason = terminated.Signal is { } signal && signal != 0 ? $"Signal:{signal}" : $"ExitCode:{terminated.ExitCode}";
                }
                else if (container.Ready && container.State?.Running is not null)
                {
                    hasRunning = true;
                    ready++;
                }
            }

            if (reason == "Completed" && hasRunning)
            {
                reason = HasCondition(status, "Ready") ? "Running" : "NotReady";
            }
        }

        if (pod.Metadata?.DeletionTimestamp is not null)
        {
            if (status?.Reason == NodeLost)
            {
                reason = "Unknown";
            }
            else if (phase != "Succeeded" && phase != "Failed")
            {
                reason = "Terminating";
            }
        }

        return new PodStatusSummary(ready, total, reason, restarts, lastRestart);
    }

    private static bool IsRestartable(V1Container? container) => container?.RestartPolicy == "Always";

    private static V1Container? FindInit(IList<V1Container>? initContainers, string? name)
    {
        if (initContainers is null)
        {
            return null;
        }
        foreach (var c in initContainers)
        {
            if (c.Name == name)
            {
                return c;
            }
        }
        return null;
    }

    private static bool HasCondition(V1PodStatus? status, string type)
    {
        if (status?.Conditions is null)
        {
            return false;
        }
        foreach (var condition in status.Conditions)
        {
            if (condition.Type == type && condition.Status == "True")
            {
                return true;
            }
        }
        return false;
    }

    private static void Later(ref DateTime? latest, DateTime? candidate)
    {
        if (candidate is { } c && (latest is null || latest.Value < c))
        {
            latest = c;
        }
    }
}
