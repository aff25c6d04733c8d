using k8s.Models;

namespace KubeSharp.Scheduler.Framework;

/// <summary>Told when a node is chosen (before binding) and when that choice is undone (binding failed).</summary>
public interface IReservePlugin : IPlugin
{
    Status Reserve(CycleState state, V1Pod pod, string nodeName);

    void Unreserve(CycleState state, V1Pod pod, string nodeName);
}
