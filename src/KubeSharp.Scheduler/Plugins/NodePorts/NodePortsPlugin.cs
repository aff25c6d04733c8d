using k8s.Models;
using KubeSharp.Scheduler.Cache;
using KubeSharp.Scheduler.Framework;

namespace KubeSharp.Scheduler.Plugins.NodePorts;

/// <summary>Upstream's NodePorts: a node where a pod already holds one of the pod's host ports (see <see cref="HostPort"/>) does not fit.</summary>
public sealed class NodePortsPlugin : IPreFilterPlugin, IFilterPlugin
{
    public const string Reason = "node(s) didn't have free ports for the requested pod ports";

    private const string StateKey = "PreFilter" + PluginNames.NodePorts;

    public string Name => PluginNames.NodePorts;

    private sealed record PreFilterState(List<HostPort> Ports);

    public Status PreFilter(CycleState state, V1Pod pod)
    {
        var ports = HostPort.Of(pod);
        if (ports.Count == 0) return Status.Skip;
        state.Write(StateKey, new PreFilterState(ports));
        return Status.Success;
    }

    public Status Filter(CycleState state, V1Pod pod, NodeInfo node)
    {
        var wanted = state.Read<PreFilterState>(StateKey)?.Ports ?? HostPort.Of(pod);
        foreach (var existing in node.Pods)
        {
            foreach (var used in HostPort.Of(existing))
            {
                foreach (var want in wanted)
                {
                    if (want.ConflictsWith(used)) return Status.Unschedulable(Reason);
                }
            }
        }
        return Status.Success;
    }
}
