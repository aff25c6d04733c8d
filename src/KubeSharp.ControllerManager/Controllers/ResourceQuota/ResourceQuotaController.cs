using k8s;
using k8s.Models;
using KubeSharp.ApiMachinery.Quota;
using KubeSharp.ApiMachinery.Resources;
using KubeSharp.Client;
using KubeSharp.Client.Informers;
using KubeSharp.Client.Queues;
using KubeSharp.Client.Rest;
using KubeSharp.ControllerManager.Shared;
using Microsoft.Extensions.Logging;

namespace KubeSharp.ControllerManager.Controllers.ResourceQuota;

/// <summary>
/// Keeps every ResourceQuota's status (upstream's resourcequota controller, pkg/controller/resourcequota):
/// status.hard mirrors spec.hard and status.used is recalculated from the namespace's objects, measured by the same
/// <see cref="IQuotaEvaluator"/>s as the API server's quota admission. A quota is recalculated when it is added or
/// its spec.hard changes, when an object it counts is deleted or changes what it uses (a pod finishing), and on a
/// periodic full resync. Creates are not watched: admission has already charged them.
/// </summary>
internal sealed partial class ResourceQuotaController : IController
{
    /// <summary>upstream's --resource-quota-sync-period.</summary>
    internal static readonly TimeSpan FullResyncPeriod = TimeSpan.FromMinutes(5);

    private readonly SharedInformerFactory _informers;
    private readonly SharedInformer<V1ResourceQuota> _quotaInformer;
    private readonly ResourceClient<V1ResourceQuota> _quotas;
    private readonly DynamicResources _dynamic;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly RateLimitingQueue<string> _queue;

    /// <summary>Namespace → objects of a resource, for the resources read from informers; others are listed per sync.</summary>
    private readonly Dictionary<ResourceInfo, Func<string, IEnumerable<object>>> _listers = [];

    public ResourceQuotaController(ControllerContext context)
    {
        _informers = context.Informers;
        _quotas = context.Client.For<V1ResourceQuota>();
        _dynamic = new DynamicResources(context.Client);
        _time = context.Time;
        _logger = context.LoggerFactory.CreateLogger("controller.resourcequota");
        _queue = new RateLimitingQueue<string>(_time);
        _quotaInformer = context.Informers.InformerFor<V1ResourceQuota>();
        _quotaInformer.AddEventHandler(new ResourceEventHandler<V1ResourceQuota>
        {
            Added = q => Enqueue(q),
            // Status writes (ours and admission's charges) are not a reason to recalculate; a new spec.hard is.
            Updated = (old, cur) =>
            {
                if (!ResourceLists.Equal(old.Spec?.Hard, cur.Spec?.Hard)) Enqueue(cur);
            },
            // A quota is itself counted (resourcequotas, count/resourcequotas) by the other quotas of its namespace.
            Deleted = (q, _) => Replenish(QuotaEvaluators.For(Resource<V1ResourceQuota>())!, q.Namespace()),
        });
        Watch<V1Pod>(UsageChanged);
        Watch<V1Service>(UsageChanged);
        Watch<V1PersistentVolumeClaim>(UsageChanged);
        Watch<V1ConfigMap>(null);
        Watch<V1Secret>(null);
        Watch<V1ReplicationController>(null);
        _listers[Resource<V1ResourceQuota>()] = ns => _quotaInformer.Lister.List(ns);
    }

    public string Name => ControllerNames.ResourceQuota;

    public async Task RunAsync(int workers, CancellationToken ct)
    {
        if (!await _informers.WaitForCacheSyncAsync(ct)) return;
        var resync = Task.Run(() => ResyncLoopAsync(ct), CancellationToken.None);
        await QueueWorkers.RunAsync(_queue, workers, SyncAsync, _logger, ct);
        await resync;
    }

    /// <summary>Every quota is recalculated once per period, which also catches what no event announces (a pod
    /// whose deletion grace period ran out, a deleted object of a kind without an informer here).</summary>
    private async Task ResyncLoopAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(FullResyncPeriod, _time, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            foreach (var q in _quotaInformer.Lister.List()) Enqueue(q);
        }
    }

    private void Enqueue(V1ResourceQuota quota) => _queue.Add(KubeObjects.KeyOf(quota));

    /// <summary>Registers an informer for a counted kind: deletes, and updates that change usage, recalculate the
    /// quotas of its namespace that limit something the kind uses.</summary>
    private void Watch<T>(Func<IQuotaEvaluator, T, T, bool>? usageChanged)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var resource = Resource<T>();
        var evaluator = QuotaEvaluators.For(resource)!;
        var informer = _informers.InformerFor<T>();
        _listers[resource] = ns => informer.Lister.List(ns);
        informer.AddEventHandler(new ResourceEventHandler<T>
        {
            Updated = (old, cur) =>
            {
                if (usageChanged != null && old.ResourceVersion() != cur.ResourceVersion() && usageChanged(evaluator, old, cur))
                {
                    Replenish(evaluator, cur.Namespace());
                }
            },
            Deleted = (obj, _) => Replenish(evaluator, obj.Namespace()),
        });
    }

    private bool UsageChanged<T>(IQuotaEvaluator evaluator, T old, T cur)
        where T : class =>
        !ResourceLists.Equal(evaluator.Usage(old, _time.GetUtcNow()), evaluator.Usage(cur, _time.GetUtcNow()));

    private void Replenish(IQuotaEvaluator evaluator, string? ns)
    {
        if (string.IsNullOrEmpty(ns)) return;
        foreach (var quota in _quotaInformer.Lister.List(ns))
        {
            if (QuotaMatching.TrackedNames(evaluator, quota.Status?.Hard).Count > 0) Enqueue(quota);
        }
    }

    private static ResourceInfo Resource<T>() => ModelResources.For(typeof(T))!;
}
