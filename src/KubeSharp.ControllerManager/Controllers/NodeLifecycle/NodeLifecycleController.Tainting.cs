using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace KubeSharp.ControllerManager.Controllers.NodeLifecycle;

/// <summary>NoExecute taints through the rate-limited zone queues, and the NoSchedule condition taints.</summary>
internal sealed partial class NodeLifecycleController
{
    private RateLimitedTimedQueue TainterFor(string zone) =>
        _zoneTainters.GetOrAdd(zone, _ => new RateLimitedTimedQueue(_disruption.EvictionRate, _time));

    /// <summary>
    /// upstream's processTaintBaseEviction, from the Ready condition the node reported before this pass: not ready
    /// or unknown queues the node for the matching NoExecute taint (swapping at once when it holds the other one,
    /// since the two mirror one condition); ready removes both.
    /// </summary>
    private async Task ProcessTaintBasedEvictionAsync(V1Node node, V1NodeCondition observed, CancellationToken ct)
    {
        switch (observed.Status)
        {
            case "False":
                if (NodeTaints.Has(node.Spec?.Taints, NodeTaints.Unreachable, NodeTaints.NoExecute))
                {
                    await SwapTaintsAsync(node, [NodeTaints.NotReadyNoExecute()], [NodeTaints.UnreachableNoExecute()], ct);
                }
                else if (MarkNodeForTainting(node, NodeTaints.NotReady))
                {
                    LogQueuedForTaint(_logger, node.Name(), "NotReady");
                }
                break;
            case "Unknown":
                if (NodeTaints.Has(node.Spec?.Taints, NodeTaints.NotReady, NodeTaints.NoExecute))
                {
                    await SwapTaintsAsync(node, [NodeTaints.UnreachableNoExecute()], [NodeTaints.NotReadyNoExecute()], ct);
                }
                else if (MarkNodeForTainting(node, NodeTaints.Unreachable))
                {
                    LogQueuedForTaint(_logger, node.Name(), "Unknown");
                }
                break;
            case "True":
                await MarkNodeAsReachableAsync(node, ct);
                break;
        }
    }

    /// <summary>Queues the node for <paramref name="taintKey"/>; a node that lost the taint meanwhile (removed by hand) is queued afresh.</summary>
    private bool MarkNodeForTainting(V1Node node, string taintKey)
    {
        var tainter = TainterFor(Zones.KeyOf(node));
        if (!NodeTaints.Has(node.Spec?.Taints, taintKey, NodeTaints.NoExecute)) tainter.Remove(node.Name());
        return tainter.Add(node.Name(), node.Uid());
    }

    /// <summary>Removes both NoExecute taints and the node's taint-queue entry (upstream's markNodeAsReachable).</summary>
    private async Task<V1Node?> MarkNodeAsReachableAsync(V1Node node, CancellationToken ct)
    {
        var written = await SwapTaintsAsync(node, [], [NodeTaints.UnreachableNoExecute(), NodeTaints.NotReadyNoExecute()], ct);
        TainterFor(Zones.KeyOf(node)).Remove(node.Name());
        return written;
    }

    /// <summary>
    /// Works every zone's taint queue as far as its bucket allows (upstream's doNoExecuteTaintingPass): a queued node
    /// gets the taint matching its Ready condition now, unless it has recovered.
    /// </summary>
    private async Task NoExecuteTaintingPassAsync(CancellationToken ct)
    {
        foreach (var tainter in _zoneTainters.Values)
        {
            await tainter.TryAsync(async value =>
            {
                var node = _nodeInformer.Lister.Get(null, value.Value);
                if (node == null) return (true, TimeSpan.Zero);
                var ready = NodeHealthTracker.Condition(node, "Ready");
                if (ready == null) return (false, TimeSpan.FromMilliseconds(50));
                (V1Taint Add, V1Taint Opposite) swap;
                switch (ready.Status)
                {
                    case "False":
                        swap = (NodeTaints.NotReadyNoExecute(), NodeTaints.UnreachableNoExecute());
                        break;
                    case "Unknown":
                        swap = (NodeTaints.UnreachableNoExecute(), NodeTaints.NotReadyNoExecute());
                        break;
                    default:
                        // Ready again while it waited: nothing to taint.
                        return (true, TimeSpan.Zero);
                }
                var written = await SwapTaintsAsync(node, [swap.Add], [swap.Opposite], ct);
                return (written != null, TimeSpan.Zero);
            });
        }
    }

    /// <summary>One node's NoSchedule condition taints (upstream's doNoScheduleTaintingPass); a failed write is retried by the queue.</summary>
    private async Task NoScheduleTaintingPassAsync(string name, CancellationToken ct)
    {
        var node = _nodeInformer.Lister.Get(null, name);
        if (node == null) return;
        var (add, remove) = NodeTaints.NoScheduleDiff(node);
        if (add.Count == 0 && remove.Count == 0) return;
        if (await SwapTaintsAsync(node, add, remove, ct) == null)
        {
            throw new InvalidOperationException($"failed to swap the NoSchedule taints of node {name}");
        }
    }

    [LoggerMessage(EventId = 4920, Level = LogLevel.Information, Message = "Node {Node} is {Status}: queued for its NoExecute taint")]
    private static partial void LogQueuedForTaint(ILogger logger, string node, string status);
}
