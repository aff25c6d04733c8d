using k8s.Models;
using KubeSharp.Scheduler.Cache;
using KubeSharp.Scheduler.Framework;

namespace KubeSharp.Scheduler.Plugins.NodeUnschedulable;

/// <summary>Rejects cordoned nodes (spec.unschedulable) unless the pod tolerates the unschedulable taint.</summary>
public sealed class NodeUnschedulablePlugin : IFilterPlugin
{
    public const string ReasonUnschedulable = "node(s) were unschedulable";

    private static readonly V1Taint UnschedulableTaint = new() { Key = "node.kubernetes.io/unschedulable", Effect = "NoSchedule" };

    public string Name => PluginNames.NodeUnschedulable;

    public Status Filter(CycleState state, V1Pod pod, NodeInfo node)
    {
        if (!node.Unschedulable) return Status.Success;
        return Tolerations.AnyTolerates(pod.Spec?.Tolerations, UnschedulableTaint)
            ? Status.Success
            : Status.Unresolvable(ReasonUnschedulable);
    }
}
