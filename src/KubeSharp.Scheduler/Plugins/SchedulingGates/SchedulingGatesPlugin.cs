using k8s.Models;
using KubeSharp.Scheduler.Framework;

namespace KubeSharp.Scheduler.Plugins.SchedulingGates;

/// <summary>
/// Upstream's SchedulingGates PreEnqueue plugin: a pod with a non-empty spec.schedulingGates is not scheduled.
/// The API server sets PodScheduled=False/SchedulingGated on such a pod at create time; gates can only be
/// removed afterwards, and the update that removes the last one lets the queue take the pod.
/// </summary>
public sealed class SchedulingGatesPlugin : IPreEnqueuePlugin
{
    public string Name => PluginNames.SchedulingGates;

    public Status PreEnqueue(V1Pod pod)
    {
        var gates = pod.Spec?.SchedulingGates;
        if (gates == null || gates.Count == 0) return Status.Success;
        var names = new string[gates.Count];
        for (var i = 0; i < names.Length; i++) names[i] = gates[i].Name;
        // Upstream's message lists the gates' names; UnschedulableAndUnresolvable because no cluster event helps.
        return Status.Unresolvable($"waiting for scheduling gates: [{string.Join(" ", names)}]");
    }
}
