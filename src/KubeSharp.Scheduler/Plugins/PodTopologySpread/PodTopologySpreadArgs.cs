using k8s.Models;

namespace KubeSharp.Scheduler.Plugins.PodTopologySpread;

/// <summary>Upstream PodTopologySpreadArgs (kubescheduler.config.k8s.io/v1).</summary>
public sealed record PodTopologySpreadArgs
{
    public const string SystemDefaulting = "System";
    public const string ListDefaulting = "List";

    /// <summary>"System": upstream's built-in defaults (below); "List": <see cref="DefaultConstraints"/>.</summary>
    public string DefaultingType { get; init; } = SystemDefaulting;

    /// <summary>Constraints for pods that have none, when <see cref="DefaultingType"/> is "List" (no labelSelector allowed).</summary>
    public IReadOnlyList<V1TopologySpreadConstraint> DefaultConstraints { get; init; } = [];

    /// <summary>Upstream's system defaults: hostname maxSkew 3 and zone maxSkew 5, both ScheduleAnyway.</summary>
    public static readonly IReadOnlyList<V1TopologySpreadConstraint> SystemDefaultConstraints =
    [
        new() { TopologyKey = "kubernetes.io/hostname", WhenUnsatisfiable = "ScheduleAnyway", MaxSkew = 3 },
        new() { TopologyKey = "topology.kubernetes.io/zone", WhenUnsatisfiable = "ScheduleAnyway", MaxSkew = 5 },
    ];
}
