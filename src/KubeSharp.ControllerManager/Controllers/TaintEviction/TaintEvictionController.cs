using k8s;
using k8s.Models;
using KubeSharp.Client;
using KubeSharp.Client.Cache;
using KubeSharp.Client.Events;
using KubeSharp.Client.Informers;
using KubeSharp.Client.Queues;
using KubeSharp.Client.Rest;
using KubeSharp.ControllerManager.Shared;
using Microsoft.Extensions.Logging;

namespace KubeSharp.ControllerManager.Controllers.TaintEviction;

/// <summary>
/// Upstream's taint eviction controller (pkg/controller/tainteviction, the NoExecuteTaintManager, a controller of its
/// own since 1.29): pods bound to a node with NoExecute taints they do not tolerate are deleted at once; pods that
/// tolerate them all for a while (tolerationSeconds) are deleted when the shortest of those runs out, unless the
/// taints go first; tolerations without seconds keep the pod forever. Node events (NoExecute taints changed) and pod
/// events (bound, tolerations changed, deleted) go through two keyed queues; deletions wait on
/// <see cref="TimedEvictions"/>.
/// </summary>
internal sealed partial class TaintEvictionController : IController
{
    private readonly SharedInformerFactory _informers;
    private readonly SharedInformer<V1Node> _nodeInformer;
    private readonly SharedInformer<V1Pod> _podInformer;
    private readonly ResourceClient<V1Pod> _pods;
    private readonly IEventRecorder _recorder;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly RateLimitingQueue<string> _nodeQueue;
    private readonly RateLimitingQueue<string> _podQueue;
    private readonly TimedEvictions _evictions;

    /// <summary>Node → its NoExecute taints, for nodes that have some (upstream's taintedNodes).</summary>
    private readonly Dictionary<string, List<V1Taint>> _taintedNodes = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private CancellationToken _stopping;

    public TaintEvictionController(ControllerContext context)
    {
        _informers = context.Informers;
        _nodeInformer = context.Informers.InformerFor<V1Node>();
        _podInformer = context.Informers.InformerFor<V1Pod>();
        if (!_podInformer.Cache.HasIndex(Indexes.NodeName)) _podInformer.AddIndex(Indexes.NodeName, Indexes.ByNodeName);
        _pods = context.Client.For<V1Pod>();
        _recorder = context.Recorder;
        _time = context.Time;
        _logger = context.LoggerFactory.CreateLogger("controller.tainteviction");
        _nodeQueue = new RateLimitingQueue<string>(context.Time);
        _podQueue = new RateLimitingQueue<string>(context.Time);
        _evictions = new TimedEvictions(context.Time, (key, fireAt) => _ = Task.Run(() => EvictAsync(key, _stopping)));
        _nodeInformer.AddEventHandler(new ResourceEventHandler<V1Node>
        {
            Added = n => { if (NoExecuteTaints(n).Count > 0) _nodeQueue.Add(n.Name()); },
            Updated = (o, n) => { if (!SameTaints(NoExecuteTaints(o), NoExecuteTaints(n))) _nodeQueue.Add(n.Name()); },
            Deleted = (n, _) => _nodeQueue.Add(n.Name()),
        });
        _podInformer.AddEventHandler(new ResourceEventHandler<V1Pod>
        {
            Added = p => { if (!string.IsNullOrEmpty(p.Spec?.NodeName)) _podQueue.Add(KubeObjects.KeyOf(p)); },
            Updated = (o, n) =>
            {
                // Only binding and toleration changes matter (upstream's PodUpdated).
                if (o.Spec?.NodeName == n.Spec?.NodeName && SameTolerations(o.Spec?.Tolerations, n.Spec?.Tolerations)) return;
                _podQueue.Add(KubeObjects.KeyOf(n));
            },
            Deleted = (p, _) => _podQueue.Add(KubeObjects.KeyOf(p)),
        });
    }

    public string Name => ControllerNames.TaintEviction;

    public async Task RunAsync(int workers, CancellationToken ct)
    {
        _stopping = ct;
        try
        {
            if (!await _informers.WaitForCacheSyncAsync(ct)) return;
            await Task.WhenAll(
                QueueWorkers.RunAsync(_nodeQueue, workers, SyncNodeAsync, _logger, ct),
                QueueWorkers.RunAsync(_podQueue, workers, SyncPodAsync, _logger, ct));
        }
        finally
        {
            _evictions.Dispose();
        }
    }

    /// <summary>upstream's handleNodeUpdate: remember the node's NoExecute taints, then decide for each of its pods.</summary>
    private Task SyncNodeAsync(string name, CancellationToken ct)
    {
        var node = _nodeInformer.Lister.Get(null, name);
        var taints = node == null ? [] : NoExecuteTaints(node);
        lock (_gate)
        {
            if (taints.Count == 0) _taintedNodes.Remove(name);
            else _taintedNodes[name] = taints;
        }
        // The map is updated before the pods are listed: a pod bound after this list sees the new taints in SyncPod.
        var now = _time.GetUtcNow();
        foreach (var pod in _podInformer.Lister.ByIndex(Indexes.NodeName, name))
        {
            if (taints.Count == 0) CancelWithEvent(pod.Namespace(), pod.Name());
            else ProcessPodOnNode(pod, taints, now);
        }
        return Task.CompletedTask;
    }

