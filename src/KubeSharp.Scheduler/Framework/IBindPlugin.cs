using k8s.Models;

namespace KubeSharp.Scheduler.Framework;

/// <summary>Binds the pod to the chosen node. The first bind plugin that does not return Skip decides.</summary>
public interface IBindPlugin : IPlugin
{
    Task<Status> BindAsync(CycleState state, V1Pod pod, string nodeName, CancellationToken ct);
}
