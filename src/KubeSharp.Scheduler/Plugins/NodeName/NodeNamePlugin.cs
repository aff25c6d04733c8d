using k8s.Models;
using KubeSharp.Scheduler.Cache;
using KubeSharp.Scheduler.Framework;

namespace KubeSharp.Scheduler.Plugins.NodeName;

/// <summary>A pod that names a node (spec.nodeName) fits only there.</summary>
public sealed class NodeNamePlugin : IFilterPlugin
{
    public const string ReasonNodeName = "node(s) didn't match the requested node name";

    public string Name => PluginNames.NodeName;

    public Status Filter(CycleState state, V1Pod pod, NodeInfo node) =>
        string.IsNullOrEmpty(pod.Spec?.NodeName) || pod.Spec.NodeName == node.Name
            ? Status.Success
            : Status.Unresolvable(ReasonNodeName);
}