    /// <summary>upstream's handlePodUpdate: a deleted pod's eviction is cancelled; a bound one is judged against its node's taints.</summary>
    private Task SyncPodAsync(string key, CancellationToken ct)
    {
        var (ns, name) = KubeObjects.SplitKey(key);
        var pod = _podInformer.Lister.Get(ns, name);
        if (pod == null)
        {
            CancelWithEvent(ns!, name);
            return Task.CompletedTask;
        }
        if (string.IsNullOrEmpty(pod.Spec?.NodeName)) return Task.CompletedTask;
        List<V1Taint>? taints;
        lock (_gate) _taintedNodes.TryGetValue(pod.Spec.NodeName, out taints);
        // No taints: the node's own sync cancelled whatever was scheduled.
        if (taints != null) ProcessPodOnNode(pod, taints, _time.GetUtcNow());
        return Task.CompletedTask;
    }

    /// <summary>upstream's processPodOnNode.</summary>
    private void ProcessPodOnNode(V1Pod pod, List<V1Taint> taints, DateTimeOffset now)
    {
        // Already being deleted: deleting it again would change nothing (upstream would only repeat the event).
        if (pod.Metadata?.DeletionTimestamp != null) return;
        var key = KubeObjects.KeyOf(pod);
        var (allTolerated, used) = Tolerations.Match(taints, pod.Spec?.Tolerations);
        if (!allTolerated)
        {
            CancelWithEvent(pod.Namespace(), pod.Name());
            LogUntolerated(_logger, pod.Namespace(), pod.Name(), pod.Spec!.NodeName);
            _evictions.Add(key, now, now);
            return;
        }
        if (Tolerations.MinTolerationTime(used) is not { } tolerate)
        {
            // Tolerated forever.
            CancelWithEvent(pod.Namespace(), pod.Name());
            return;
        }
        var fireAt = now + tolerate;
        var startedAt = now;
        if (_evictions.Pending(key) is { } pending)
        {
            // Keep an earlier deadline; a later one (tolerations grew) replaces it, counted from the same start.
            startedAt = pending.CreatedAt;
            if (startedAt + tolerate < fireAt) return;
            CancelWithEvent(pod.Namespace(), pod.Name());
        }
        LogScheduled(_logger, pod.Namespace(), pod.Name(), tolerate.TotalSeconds);
        _evictions.Add(key, startedAt, fireAt);
    }

    private void CancelWithEvent(string ns, string name)
    {
        if (!_evictions.Cancel(KubeObjects.KeyOf(ns, name))) return;
        _recorder.Event(PodRef(ns, name), EventTypes.Normal, "TaintManagerEviction", $"Cancelling deletion of Pod {ns}/{name}");
        LogCancelled(_logger, ns, name);
    }

    private static V1ObjectReference PodRef(string ns, string name) =>
        // upstream records against a reference carrying only kind, namespace and name.
        new() { ApiVersion = "v1", Kind = "Pod", NamespaceProperty = ns, Name = name };

    internal static List<V1Taint> NoExecuteTaints(V1Node node) =>
        (node.Spec?.Taints ?? []).Where(t => t.Effect == "NoExecute").ToList();

    private static bool SameTaints(List<V1Taint> a, List<V1Taint> b) =>
        a.Count == b.Count && a.Zip(b).All(p => p.First.Key == p.Second.Key && p.First.Value == p.Second.Value && p.First.Effect == p.Second.Effect);

    private static bool SameTolerations(IList<V1Toleration>? a, IList<V1Toleration>? b) =>
        (a?.Count ?? 0) == (b?.Count ?? 0) && (a == null || b == null || a.Zip(b).All(p =>
            p.First.Key == p.Second.Key && p.First.OperatorProperty == p.Second.OperatorProperty && p.First.Value == p.Second.Value
            && p.First.Effect == p.Second.Effect && p.First.TolerationSeconds == p.Second.TolerationSeconds));

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Pod {Namespace}/{Pod} does not tolerate the NoExecute taints of node {Node}: evicting now")]
    private static partial void LogUntolerated(ILogger logger, string @namespace, string pod, string node);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Pod {Namespace}/{Pod} will be evicted in {Seconds} s unless its node's NoExecute taints go")]
    private static partial void LogScheduled(ILogger logger, string @namespace, string pod, double seconds);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "Eviction of pod {Namespace}/{Pod} cancelled")]
    private static partial void LogCancelled(ILogger logger, string @namespace, string pod);
}
