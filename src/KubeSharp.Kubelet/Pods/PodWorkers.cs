using System.Collections.Concurrent;
using k8s.Models;
using KubeSharp.Client.Cache;
using KubeSharp.Client.Informers;
using KubeSharp.Client.Queues;
using KubeSharp.Client.Rest;
using KubeSharp.Kubelet.Status;
using Microsoft.Extensions.Logging;

namespace KubeSharp.Kubelet.Pods;

/// <summary>
/// Upstream's pod workers: one work item per pod uid, so a pod is never synced twice at once while different pods
/// sync in parallel. The informer, PLEG, back-off timers and the periodic resync only enqueue uids; the sync reads
/// the latest spec from here and decides: run, terminate and confirm deletion, or clean up a pod the API no longer has.
/// </summary>
internal sealed partial class PodWorkers
{
    private readonly ConcurrentDictionary<string, V1Pod> _pods = new();
    private readonly RateLimitingQueue<string> _queue;
    private readonly PodSyncer _syncer;
    private readonly StatusManager _status;
    private readonly KubeClient _client;
    private readonly KubeletOptions _options;
    private readonly ILogger _logger;
    private readonly Lister<V1Pod> _cache;

    public PodWorkers(PodSyncer syncer, StatusManager status, KubeClient client, Lister<V1Pod> cache, KubeletOptions options, TimeProvider time, ILogger logger)
    {
        _cache = cache;
        _syncer = syncer;
        _status = status;
        _client = client;
        _options = options;
        _logger = logger;
        _queue = new RateLimitingQueue<string>(time);
    }

    public IResourceEventHandler<V1Pod> Handler => new ResourceEventHandler<V1Pod>
    {
        Added = Upsert,
        Updated = (old, pod) =>
        {
            if (old.Metadata.Uid != pod.Metadata.Uid && _pods.TryRemove(old.Metadata.Uid, out _)) _queue.Add(old.Metadata.Uid);
            Upsert(pod);
        },
        Deleted = (pod, _) =>
        {
            _pods.TryRemove(pod.Metadata.Uid, out V1Pod? _);
            _queue.Add(pod.Metadata.Uid);
        },
    };

    public void Enqueue(string uid) => _queue.Add(uid);

    public Task RunAsync(CancellationToken ct) => QueueWorkers.RunAsync(_queue, _options.PodWorkers, SyncAsync, _logger, ct);

    private void Upsert(V1Pod pod)
    {
        _pods[pod.Metadata.Uid] = pod;
        _queue.Add(pod.Metadata.Uid);
    }

    private async Task SyncAsync(string uid, CancellationToken ct)
    {
        // Handlers run after the cache is updated, so a uid enqueued by PLEG or the start-up scan may not have been
        // handed to us yet: the informer's cache is the authority on whether the API has the pod. Cleaning up on
        // the handler's view alone would kill pods being adopted.
        if (!_pods.TryGetValue(uid, out var pod) && _cache.List().FirstOrDefault(p => p.Metadata.Uid == uid) is { } cached)
        {
            pod = cached;
            _pods.TryAdd(uid, cached);
        }
        if (pod == null)
        {
            await _syncer.CleanupAsync(uid, ct);
            _status.Forget(uid);
            return;
        }
        if (pod.Metadata.DeletionTimestamp != null)
        {
            await _syncer.TerminateAsync(pod, status => _status.SetAsync(pod, status, ct), ct);
            await ConfirmDeletionAsync(pod, ct);
            return;
        }
        SyncResult result;
        try
        {
            result = await _syncer.SyncPodAsync(pod, ct);
        }
        catch (SyncRetryException e)
        {
            await _status.SetAsync(pod, e.Status, ct);
            throw;
        }
        if (result.Status != null) await _status.SetAsync(pod, result.Status, ct);
        var next = result.RequeueAfter is { } after && after < _options.SyncFrequency ? after : _options.SyncFrequency;
        _queue.AddAfter(uid, next);
    }

    /// <summary>Deletes the pod for good (grace 0) once everything is stopped; the uid precondition spares a successor of the same name.</summary>
    private async Task ConfirmDeletionAsync(V1Pod pod, CancellationToken ct)
    {
        try
        {
            await _client.For<V1Pod>().DeleteAsync(pod.Metadata.NamespaceProperty, pod.Metadata.Name,
                new V1DeleteOptions { GracePeriodSeconds = 0, Preconditions = new V1Preconditions { Uid = pod.Metadata.Uid } }, ct);
            LogDeleted(_logger, pod.Metadata.NamespaceProperty, pod.Metadata.Name);
        }
        catch (KubeApiException e) when (ApiErrors.IsNotFound(e) || ApiErrors.IsConflict(e))
        {
            // Already gone, or a different pod of that name now: nothing of ours to delete.
        }
    }

    [LoggerMessage(EventId = 6401, Level = LogLevel.Information, Message = "Pod {Namespace}/{Name} stopped; deletion confirmed")]
    private static partial void LogDeleted(ILogger logger, string @namespace, string name);
}
