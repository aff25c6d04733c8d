using k8s.Models;

namespace KubeSharp.Scheduler.Framework;

/// <summary>Runs once per scheduling attempt before filtering; may precompute state or reject the pod outright.</summary>
public interface IPreFilterPlugin : IPlugin
{
    Status PreFilter(CycleState state, V1Pod pod);
}
