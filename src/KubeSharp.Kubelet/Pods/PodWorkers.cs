using System.Collections.Concurrent;
using k8s.Models;
using KubeSharp.Client.Cache;
using KubeSharp.Client.Events;
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
internal sealed partial class PodWorkers : Eviction.IPodEvictor
{
    /// <summary>An eviction asked for by the eviction manager; <see cref="Status"/> is set once the pod is killed.</summary>
    private sealed class EvictionRequest(long graceSeconds, string message, V1PodCondition condition)
    {
        public long GraceSeconds { get; } = graceSeconds;
        public string Message { get; } = message;
        public V1PodCondition Condition { get; } = condition;
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public V1PodStatus? Status { get; set; }
    }

    private readonly ConcurrentDictionary<string, EvictionRequest> _evictions = new();
    private readonly ConcurrentDictionary<string, V1Pod> _pods = new();
    // Admission is decided once per pod, when the kubelet first takes it on (true: admitted, false: rejected).
    private readonly ConcurrentDictionary<string, bool> _admitted = new();
    private readonly RateLimitingQueue<string> _queue;
    private readonly PodSyncer _syncer;
    private readonly StatusManager _status;
    private readonly KubeClient _client;
    private readonly KubeletOptions _options;
    private readonly ILogger _logger;
    private readonly Lister<V1Pod> _cache;

    public PodWorkers(PodSyncer syncer, StatusManager status, KubeClient client, Lister<V1Pod> cache, KubeletOptions options, TimeProvider time, ILogger logger,
        Eviction.EvictionAdmission admission, IEventRecorder recorder)
    {
        _admission = admission;
        _recorder = recorder;
        _cache = cache;
        _syncer = syncer;
        _status = status;
        _client = client;
        _options = options;
        _logger = logger;
        _queue = new RateLimitingQueue<string>(time);
    }

    private readonly Eviction.EvictionAdmission _admission;
    private readonly IEventRecorder _recorder;

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

    /// <summary>Syncs finished (successfully or not) since start (upstream's pod worker duration count).</summary>
    public long Syncs => Interlocked.Read(ref _syncs);

    private long _syncs;

    private async Task SyncAsync(string uid, CancellationToken ct)
    {
        try
        {
            await SyncOnceAsync(uid, ct);
        }
        finally
        {
            Interlocked.Increment(ref _syncs);
        }
    }

