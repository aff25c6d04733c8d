using k8s;
using k8s.Models;
using KubeSharp.Client;
using KubeSharp.Client.Events;
using KubeSharp.Client.Informers;
using KubeSharp.Client.Queues;
using KubeSharp.Client.Rest;
using KubeSharp.ControllerManager.Shared;
using Microsoft.Extensions.Logging;

namespace KubeSharp.ControllerManager.Controllers.ServiceLb;

/// <summary>
/// The built-in load balancer (k3s ServiceLB style, in place of a cloud provider's service controller): every
/// Service of type LoadBalancer without spec.loadBalancerClass gets status.loadBalancer.ingress = the addresses
/// of the Ready, schedulable nodes (<see cref="LoadBalancerIngress"/>), kept up to date as nodes come, go or change
/// readiness; a Service that stops being a LoadBalancer has its ingress cleared. Keyed by Service; node changes
/// that can move the answer enqueue every LoadBalancer Service.
/// </summary>
internal sealed partial class ServiceLbController : IController
{
    private readonly SharedInformerFactory _informers;
    private readonly SharedInformer<V1Service> _serviceInformer;
    private readonly SharedInformer<V1Node> _nodeInformer;
    private readonly ResourceClient<V1Service> _services;
    private readonly IEventRecorder _recorder;
    private readonly ILogger _logger;
    private readonly RateLimitingQueue<string> _queue;

    public ServiceLbController(ControllerContext context)
    {
        _informers = context.Informers;
        _serviceInformer = context.Informers.InformerFor<V1Service>();
        _nodeInformer = context.Informers.InformerFor<V1Node>();
        _services = context.Client.For<V1Service>();
        _recorder = context.Recorder;
        _logger = context.LoggerFactory.CreateLogger("controller.service-lb");
        _queue = new RateLimitingQueue<string>(context.Time);
        _serviceInformer.AddEventHandler(new ResourceEventHandler<V1Service>
        {
            Added = s => EnqueueIfRelevant(s),
            Updated = (_, s) => EnqueueIfRelevant(s),
        });
        _nodeInformer.AddEventHandler(new ResourceEventHandler<V1Node>
        {
            Added = _ => EnqueueAll(),
            Updated = (o, n) =>
            {
                if (LoadBalancerIngress.Eligible(o) != LoadBalancerIngress.Eligible(n) || !SameAddresses(o, n)) EnqueueAll();
            },
            Deleted = (_, _) => EnqueueAll(),
        });
    }

    public string Name => ControllerNames.ServiceLb;

    public async Task RunAsync(int workers, CancellationToken ct)
    {
        if (!await _informers.WaitForCacheSyncAsync(ct)) return;
        await QueueWorkers.RunAsync(_queue, workers, SyncAsync, _logger, ct);
    }

    private void EnqueueIfRelevant(V1Service service)
    {
        // Ours, or one whose ingress may need clearing; Services with a class are another implementation's.
        if (LoadBalancerIngress.Owns(service) || (string.IsNullOrEmpty(service.Spec?.LoadBalancerClass) && HasIngress(service)))
        {
            _queue.Add(KubeObjects.KeyOf(service));
        }
    }

    private void EnqueueAll()
    {
        foreach (var service in _serviceInformer.Lister.List())
        {
            if (LoadBalancerIngress.Owns(service)) _queue.Add(KubeObjects.KeyOf(service));
        }
    }

    private async Task SyncAsync(string key, CancellationToken ct)
    {
        var (ns, name) = KubeObjects.SplitKey(key);
        var service = _serviceInformer.Lister.Get(ns, name);
        if (service == null || !string.IsNullOrEmpty(service.Spec?.LoadBalancerClass)) return;
        var owned = LoadBalancerIngress.Owns(service);
        var wanted = owned ? LoadBalancerIngress.For(service, _nodeInformer.Lister.List()) : [];
        var current = service.Status?.LoadBalancer?.Ingress;
        if (LoadBalancerIngress.Same(current, wanted)) return;

        var first = !HasIngress(service);
        if (owned && first) _recorder.Event(service, EventTypes.Normal, "EnsuringLoadBalancer", "Ensuring load balancer");
        if (!owned) _recorder.Event(service, EventTypes.Normal, "DeletingLoadBalancer", "Deleting load balancer");
        var copy = KubeObjects.DeepCopy(service);
        copy.Status ??= new V1ServiceStatus();
        copy.Status.LoadBalancer = new V1LoadBalancerStatus { Ingress = wanted.Count == 0 ? null : wanted };
        try
        {
            await _services.UpdateStatusAsync(copy, ct);
        }
        catch (KubeApiException e) when (ApiErrors.IsNotFound(e))
        {
            return;
        }
        catch (KubeApiException e) when (owned && !ApiErrors.IsConflict(e))
        {
            _recorder.Event(service, EventTypes.Warning, "SyncLoadBalancerFailed", $"Error syncing load balancer: {e.Message}");
            throw;
        }
        var ips = string.Join(",", wanted.Select(i => i.Ip));
        LogIngress(_logger, ns!, name, ips.Length == 0 ? "<none>" : ips);
        if (!owned) _recorder.Event(service, EventTypes.Normal, "DeletedLoadBalancer", "Deleted load balancer");
        else if (first) _recorder.Event(service, EventTypes.Normal, "EnsuredLoadBalancer", "Ensured load balancer");
        else _recorder.Event(service, EventTypes.Normal, "UpdatedLoadBalancer", "Updated load balancer with new hosts");
    }

    private static bool HasIngress(V1Service service) => service.Status?.LoadBalancer?.Ingress is { Count: > 0 };

    private static bool SameAddresses(V1Node a, V1Node b)
    {
        var x = a.Status?.Addresses ?? [];
        var y = b.Status?.Addresses ?? [];
        return x.Count == y.Count && x.Zip(y).All(p => p.First.Type == p.Second.Type && p.First.Address == p.Second.Address);
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Service {Namespace}/{Service} load balancer ingress: {Ips}")]
    private static partial void LogIngress(ILogger logger, string @namespace, string service, string ips);
}
