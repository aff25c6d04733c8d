using KubeSharp.ControllerManager;
using Microsoft.Extensions.Logging;

namespace KubeSharp.Cli.Commands;

/// <summary>
/// <c>kubesharp controller-manager --kubeconfig F [--controllers a,b,-c] [--cluster-cidr C] [--node-cidr-mask-size N]
/// [--allocate-node-cidrs=false] [--node-monitor-period 5s] [--node-monitor-grace-period 40s] [--node-startup-grace-period 60s]
/// [--node-eviction-rate 0.1] [--secondary-node-eviction-rate 0.01] [--unhealthy-zone-threshold 0.55]
/// [--large-cluster-size-threshold 50]</c>: until a signal or lost leadership.
/// </summary>
public static class ControllerManagerCommand
{
    public static Task<int> RunAsync(Flags flags) =>
        ComponentCommand.RunAsync(flags, async (kubeconfig, loggerFactory, ct) =>
        {
            var controllers = flags.Get("controllers", "*").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var host = await StartAsync(kubeconfig, loggerFactory, flags.Get("leader-elect", "true") != "false", controllers, ct, flags);
            return new RunningComponent(host, host.Completion, $"controller-manager ({string.Join(", ", host.Controllers)})");
        });

    public static Task<ControllerManagerHost> StartAsync(string kubeconfig, ILoggerFactory loggerFactory, bool leaderElect,
        IReadOnlyList<string>? controllers, CancellationToken cancellationToken, Flags? flags = null)
    {
        var defaults = new ControllerManagerOptions { KubeconfigPath = kubeconfig };
        return ControllerManagerHost.StartAsync(defaults with
        {
            LeaderElect = leaderElect,
            Controllers = controllers ?? ["*"],
            ClusterCidr = flags?.Get("cluster-cidr") ?? defaults.ClusterCidr,
            NodeCidrMaskSize = flags?.GetInt("node-cidr-mask-size", defaults.NodeCidrMaskSize) ?? defaults.NodeCidrMaskSize,
            AllocateNodeCidrs = flags?.Get("allocate-node-cidrs") is not { } allocate ? defaults.AllocateNodeCidrs : allocate != "false",
            MaxEndpointsPerSlice = flags?.GetInt("max-endpoints-per-slice", defaults.MaxEndpointsPerSlice) ?? defaults.MaxEndpointsPerSlice,
            NodeMonitorPeriod = flags?.GetDuration("node-monitor-period", defaults.NodeMonitorPeriod) ?? defaults.NodeMonitorPeriod,
            NodeMonitorGracePeriod = flags?.GetDuration("node-monitor-grace-period", defaults.NodeMonitorGracePeriod) ?? defaults.NodeMonitorGracePeriod,
            NodeStartupGracePeriod = flags?.GetDuration("node-startup-grace-period", defaults.NodeStartupGracePeriod) ?? defaults.NodeStartupGracePeriod,
            NodeEvictionRate = flags?.GetDouble("node-eviction-rate", defaults.NodeEvictionRate) ?? defaults.NodeEvictionRate,
            SecondaryNodeEvictionRate = flags?.GetDouble("secondary-node-eviction-rate", defaults.SecondaryNodeEvictionRate) ?? defaults.SecondaryNodeEvictionRate,
            UnhealthyZoneThreshold = flags?.GetDouble("unhealthy-zone-threshold", defaults.UnhealthyZoneThreshold) ?? defaults.UnhealthyZoneThreshold,
            LargeClusterSizeThreshold = flags?.GetInt("large-cluster-size-threshold", defaults.LargeClusterSizeThreshold) ?? defaults.LargeClusterSizeThreshold,
        }, loggerFactory, cancellationToken);
    }
}
