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
    private readonly DynamicResources _dynamic;
    private readonly ILogger _logger;
    private readonly RateLimitingQueue<string> _queue;

    public NamespaceController(ControllerContext context)
    {
        _informers = context.Informers;
        _namespaceInformer = context.Informers.InformerFor<V1Namespace>();
        _namespaces = context.Client.For<V1Namespace>();
        _dynamic = new DynamicResources(context.Client);
        _logger = context.LoggerFactory.CreateLogger("controller.namespace");
        _queue = new RateLimitingQueue<string>(context.Time);
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
        var remaining = await DeleteContentAsync(name, ct);
        if (remaining.Count > 0)
        {
            // Upstream returns ResourcesRemainingError and requeues; the queue's back-off paces the re-checks.
            throw new NamespaceContentRemainingException(name, remaining);
        }
        await FinalizeAsync(name, ct);
        LogFinalized(_logger, name);
    }

    /// <summary>Deletes everything in the namespace; returns "resource: count" for what is still there afterwards.</summary>
    private async Task<List<string>> DeleteContentAsync(string ns, CancellationToken ct)
    {
        var remaining = new List<string>();
        foreach (var resource in Deletable)
        {
            var names = await _dynamic.ListNamesAsync(resource, ns, ct);
            if (names.Count == 0) continue;
            await Task.WhenAll(names.Select(n => _dynamic.DeleteAsync(resource, ns, n, ct)));
            // Finalizers and graceful deletion may keep objects around: only what the server no longer lists is gone.
            var left = await _dynamic.ListNamesAsync(resource, ns, ct);
            if (left.Count > 0) remaining.Add($"{resource.QualifiedResource}: {left.Count}");
        }
        return remaining;
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
