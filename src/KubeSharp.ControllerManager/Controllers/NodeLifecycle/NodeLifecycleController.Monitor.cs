using k8s;
using k8s.Models;
using KubeSharp.Client;
using KubeSharp.Client.Rest;
using Microsoft.Extensions.Logging;

namespace KubeSharp.ControllerManager.Controllers.NodeLifecycle;

/// <summary>The monitor pass (upstream's monitorNodeHealth): health of every node, then zone disruption.</summary>
internal sealed partial class NodeLifecycleController
{
    /// <summary>upstream's NodeHealthUpdateRetry: status writes that lose a race are retried on a fresh node this often.</summary>
    private const int HealthUpdateRetries = 5;

    private async Task MonitorNodeHealthAsync(CancellationToken ct)
    {
        var nodes = _nodeInformer.Lister.List();
        TrackMembership(nodes);

        var zones = new Dictionary<string, List<V1NodeCondition?>>(StringComparer.Ordinal);
        var latest = new List<V1Node>(nodes.Count);
        foreach (var cached in nodes)
        {
            var checkedNode = await CheckHealthAsync(cached, ct);
            if (checkedNode == null) continue;
            var (node, observed, current) = checkedNode.Value;
            latest.Add(node);
            if (!Zones.ExcludedFromDisruption(node))
            {
                var zone = Zones.KeyOf(node);
                if (!zones.TryGetValue(zone, out var list)) zones[zone] = list = [];
                list.Add(current);
            }
            if (current == null) continue;
            await ProcessTaintBasedEvictionAsync(node, observed, ct);
            var retry = _podsToRetry.Contains(node.Name());
            var becameNotReady = current.Status != "True" && observed.Status == "True";
            if (becameNotReady)
            {
                // Once, on the transition (upstream's RecordNodeStatusChange).
                RecordNodeEvent(node.Name(), node.Uid(), "NodeNotReady", $"Node {node.Name()} status is now: NodeNotReady");
            }
            if (becameNotReady || (retry && observed.Status != "True"))
            {
                if (!await MarkPodsNotReadyAsync(node.Name(), ct))
                {
                    _podsToRetry.Add(node.Name());
                    continue;
                }
            }
            _podsToRetry.Remove(node.Name());
        }

        var plan = _disruption.Update(zones);
        if (plan.UntaintAll)
        {
            LogFullDisruption(_logger);
            foreach (var node in latest) await MarkNodeAsReachableAsync(node, ct);
        }
        if (plan.ResetProbes)
        {
            LogDisruptionOver(_logger);
            _health.ResetProbes(_time.GetUtcNow());
        }
        foreach (var (zone, rate) in plan.Rates)
        {
            LogZoneRate(_logger, zone.Replace("\0", "", StringComparison.Ordinal), _disruption.States.GetValueOrDefault(zone).ToString(), rate);
            TainterFor(zone).SwapLimiter(rate);
        }
    }

