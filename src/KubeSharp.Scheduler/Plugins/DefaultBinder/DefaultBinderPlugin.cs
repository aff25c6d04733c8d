using k8s.Models;
using KubeSharp.Scheduler.Framework;

namespace KubeSharp.Scheduler.Plugins.DefaultBinder;

/// <summary>Binds through the pods/binding subresource; the API server sets spec.nodeName and PodScheduled=True.</summary>
public sealed class DefaultBinderPlugin(IPodBinder binder) : IBindPlugin
{
    public string Name => PluginNames.DefaultBinder;

    public Task<Status> BindAsync(CycleState state, V1Pod pod, string nodeName, CancellationToken ct) =>
        binder.BindAsync(pod.Metadata.NamespaceProperty, pod.Metadata.Name, pod.Metadata.Uid, nodeName, ct);
}
