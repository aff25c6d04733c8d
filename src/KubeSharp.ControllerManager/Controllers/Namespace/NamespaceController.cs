using k8s;
using k8s.Models;
using KubeSharp.ApiMachinery.Resources;
using KubeSharp.ApiMachinery.Serialization;
using KubeSharp.Client;
using KubeSharp.Client.Informers;
using KubeSharp.Client.Queues;
using KubeSharp.Client.Rest;
using KubeSharp.ControllerManager.Shared;
using Microsoft.Extensions.Logging;

namespace KubeSharp.ControllerManager.Controllers.Namespace;

/// <summary>
/// Empties a Terminating namespace and then finalizes it (upstream's NamespaceController and
/// NamespacedResourcesDeleter): deletes every object of every namespaced resource that supports list and delete,
/// waits (requeue with back-off) until none is left, then removes "kubernetes" from spec.finalizers through the
/// finalize subresource, after which the API server removes the namespace.
/// Pods are deleted normally, as upstream does: a pod bound to a node stays (Terminating) until its kubelet
/// confirms it stopped, so the namespace waits for the kubelet; unbound pods are removed by the API server at once.
/// </summary>
internal sealed partial class NamespaceController : IController
{
    /// <summary>The finalizer this controller owns (corev1.FinalizerKubernetes).</summary>
    public const string FinalizerKubernetes = "kubernetes";

    private static readonly ResourceInfo[] Deletable = ResourceTable.Resources
        .Where(r => r.Namespaced && r.HasVerb("list") && r.HasVerb("delete"))
        .ToArray();

    private readonly SharedInformerFactory _informers;
    private readonly SharedInformer<V1Namespace> _namespaceInformer;
    private readonly ResourceClient<V1Namespace> _namespaces;
    private readonly TimeProvider _time;
    private readonly DynamicResources _dynamic;
    private readonly ILogger _logger;
    private readonly RateLimitingQueue<string> _queue;

    public NamespaceController(ControllerContext context)
    {
        _informers = context.Informers;
        _namespaceInformer = context.Informers.InformerFor<V1Namespace>();
        _namespaces = context.Client.For<V1Namespace>();
        _time = context.Time;
        _dynamic = new DynamicResources(context.Client);
        _logger = context.LoggerFactory.CreateLogger("controller.namespace");
        // Upstream's nsControllerRateLimiter: back-off capped at 60 s (not 1000 s), so a namespace waiting for
        // kubelets to stop its pods is re-checked soon after they do.
        _queue = new RateLimitingQueue<string>(context.Time, new MaxOfRateLimiter<string>(
            new ItemExponentialFailureRateLimiter<string>(TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(60)),
            new BucketRateLimiter<string>(10, 100, context.Time)));
        _namespaceInformer.AddEventHandler(new ResourceEventHandler<V1Namespace>
        {
            Added = Enqueue,
            Updated = (_, cur) => Enqueue(cur),
        });
    }

    public string Name => ControllerNames.Namespace;

    public async Task RunAsync(int workers, CancellationToken ct)
    {
        if (!await _informers.WaitForCacheSyncAsync(ct)) return;
        await QueueWorkers.RunAsync(_queue, workers, SyncAsync, _logger, ct);
    }

    private void Enqueue(V1Namespace ns)
    {
        if (ns.Metadata?.DeletionTimestamp != null) _queue.Add(ns.Name());
    }

    private async Task SyncAsync(string name, CancellationToken ct)
    {
        var cached = _namespaceInformer.Lister.Get(null, name);
        if (cached?.Metadata?.DeletionTimestamp == null || !HasFinalizer(cached)) return;
        var result = await DeleteContentAsync(name, ct);
        await UpdateConditionsAsync(name, result, ct);
        if (!result.Empty)
        {
            // Upstream returns ResourcesRemainingError and requeues; the queue's back-off paces the re-checks.
            throw new NamespaceContentRemainingException(name, [.. result.Remaining.Keys, .. result.Failures]);
        }
        await FinalizeAsync(name, ct);
        LogFinalized(_logger, name);
    }

    /// <summary>Removes our finalizer from a fresh copy via PUT namespaces/{name}/finalize; conflicts retry the sync.</summary>
    private async Task FinalizeAsync(string name, CancellationToken ct)
    {
        V1Namespace fresh;
        try
        {
            fresh = await _namespaces.GetAsync(null, name, ct);
        }
        catch (KubeApiException e) when (ApiErrors.IsNotFound(e))
        {
            return;
        }
        if (!HasFinalizer(fresh)) return;
        fresh.Spec.Finalizers = fresh.Spec.Finalizers.Where(f => f != FinalizerKubernetes).ToList();
        try
        {
            await _dynamic.PutAsync($"/api/v1/namespaces/{Uri.EscapeDataString(name)}/finalize", KubeJson.Serialize(fresh), ct);
        }
        catch (KubeApiException e) when (ApiErrors.IsNotFound(e))
        {
            // Removed meanwhile.
        }
    }

    private static bool HasFinalizer(V1Namespace ns) => ns.Spec?.Finalizers?.Contains(FinalizerKubernetes) == true;

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Namespace {Namespace} is empty; finalized")]
    private static partial void LogFinalized(ILogger logger, string @namespace);
}
