using k8s.Models;

namespace KubeSharp.Kubelet.Status;

internal static partial class PodStatusComputer
{
    private static readonly HashSet<string> OwnedConditions = ["PodReadyToStartContainers", "Initialized", "ContainersReady", "Ready"];

    /// <summary>
    /// The kubelet's conditions (PodReadyToStartContainers, Initialized, ContainersReady, Ready) with upstream's
    /// reasons and messages; conditions other writers own (PodScheduled, DisruptionTarget, readiness gates) are kept.
    /// A condition keeps its lastTransitionTime while its status stays the same.
    /// </summary>
    private static List<V1PodCondition> Conditions(V1Pod pod, V1PodStatus previous, string phase, bool sandboxReady,
        IReadOnlyList<V1ContainerStatus> init, IReadOnlyList<V1ContainerStatus> app, DateTime now)
    {
        var old = previous.Conditions ?? [];
        var result = old.Where(c => !OwnedConditions.Contains(c.Type)).Select(Copy).ToList();
        if (!result.Any(c => c.Type == "PodScheduled"))
        {
            result.Add(new V1PodCondition { Type = "PodScheduled", Status = "True", LastTransitionTime = now });
        }
        var terminal = phase is "Succeeded" or "Failed";

        result.Add(Condition(old, "PodReadyToStartContainers", sandboxReady && !terminal, null, null, now));

        var notInitialized = init.Where(s => s.State?.Terminated is not { ExitCode: 0 }).Select(s => s.Name).ToList();
        var initialized = notInitialized.Count == 0 || phase == "Succeeded";
        result.Add(initialized
            ? Condition(old, "Initialized", true, null, null, now)
            : Condition(old, "Initialized", false, "ContainersNotInitialized", $"containers with incomplete status: [{string.Join(" ", notInitialized)}]", now));

        V1PodCondition containersReady;
        if (terminal)
        {
            containersReady = Condition(old, "ContainersReady", false, "PodCompleted", null, now);
        }
        else
        {
            var unready = app.Where(s => !s.Ready).Select(s => s.Name).ToList();
            containersReady = unready.Count == 0 && initialized
                ? Condition(old, "ContainersReady", true, null, null, now)
                : Condition(old, "ContainersReady", false, "ContainersNotReady", $"containers with unready status: [{string.Join(" ", unready)}]", now);
        }
        result.Add(containersReady);

        var ready = Condition(old, "Ready", containersReady.Status == "True", containersReady.Reason, containersReady.Message, now);
        if (ready.Status == "True")
        {
            var missing = (pod.Spec.ReadinessGates ?? [])
                .Where(g => old.FirstOrDefault(c => c.Type == g.ConditionType)?.Status != "True")
                .Select(g => g.ConditionType)
                .ToList();
            if (missing.Count > 0)
            {
                ready = Condition(old, "Ready", false, "ReadinessGatesNotReady", $"corresponding condition of pod readiness gate \"{missing[0]}\" does not exist.", now);
            }
        }
        result.Add(ready);
        return result;
    }

    private static V1PodCondition Condition(IList<V1PodCondition> old, string type, bool status, string? reason, string? message, DateTime now)
    {
        var value = status ? "True" : "False";
        var previous = old.FirstOrDefault(c => c.Type == type);
        return new V1PodCondition
        {
            Type = type,
            Status = value,
            Reason = reason,
            Message = message,
            LastTransitionTime = previous != null && previous.Status == value && previous.LastTransitionTime != null ? previous.LastTransitionTime : now,
            LastProbeTime = null,
        };
    }

    private static V1PodCondition Copy(V1PodCondition c) => new()
    {
        Type = c.Type,
        Status = c.Status,
        Reason = c.Reason,
        Message = c.Message,
        LastProbeTime = c.LastProbeTime,
        LastTransitionTime = c.LastTransitionTime,
        ObservedGeneration = c.ObservedGeneration,
    };
}
