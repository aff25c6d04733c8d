using KubeSharp.Scheduler.Framework;

namespace KubeSharp.Scheduler.Plugins;

/// <summary>The in-tree registry and the default profile (upstream 1.32's default plugin set without the volume plugins).</summary>
public static class DefaultPlugins
{
    public static PluginRegistry Registry() => new PluginRegistry()
        .Register(PluginNames.NodeUnschedulable, _ => new NodeUnschedulable.NodeUnschedulablePlugin())
        .Register(PluginNames.NodeName, _ => new NodeName.NodeNamePlugin())
        .Register(PluginNames.NodeAffinity, _ => new NodeAffinity.NodeAffinityPlugin())
        .Register(PluginNames.TaintToleration, _ => new TaintToleration.TaintTolerationPlugin())
        .Register(PluginNames.NodeResourcesFit, (_, a) => new NodeResourcesFit.NodeResourcesFitPlugin(a as NodeResourcesFit.NodeResourcesFitArgs ?? new()))
        .Register(PluginNames.NodeResourcesBalancedAllocation, _ => new NodeResourcesBalancedAllocation.BalancedAllocationPlugin())
        .Register(PluginNames.NodePorts, _ => new NodePorts.NodePortsPlugin())
        .Register(PluginNames.ImageLocality, _ => new ImageLocality.ImageLocalityPlugin())
        .Register(PluginNames.PodTopologySpread, (h, a) => new PodTopologySpread.PodTopologySpreadPlugin(h.Cluster, a as PodTopologySpread.PodTopologySpreadArgs ?? new()))
        .Register(PluginNames.InterPodAffinity, (h, a) => new InterPodAffinity.InterPodAffinityPlugin(h.Cluster, a as InterPodAffinity.InterPodAffinityArgs ?? new()))
        .Register(PluginNames.DefaultPreemption, h => new DefaultPreemption.DefaultPreemptionPlugin(h.Preemptor, h.Cluster))
        .Register(PluginNames.DefaultBinder, h => new DefaultBinder.DefaultBinderPlugin(h.Binder))
        .Register(PluginNames.SchedulingGates, _ => new SchedulingGates.SchedulingGatesPlugin())
        // Upstream's queue sort: a name only, so configuration files naming it load; the queue orders by priority itself.
        .Register(PluginNames.PrioritySort, _ => new NamedOnly(PluginNames.PrioritySort));

    private sealed record NamedOnly(string Name) : IPlugin;

    /// <summary>Filter order matches upstream's default profile, so a node rejected for several reasons reports the same one.</summary>
    public static Profile Profile(string schedulerName) => new()
    {
        SchedulerName = schedulerName,
        Plugins =
        [
            PluginNames.SchedulingGates,
            PluginNames.NodeUnschedulable,
            PluginNames.NodeName,
            PluginNames.TaintToleration,
            PluginNames.NodeAffinity,
            PluginNames.NodePorts,
            PluginNames.NodeResourcesFit,
            PluginNames.PodTopologySpread,
            PluginNames.InterPodAffinity,
            PluginNames.DefaultPreemption,
            PluginNames.NodeResourcesBalancedAllocation,
            PluginNames.ImageLocality,
            PluginNames.DefaultBinder,
        ],
        // Upstream's default score weights.
        ScoreWeights = new Dictionary<string, int>
        {
            [PluginNames.TaintToleration] = 3,
            [PluginNames.NodeAffinity] = 2,
            [PluginNames.NodeResourcesFit] = 1,
            [PluginNames.PodTopologySpread] = 2,
            [PluginNames.InterPodAffinity] = 2,
            [PluginNames.NodeResourcesBalancedAllocation] = 1,
            [PluginNames.ImageLocality] = 1,
        },
    };
}
