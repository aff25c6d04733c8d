using k8s.Models;
using KubeSharp.Scheduler.Cache;

namespace KubeSharp.Scheduler.Framework;

/// <summary>Decides whether the pod may run on one node. Called concurrently for different nodes: must not mutate shared state.</summary>
public interface IFilterPlugin : IPlugin
{
    Status Filter(CycleState state, V1Pod pod, NodeInfo node);
}