    private async Task SyncOnceAsync(string uid, CancellationToken ct)
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
            _evictions.TryRemove(uid, out _);
            _admitted.TryRemove(uid, out _);
            return;
        }
        if (_evictions.TryGetValue(uid, out var eviction) && pod.Metadata.DeletionTimestamp == null)
        {
            if (eviction.Status == null)
            {
                await EvictNowAsync(pod, eviction, ct);
                _queue.AddAfter(uid, _options.SyncFrequency);
                return;
            }
            // Until the informer brings the Failed status back, a sync must not see the stale Running pod (it
            // would start the containers again): it sees the status written at eviction.
            if (pod.Status?.Phase is not ("Succeeded" or "Failed"))
            {
                pod = KubeSharp.Client.KubeObjects.DeepCopy(pod);
                pod.Status = eviction.Status;
            }
        }
        if (pod.Metadata.DeletionTimestamp != null)
        {
            await _syncer.TerminateAsync(pod, status => _status.SetAsync(pod, status, ct), ct);
            await ConfirmDeletionAsync(pod, ct);
            return;
        }
        if (!await AdmitAsync(pod, ct)) return;
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

    /// <summary>
    /// Upstream's HandlePodAdditions admission: a pod the kubelet has not started yet (no start time, still pending)
    /// is checked once; a rejected pod gets phase Failed with the reason and "Pod was rejected: " + message, a
    /// Warning event, and is never started (only its deletion is handled). Pods the kubelet already runs, e.g.
    /// adopted after a restart, are not re-checked: pressure on them is the eviction manager's business.
    /// </summary>
    private async Task<bool> AdmitAsync(V1Pod pod, CancellationToken ct)
    {
        var uid = pod.Metadata.Uid;
        if (_admitted.TryGetValue(uid, out var admitted)) return admitted;
        var isNew = pod.Status?.StartTime == null && pod.Status?.Phase is null or "" or "Pending";
        if (!isNew || _admission.Admit(pod) is not { } rejection)
        {
            _admitted[uid] = true;
            return true;
        }
        _admitted[uid] = false;
        _recorder.Event(pod, EventTypes.Warning, rejection.Reason, rejection.Message);
        LogRejected(_logger, pod.Metadata.NamespaceProperty, pod.Metadata.Name, rejection.Reason, rejection.Message);
        await _status.SetAsync(pod, new V1PodStatus
        {
            Phase = "Failed",
            Reason = rejection.Reason,
            Message = "Pod was rejected: " + rejection.Message,
            QosClass = QosClass.Of(pod),
        }, ct);
        return false;
    }

    /// <summary>
    /// Whether the kubelet has admitted the pod (upstream's active pods are those its pod manager admitted): a pod
    /// rejected at admission, or one no worker has looked at yet, is not the eviction manager's to rank. The informer
    /// may still show a just-rejected pod as Pending for a moment.
    /// </summary>
    public bool IsAdmitted(string uid) => _admitted.TryGetValue(uid, out var admitted) && admitted;

    public async Task EvictAsync(V1Pod pod, long gracePeriodSeconds, string message, V1PodCondition condition, TimeSpan timeout, CancellationToken ct)
    {
        var request = _evictions.GetOrAdd(pod.Metadata.Uid, _ => new EvictionRequest(gracePeriodSeconds, message, condition));
        _queue.Add(pod.Metadata.Uid);
        try
        {
            await request.Done.Task.WaitAsync(timeout, ct);
        }
        catch (TimeoutException)
        {
            // upstream waits for the pod's cleanup with a bound too; the next interval looks again.
            LogEvictionSlow(_logger, pod.Metadata.NamespaceProperty, pod.Metadata.Name);
        }
    }

    /// <summary>Kills the pod with the eviction's grace period and writes phase Failed, reason Evicted (upstream's status function).</summary>
    private async Task EvictNowAsync(V1Pod pod, EvictionRequest eviction, CancellationToken ct)
    {
        var status = await _syncer.KillAsync(pod, eviction.GraceSeconds, ct);
        status.Phase = "Failed";
        status.Reason = "Evicted";
        status.Message = eviction.Message;
        status.Conditions ??= [];
        status.Conditions = status.Conditions.Where(c => c.Type != eviction.Condition.Type).Append(eviction.Condition).ToList();
        eviction.Status = status;
        await _status.SetAsync(pod, status, ct);
        eviction.Done.TrySetResult();
        LogEvicted(_logger, pod.Metadata.NamespaceProperty, pod.Metadata.Name);
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

    [LoggerMessage(EventId = 6404, Level = LogLevel.Warning, Message = "Pod {Namespace}/{Name} rejected: {Reason}: {Message}")]
    private static partial void LogRejected(ILogger logger, string @namespace, string name, string reason, string message);

    [LoggerMessage(EventId = 6402, Level = LogLevel.Information, Message = "Pod {Namespace}/{Name} evicted: containers stopped, status Failed/Evicted written")]
    private static partial void LogEvicted(ILogger logger, string @namespace, string name);

    [LoggerMessage(EventId = 6403, Level = LogLevel.Warning, Message = "Pod {Namespace}/{Name}: eviction not finished within the cleanup timeout")]
    private static partial void LogEvictionSlow(ILogger logger, string @namespace, string name);

    [LoggerMessage(EventId = 6401, Level = LogLevel.Information, Message = "Pod {Namespace}/{Name} stopped; deletion confirmed")]
    private static partial void LogDeleted(ILogger logger, string @namespace, string name);
}
