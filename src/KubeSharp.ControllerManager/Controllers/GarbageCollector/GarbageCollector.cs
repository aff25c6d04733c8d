using k8s;
using k8s.Models;
using KubeSharp.ApiMachinery.Resources;
using KubeSharp.Client.Informers;
using KubeSharp.Client.Queues;
using KubeSharp.ControllerManager.Shared;
using Microsoft.Extensions.Logging;

namespace KubeSharp.ControllerManager.Controllers.GarbageCollector;

/// <summary>
/// Deletes objects whose owners are gone and carries out orphan and foreground deletion (upstream's
/// pkg/controller/garbagecollector). Informers on the workload kinds feed a uid graph of ownerReferences; the queue
/// holds uids; one sync per uid decides from live reads, because the graph can lag the API server.
/// </summary>
internal sealed partial class GarbageCollector : IController
{
    /// <summary>metav1.FinalizerOrphanDependents.</summary>
    public const string FinalizerOrphan = "orphan";

    /// <summary>metav1.FinalizerDeleteDependents.</summary>
    public const string FinalizerForeground = "foregroundDeletion";

    private readonly SharedInformerFactory _informers;
    private readonly DynamicResources _dynamic;
    private readonly DependencyGraph _graph = new();
    private readonly ILogger _logger;
    private readonly RateLimitingQueue<string> _queue;

    public GarbageCollector(ControllerContext context)
    {
        _informers = context.Informers;
        _dynamic = new DynamicResources(context.Client);
        _logger = context.LoggerFactory.CreateLogger("controller.garbagecollector");
        _queue = new RateLimitingQueue<string>(context.Time);
        Watch<V1Pod>(context);
        Watch<V1ReplicaSet>(context);
        Watch<V1ReplicationController>(context);
        Watch<V1Deployment>(context);
        Watch<V1DaemonSet>(context);
        Watch<V1StatefulSet>(context);
        Watch<V1Job>(context);
        Watch<V1ControllerRevision>(context);
        Watch<V1ConfigMap>(context);
        Watch<V1Secret>(context);
        Watch<V1Service>(context);
        Watch<V1Endpoints>(context);
        Watch<V1EndpointSlice>(context);
    }

    public string Name => ControllerNames.GarbageCollector;

    public async Task RunAsync(int workers, CancellationToken ct)
    {
        if (!await _informers.WaitForCacheSyncAsync(ct)) return;
        await QueueWorkers.RunAsync(_queue, workers, SyncAsync, _logger, ct);
    }

    private void Watch<T>(ControllerContext context)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var resource = context.Client.For<T>().Resource;
        context.Informers.InformerFor<T>().AddEventHandler(new ResourceEventHandler<T>
        {
            Added = o => Observe(ToNode(resource, o)),
            Updated = (_, o) => Observe(ToNode(resource, o)),
            Deleted = (o, _) => Vanished(o.Uid()),
        });
    }

    private static GraphNode ToNode<T>(ResourceInfo resource, T o)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        new(resource, o.Namespace() ?? "", o.Name(), o.Uid(), o.Metadata.OwnerReferences?.ToArray() ?? [],
            o.Metadata.DeletionTimestamp != null, o.Metadata.Finalizers?.ToArray() ?? []);

    /// <summary>Only objects with owners, or being deleted with one of our finalizers, can need work.</summary>
    private void Observe(GraphNode node)
    {
        var old = _graph.Upsert(node);
        // A dependent that dropped or unblocked its reference may have been the last one a foreground owner waited for.
        foreach (var owner in old?.Owners ?? [])
        {
            if (_graph.Get(owner.Uid) is { BeingDeleted: true } o && o.HasFinalizer(FinalizerForeground)) _queue.Add(o.Uid);
        }
        if (node.Owners.Count > 0 || (node.BeingDeleted && (node.HasFinalizer(FinalizerOrphan) || node.HasFinalizer(FinalizerForeground))))
        {
            _queue.Add(node.Uid);
        }
    }

    /// <summary>
    /// A vanished object may leave its dependents dangling, and may be the last blocking dependent a foreground
    /// owner waits for: both get a sync.
    /// </summary>
    private void Vanished(string uid)
    {
        var old = _graph.Remove(uid);
        foreach (var dependent in _graph.DependentsOf(uid)) _queue.Add(dependent.Uid);
        if (old == null) return;
        foreach (var owner in old.Owners) _queue.Add(owner.Uid);
    }
}
