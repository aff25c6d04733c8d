using k8s.Models;
using KubeSharp.Scheduler.Cache;

namespace KubeSharp.Scheduler.Framework;

/// <summary>Runs once before scoring with the feasible nodes; may precompute state or return Skip.</summary>
public interface IPreScorePlugin : IPlugin
{
    Status PreScore(CycleState state, V1Pod pod, IReadOnlyList<NodeInfo> nodes);
}
