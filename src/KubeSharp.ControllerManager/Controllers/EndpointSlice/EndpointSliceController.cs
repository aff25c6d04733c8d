using k8s;
using k8s.Models;
using KubeSharp.Client;
using KubeSharp.Client.Informers;
using KubeSharp.Client.Queues;
using KubeSharp.Client.Rest;
using KubeSharp.ControllerManager.Shared;
using Microsoft.Extensions.Logging;

namespace KubeSharp.ControllerManager.Controllers.EndpointSlice;

/// <summary>
/// Keeps discovery.k8s.io/v1 EndpointSlices for every Service with a selector (upstream's EndpointSlice
/// controller, pkg/controller/endpointslice and staging endpointslice reconciler). Keyed by Service; slices carry
/// kubernetes.io/service-name, the managed-by label and a controller reference to the Service, which lets the
/// garbage collector remove them with it. Existing slices are updated in place where possible (minimal churn).
/// </summary>
internal sealed partial class EndpointSliceController : IController
{
    /// <summary>discovery.LabelServiceName.</summary>
    public const string ServiceNameLabel = "kubernetes.io/service-name";

    /// <summary>discovery.LabelManagedBy.</summary>
    public const string ManagedByLabel = "endpointslice.kubernetes.io/managed-by";

    /// <summary>The managed-by value of this controller (upstream's ControllerName).</summary>
    public const string ControllerName = "endpointslice-controller.k8s.io";

    private readonly SharedInformerFactory _informers;
    private readonly SharedInformer<V1Service> _serviceInformer;
    private readonly SharedInformer<V1Pod> _podInformer;
    private readonly SharedInformer<V1Node> _nodeInformer;
    private readonly SharedInformer<V1EndpointSlice> _sliceInformer;
    private readonly ResourceClient<V1EndpointSlice> _slices;
    private readonly ILogger _logger;
    private readonly RateLimitingQueue<string> _queue;
    private readonly TriggerTimeTracker _triggerTimes = new();
    private readonly SliceTracker _tracker = new();
    private readonly int _maxEndpointsPerSlice;

    public EndpointSliceController(ControllerContext context)
    {
        _maxEndpointsPerSlice = context.Options.MaxEndpointsPerSlice;
        if (_maxEndpointsPerSlice is < 1 or > 1000) throw new ArgumentException("MaxEndpointsPerSlice must be between 1 and 1000");
        _informers = context.Informers;
        _serviceInformer = context.Informers.InformerFor<V1Service>();
        _podInformer = context.Informers.InformerFor<V1Pod>();
        _nodeInformer = context.Informers.InformerFor<V1Node>();
        _sliceInformer = context.Informers.InformerFor<V1EndpointSlice>();
        _slices = context.Client.For<V1EndpointSlice>();
        _logger = context.LoggerFactory.CreateLogger("controller.endpointslice");
        _queue = new RateLimitingQueue<string>(context.Time);
        _serviceInformer.AddEventHandler(new ResourceEventHandler<V1Service>
        {
            Added = s => _queue.Add(KubeObjects.KeyOf(s)),
            Updated = (_, s) => _queue.Add(KubeObjects.KeyOf(s)),
            Deleted = (s, _) => _queue.Add(KubeObjects.KeyOf(s)),
        });
        _podInformer.AddEventHandler(new ResourceEventHandler<V1Pod>
        {
            Added = p => EnqueueServicesOf(p, null),
            Updated = (old, cur) =>
            {
                if (old.ResourceVersion() != cur.ResourceVersion()) EnqueueServicesOf(cur, old);
            },
            Deleted = (p, _) => EnqueueServicesOf(p, null),
        });
        _nodeInformer.AddEventHandler(new ResourceEventHandler<V1Node>
        {
            // Pods on a node not yet known were left out (and their Services retried with back-off); pick them up
            // as soon as the node registers instead of after the back-off.
            Added = OnNodeAdded,
        });
        _sliceInformer.AddEventHandler(new ResourceEventHandler<V1EndpointSlice>
        {
            Added = OnSliceChanged,
            Updated = (old, cur) =>
            {
                // A slice moved to another Service by a label edit: both Services need a look.
                if (ServiceKeyOf(old) != ServiceKeyOf(cur) && ServiceKeyOf(old) is { } previous) _queue.Add(previous);
                OnSliceChanged(cur);
            },
            Deleted = (s, _) =>
            {
                if (ServiceKeyOf(s) is { } key && !_tracker.HandleDeletion(key, s)) _queue.Add(key);
            },
        });
    }

    public string Name => ControllerNames.EndpointSlice;

    public async Task RunAsync(int workers, CancellationToken ct)
    {
        if (!await _informers.WaitForCacheSyncAsync(ct)) return;
        await QueueWorkers.RunAsync(_queue, workers, SyncAsync, _logger, ct);
    }

    /// <summary>Slices of ours changed by someone else (or not yet known) get their Service re-synced.</summary>
    private void OnSliceChanged(V1EndpointSlice slice)
    {
        if (ServiceKeyOf(slice) is { } key && _tracker.ShouldSync(key, slice)) _queue.Add(key);
    }

    /// <summary>"namespace/service" of a slice managed by this controller, from its service-name label.</summary>
    private static string? ServiceKeyOf(V1EndpointSlice slice)
    {
        var labels = slice.Metadata?.Labels;
        if (labels == null || !labels.TryGetValue(ManagedByLabel, out var by) || by != ControllerName) return null;
        return labels.TryGetValue(ServiceNameLabel, out var service) && service.Length > 0 ? KubeObjects.KeyOf(slice.Namespace(), service) : null;
    }

    private void OnNodeAdded(V1Node node)
    {
        // During the initial list every Service is synced anyway.
        if (!_podInformer.HasSynced) return;
        foreach (var pod in _podInformer.Lister.List().Where(p => p.Spec?.NodeName == node.Name())) EnqueueServicesOf(pod, null);
    }

    private void EnqueueServicesOf(V1Pod pod, V1Pod? old)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in ServicePods.Selecting(_serviceInformer.Lister, pod.Namespace(), pod.Metadata?.Labels)) keys.Add(KubeObjects.KeyOf(s));
        if (old != null)
        {
            foreach (var s in ServicePods.Selecting(_serviceInformer.Lister, old.Namespace(), old.Metadata?.Labels)) keys.Add(KubeObjects.KeyOf(s));
        }
        foreach (var k in keys) _queue.Add(k);
    }
}
