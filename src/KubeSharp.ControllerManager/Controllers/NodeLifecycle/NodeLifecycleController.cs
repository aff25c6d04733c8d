using System.Collections.Concurrent;
using k8s;
using k8s.Models;
using KubeSharp.Client.Cache;
using KubeSharp.Client.Events;
using KubeSharp.Client.Informers;
using KubeSharp.Client.Queues;
using KubeSharp.Client.Rest;
using KubeSharp.ControllerManager.Shared;
using Microsoft.Extensions.Logging;

namespace KubeSharp.ControllerManager.Controllers.NodeLifecycle;

/// <summary>
/// Upstream's node lifecycle controller (pkg/controller/nodelifecycle, 1.32): every monitor period it checks each
/// node's Lease and Ready heartbeat (<see cref="NodeHealthTracker"/>), sets the conditions of silent nodes to
/// Unknown, and queues unreachable / not-ready nodes for the NoExecute taint that the taint eviction controller acts
/// on, at a rate per zone that shrinks when a zone looks disrupted (<see cref="DisruptionPolicy"/>,
/// <see cref="RateLimitedTimedQueue"/>). Separately, a keyed queue keeps the NoSchedule taints that mirror
/// conditions and spec.unschedulable (upstream's TaintNodesByCondition).
/// </summary>
internal sealed partial class NodeLifecycleController : IController
{
    /// <summary>Where kubelets renew their heartbeat Leases (named after the node).</summary>
    public const string LeaseNamespace = "kube-node-lease";

    /// <summary>upstream's NodeEvictionPeriod: how often the taint queues are worked.</summary>
    private static readonly TimeSpan TaintingPeriod = TimeSpan.FromMilliseconds(100);

    private readonly SharedInformerFactory _informers;
    private readonly SharedInformer<V1Node> _nodeInformer;
    private readonly SharedInformer<V1Lease> _leaseInformer;
    private readonly SharedInformer<V1Pod> _podInformer;
    private readonly ResourceClient<V1Node> _nodes;
    private readonly ResourceClient<V1Pod> _pods;
    private readonly IEventRecorder _recorder;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ControllerManagerOptions _options;
    private readonly RateLimitingQueue<string> _noScheduleQueue;
    private readonly NodeHealthTracker _health;
    private readonly DisruptionPolicy _disruption;

    /// <summary>Zone → its taint queue; written by the monitor loop, read by the tainting loop.</summary>
    private readonly ConcurrentDictionary<string, RateLimitedTimedQueue> _zoneTainters = new(StringComparer.Ordinal);

    /// <summary>Nodes seen by the previous monitor pass, with their zone and uid (monitor loop only).</summary>
    private readonly Dictionary<string, (string Zone, string Uid)> _knownNodes = new(StringComparer.Ordinal);

    /// <summary>Nodes seen for the first time this pass, to be untainted before their first check (monitor loop only).</summary>
    private readonly HashSet<string> _untaintOnFirstSight = new(StringComparer.Ordinal);

    /// <summary>Nodes whose pods could not all be marked not ready; retried next pass (monitor loop only).</summary>
    private readonly HashSet<string> _podsToRetry = new(StringComparer.Ordinal);

    public NodeLifecycleController(ControllerContext context)
    {
        _options = context.Options;
        _informers = context.Informers;
        _nodeInformer = context.Informers.InformerFor<V1Node>();
        _leaseInformer = context.Informers.InformerFor<V1Lease>();
        _podInformer = context.Informers.InformerFor<V1Pod>();
        if (!_podInformer.Cache.HasIndex(Indexes.NodeName)) _podInformer.AddIndex(Indexes.NodeName, Indexes.ByNodeName);
        _nodes = context.Client.For<V1Node>();
        _pods = context.Client.For<V1Pod>();
        _recorder = context.Recorder;
        _time = context.Time;
        _logger = context.LoggerFactory.CreateLogger("controller.nodelifecycle");
        _noScheduleQueue = new RateLimitingQueue<string>(context.Time);
        _health = new NodeHealthTracker(_options.NodeMonitorGracePeriod, _options.NodeStartupGracePeriod);
        _disruption = new DisruptionPolicy(_options.NodeEvictionRate, _options.SecondaryNodeEvictionRate,
            _options.UnhealthyZoneThreshold, _options.LargeClusterSizeThreshold);
        _nodeInformer.AddEventHandler(new ResourceEventHandler<V1Node>
        {
            Added = n => _noScheduleQueue.Add(n.Name()),
            Updated = (_, n) => _noScheduleQueue.Add(n.Name()),
        });
    }