    /// <summary>Registers new nodes (upstream's classifyNodes + RegisteredNode) and forgets deleted ones.</summary>
    private void TrackMembership(IReadOnlyList<V1Node> nodes)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            seen.Add(node.Name());
            var isKnown = _knownNodes.TryGetValue(node.Name(), out var known);
            if (isKnown && known.Uid != node.Uid())
            {
                // Deleted and registered again between two passes: a new node under an old name.
                _knownNodes.Remove(node.Name());
                _health.Forget(node.Name());
                TainterFor(known.Zone).Remove(node.Name());
                isKnown = false;
            }
            if (isKnown)
            {
                var now = Zones.KeyOf(node);
                if (now != known.Zone)
                {
                    // Relabelled into another zone: its queue entry moves with it at the next taint decision.
                    TainterFor(known.Zone).Remove(node.Name());
                    _knownNodes[node.Name()] = (now, node.Uid());
                }
                continue;
            }
            _knownNodes[node.Name()] = (Zones.KeyOf(node), node.Uid());
            TainterFor(Zones.KeyOf(node));
            RecordNodeEvent(node.Name(), node.Uid(), "RegisteredNode", $"Registered Node {node.Name()} in Controller");
            LogRegistered(_logger, node.Name());
            // As upstream: a node first seen (also every node after a restart or leader change) starts untainted
            // and earns its NoExecute taint again through the grace period. The write is done by its health check.
            _untaintOnFirstSight.Add(node.Name());
        }
        foreach (var (name, (zone, uid)) in _knownNodes.ToList())
        {
            if (seen.Contains(name)) continue;
            _knownNodes.Remove(name);
            _health.Forget(name);
            _podsToRetry.Remove(name);
            TainterFor(zone).Remove(name);
            RecordNodeEvent(name, uid, "RemovingNode", $"Removing Node {name} from Controller");
            LogRemoved(_logger, name);
        }
    }

    /// <summary>
    /// One node's health check, writing Unknown conditions when its grace ran out; a lost write race re-reads the
    /// node and checks again. Returns the node as it now is, the Ready condition it had (observed) and has (current),
    /// or null when it is gone or could not be updated (the next pass tries again).
    /// </summary>
    private async Task<(V1Node Node, V1NodeCondition Observed, V1NodeCondition? Current)?> CheckHealthAsync(V1Node cached, CancellationToken ct)
    {
        var node = cached;
        if (_untaintOnFirstSight.Remove(node.Name()))
        {
            node = await MarkNodeAsReachableAsync(node, ct) ?? node;
        }
        for (var attempt = 0; ; attempt++)
        {
            var lease = _leaseInformer.Lister.Get(LeaseNamespace, node.Name());
            var result = _health.Observe(node, lease, _time.GetUtcNow());
            if (!result.Expired) return (node, result.Observed, NodeHealthTracker.Condition(node, "Ready"));
            // Copied only now: most passes change nothing, and a copy per node per pass adds up on large clusters.
            var copy = KubeObjects.DeepCopy(node);
            if (!NodeHealthTracker.MarkUnknown(copy, _time.GetUtcNow())) return (node, result.Observed, NodeHealthTracker.Condition(node, "Ready"));
            try
            {
                var updated = await _nodes.UpdateStatusAsync(copy, ct);
                LogMarkedUnknown(_logger, node.Name(), result.Observed.Status);
                return (updated, result.Observed, NodeHealthTracker.Condition(updated, "Ready"));
            }
            catch (KubeApiException e) when (attempt + 1 < HealthUpdateRetries && ApiErrors.IsConflict(e))
            {
                node = await _nodes.GetAsync(null, node.Name(), ct);
            }
            catch (KubeApiException e) when (ApiErrors.IsNotFound(e))
            {
                return null;
            }
            catch (KubeApiException e)
            {
                LogStatusFailed(_logger, e, node.Name());
                return null;
            }
        }
    }

    [LoggerMessage(EventId = 4910, Level = LogLevel.Information, Message = "Node {Node} registered in the node lifecycle controller")]
    private static partial void LogRegistered(ILogger logger, string node);

    [LoggerMessage(EventId = 4911, Level = LogLevel.Information, Message = "Node {Node} removed from the node lifecycle controller")]
    private static partial void LogRemoved(ILogger logger, string node);

    [LoggerMessage(EventId = 4912, Level = LogLevel.Warning, Message = "Node {Node} stopped posting status (Ready was {Was}); conditions set to Unknown")]
    private static partial void LogMarkedUnknown(ILogger logger, string node, string was);

    [LoggerMessage(EventId = 4913, Level = LogLevel.Warning, Message = "Could not write the status of node {Node}")]
    private static partial void LogStatusFailed(ILogger logger, Exception e, string node);

    [LoggerMessage(EventId = 4914, Level = LogLevel.Warning, Message = "Every node is not ready: entering full disruption mode, NoExecute taints removed and tainting stopped")]
    private static partial void LogFullDisruption(ILogger logger);

    [LoggerMessage(EventId = 4915, Level = LogLevel.Information, Message = "Some nodes are ready again: leaving full disruption mode")]
    private static partial void LogDisruptionOver(ILogger logger);

    [LoggerMessage(EventId = 4916, Level = LogLevel.Information, Message = "Zone \"{Zone}\" is now {State}; taint rate {Rate}/s")]
    private static partial void LogZoneRate(ILogger logger, string zone, string state, double rate);
}
