using System.Text.Json.Nodes;
using k8s.Models;
using KubeSharp.ApiMachinery.Serialization;
using KubeSharp.Client.Informers;
using KubeSharp.Scheduler.Cache;
using KubeSharp.Scheduler.Queue;

namespace KubeSharp.Scheduler;

/// <summary>
/// Node changes update the cache; an added node, or an update to what scheduling looks at (spec, labels,
/// allocatable), moves unschedulable pods back so they are tried again. Heartbeat-only status writes do not.
/// </summary>
internal sealed class NodeEventHandler(SchedulerCache cache, SchedulingQueue queue) : IResourceEventHandler<V1Node>
{
    public void OnAdd(V1Node node)
    {
        cache.AddNode(node);
        queue.MoveAllToActiveOrBackoff();
    }

    public void OnUpdate(V1Node oldNode, V1Node newNode)
    {
        cache.UpdateNode(newNode);
        if (SchedulingPropertiesChanged(oldNode, newNode)) queue.MoveAllToActiveOrBackoff();
    }

    public void OnDelete(V1Node node, bool finalStateUnknown) => cache.RemoveNode(node.Metadata.Name);

    private static bool SchedulingPropertiesChanged(V1Node a, V1Node b) =>
        !Same(a.Spec, b.Spec) || !Same(a.Metadata.Labels, b.Metadata.Labels) || !Same(a.Status?.Allocatable, b.Status?.Allocatable);

    private static bool Same(object? a, object? b) =>
        a == null || b == null ? a == b : JsonNode.DeepEquals(KubeJson.ToNode(a), KubeJson.ToNode(b));
}