    public string Name => ControllerNames.NodeLifecycle;

    public async Task RunAsync(int workers, CancellationToken ct)
    {
        if (!await _informers.WaitForCacheSyncAsync(ct)) return;
        await Task.WhenAll(
            LoopAsync(_options.NodeMonitorPeriod, MonitorNodeHealthAsync, "monitor", ct),
            LoopAsync(TaintingPeriod, NoExecuteTaintingPassAsync, "tainting", ct),
            QueueWorkers.RunAsync(_noScheduleQueue, workers, NoScheduleTaintingPassAsync, _logger, ct));
    }

    /// <summary>Runs <paramref name="pass"/> every <paramref name="period"/>; a failed pass is logged and the next one tries again.</summary>
    private async Task LoopAsync(TimeSpan period, Func<CancellationToken, Task> pass, string name, CancellationToken ct)
    {
        await Task.Yield();
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await pass(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogPassFailed(_logger, e, name);
            }
            try
            {
                await Task.Delay(period, _time, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Writes the node's taints as <see cref="NodeTaints.Swap"/> computes them, with the node's resourceVersion as
    /// precondition; a conflict re-reads the node and tries again (upstream's SwapNodeControllerTaint). Returns the
    /// node as it now is, or null when it could not be written (the caller retries later).
    /// </summary>
    private async Task<V1Node?> SwapTaintsAsync(V1Node node, IReadOnlyList<V1Taint> add, IReadOnlyList<V1Taint> remove, CancellationToken ct)
    {
        var current = node;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var taints = NodeTaints.Swap(current.Spec?.Taints, add, remove, _time.GetUtcNow().UtcDateTime);
            if (taints == null) return current;
            var patch = KubeSharp.ApiMachinery.Serialization.KubeJson.Serialize(new V1Node
            {
                Metadata = new V1ObjectMeta { ResourceVersion = current.ResourceVersion() },
                Spec = new V1NodeSpec { Taints = taints },
            });
            try
            {
                var written = await _nodes.PatchAsync(null, current.Name(), PatchType.Merge, System.Text.Encoding.UTF8.GetString(patch), ct: ct);
                LogTaintsChanged(_logger, current.Name(), Describe(add), Describe(remove));
                return written;
            }
            catch (KubeApiException e) when (ApiErrors.IsConflict(e))
            {
                current = await _nodes.GetAsync(null, current.Name(), ct);
            }
            catch (KubeApiException e) when (ApiErrors.IsNotFound(e))
            {
                return null;
            }
        }
        return null;
    }

    private static string Describe(IEnumerable<V1Taint> taints) => string.Join(",", taints.Select(t => $"{t.Key}:{t.Effect}"));

    private void RecordNodeEvent(string node, string uid, string reason, string message) =>
        _recorder.Event(new V1ObjectReference { ApiVersion = "v1", Kind = "Node", Name = node, Uid = uid }, EventTypes.Normal, reason, message);

    [LoggerMessage(EventId = 4901, Level = LogLevel.Warning, Message = "Node lifecycle {Pass} pass failed")]
    private static partial void LogPassFailed(ILogger logger, Exception e, string pass);

    [LoggerMessage(EventId = 4902, Level = LogLevel.Information, Message = "Node {Node} taints: added {Added}, removed {Removed}")]
    private static partial void LogTaintsChanged(ILogger logger, string node, string added, string removed);
}
