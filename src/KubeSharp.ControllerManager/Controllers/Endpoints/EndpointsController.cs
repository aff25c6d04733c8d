using k8s;
using k8s.Models;
using KubeSharp.Client;
using KubeSharp.Client.Events;
using KubeSharp.Client.Informers;
using KubeSharp.Client.Queues;
using KubeSharp.Client.Rest;
using KubeSharp.ControllerManager.Shared;
using Microsoft.Extensions.Logging;

namespace KubeSharp.ControllerManager.Controllers.Endpoints;

/// <summary>
/// Keeps the v1 Endpoints object of every Service with a selector (upstream's EndpointController,
/// pkg/controller/endpoint). Keyed by Service "namespace/name": Service events, pod events of the Services that
/// select the pod (before and after a label change) and deletions of Endpoints enqueue it; one sync rebuilds the
/// subsets from the pod cache and writes them only when they differ. Selectorless Services are left to their users.
/// </summary>
internal sealed partial class EndpointsController : IController
{
    /// <summary>Endpoints used as a leader-election lock by old components; upstream never garbage-collects them.</summary>
    private const string LeaderAnnotation = "control-plane.alpha.kubernetes.io/leader";

    private readonly SharedInformerFactory _informers;
    private readonly SharedInformer<V1Service> _serviceInformer;
    private readonly SharedInformer<V1Pod> _podInformer;
    private readonly SharedInformer<V1Endpoints> _endpointsInformer;
    private readonly ResourceClient<V1Endpoints> _endpoints;
    private readonly IEventRecorder _recorder;
    private readonly ILogger _logger;
    private readonly RateLimitingQueue<string> _queue;
    private readonly TriggerTimeTracker _triggerTimes = new();
    private readonly StaleEndpointsTracker _stale = new();

    public EndpointsController(ControllerContext context)
    {
        _informers = context.Informers;
        _serviceInformer = context.Informers.InformerFor<V1Service>();
        _podInformer = context.Informers.InformerFor<V1Pod>();
        _endpointsInformer = context.Informers.InformerFor<V1Endpoints>();
        _endpoints = context.Client.For<V1Endpoints>();
        _recorder = context.Recorder;
        _logger = context.LoggerFactory.CreateLogger("controller.endpoints");
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
        _endpointsInformer.AddEventHandler(new ResourceEventHandler<V1Endpoints>
        {
            // Someone deleted our Endpoints: the sync recreates them if the Service still wants them.
            Deleted = (e, _) => _queue.Add(KubeObjects.KeyOf(e)),
        });
    }

    public string Name => ControllerNames.Endpoints;

    public async Task RunAsync(int workers, CancellationToken ct)
    {
        if (!await _informers.WaitForCacheSyncAsync(ct)) return;
        // upstream's checkLeftoverEndpoints: Endpoints whose Service went away while no controller ran are only
        // noticed by syncing their key once at start.
        foreach (var e in _endpointsInformer.Lister.List())
        {
            if (e.Metadata?.Annotations?.ContainsKey(LeaderAnnotation) != true) _queue.Add(KubeObjects.KeyOf(e));
        }
        await QueueWorkers.RunAsync(_queue, workers, SyncAsync, _logger, ct);
    }

    /// <summary>Services selecting the pod now, and (after a label change) those that selected it before.</summary>
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
