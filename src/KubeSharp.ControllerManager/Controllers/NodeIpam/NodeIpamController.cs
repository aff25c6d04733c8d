using k8s;
using k8s.Models;
using KubeSharp.Client.Events;
using KubeSharp.Client.Informers;
using KubeSharp.Client.Queues;
using KubeSharp.Client.Rest;
using KubeSharp.ControllerManager.Shared;
using Microsoft.Extensions.Logging;

namespace KubeSharp.ControllerManager.Controllers.NodeIpam;

/// <summary>
/// Gives every node a pod CIDR cut from the cluster CIDR (upstream's node IPAM controller with the RangeAllocator,
/// pkg/controller/nodeipam). The allocation lives only in the Node objects: at start the used set is rebuilt from
/// every node's spec.podCIDRs before any worker runs, so a restart never hands out a CIDR twice.
/// Keyed by node name; a node that is gone releases its CIDR.
/// </summary>
internal sealed partial class NodeIpamController : IController
{
    private readonly SharedInformerFactory _informers;
    private readonly SharedInformer<V1Node> _nodeInformer;
    private readonly ResourceClient<V1Node> _nodes;
    private readonly IEventRecorder _recorder;
    private readonly ILogger _logger;
    private readonly RateLimitingQueue<string> _queue;
    private readonly bool _enabled;
    private readonly CidrSet _cidrs;

    /// <summary>What this process believes each node holds (uid and CIDRs), including patches the cache has not shown yet.</summary>
    private readonly Dictionary<string, Assignment> _assigned = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public NodeIpamController(ControllerContext context)
    {
        _informers = context.Informers;
        _nodeInformer = context.Informers.InformerFor<V1Node>();
        _nodes = context.Client.For<V1Node>();
        _recorder = context.Recorder;
        _logger = context.LoggerFactory.CreateLogger("controller.nodeipam");
        _queue = new RateLimitingQueue<string>(context.Time);
        _enabled = context.Options.AllocateNodeCidrs;
        _cidrs = new CidrSet(context.Options.ClusterCidr, context.Options.NodeCidrMaskSize);
        _nodeInformer.AddEventHandler(new ResourceEventHandler<V1Node>
        {
            Added = n => _queue.Add(n.Name()),
            Updated = (_, n) => _queue.Add(n.Name()),
            Deleted = (n, _) => _queue.Add(n.Name()),
        });
    }

    public string Name => ControllerNames.NodeIpam;

    public async Task RunAsync(int workers, CancellationToken ct)
    {
        if (!_enabled)
        {
            // Upstream does not start the controller without --allocate-node-cidrs.
            LogDisabled(_logger);
            return;
        }
        if (!await _informers.WaitForCacheSyncAsync(ct)) return;
        lock (_gate)
        {
            foreach (var node in _nodeInformer.Lister.List()) Occupy(node);
        }
        LogRebuilt(_logger, _cidrs.Used, _cidrs.Capacity);
        await QueueWorkers.RunAsync(_queue, workers, SyncAsync, _logger, ct);
    }

    private async Task SyncAsync(string name, CancellationToken ct)
    {
        var node = _nodeInformer.Lister.Get(null, name);
        string cidr;
        lock (_gate)
        {
            if (node == null || (_assigned.TryGetValue(name, out var held) && held.Uid != node.Uid()))
            {
                // Deleted (or deleted and recreated under the same name): the old object's CIDRs are free again.
                ReleaseLocked(name);
                if (node == null) return;
            }
            if (PodCidrs(node).Count > 0)
            {
                Occupy(node);
                return;
            }
            if (_assigned.TryGetValue(name, out var pending))
            {
                // Allocated by an earlier sync whose patch the cache does not show yet: write the same CIDR again.
                cidr = pending.Cidrs[0];
            }
            else if (_cidrs.AllocateNext() is { } next)
            {
                cidr = next;
                _assigned[name] = new Assignment(node.Uid(), [cidr]);
            }
            else
            {
                RecordStatusChange(name, "CIDRNotAvailable");
                throw new InvalidOperationException($"failed to allocate a pod CIDR for node {name}: cluster CIDR is full");
            }
        }
        await PatchAsync(node, cidr, ct);
    }

    /// <summary>Sets spec.podCIDR(s) with the node's uid as precondition, as upstream's PatchNodeCIDRs does.</summary>
    private async Task PatchAsync(V1Node node, string cidr, CancellationToken ct)
    {
        var patch = KubeSharp.ApiMachinery.Serialization.KubeJson.Serialize(new V1Node
        {
            Metadata = new V1ObjectMeta { Uid = node.Uid() },
            Spec = new V1NodeSpec { PodCIDR = cidr, PodCIDRs = [cidr] },
        });
        try
        {
            await _nodes.PatchAsync(null, node.Name(), PatchType.Merge, System.Text.Encoding.UTF8.GetString(patch), ct: ct);
            LogAllocated(_logger, node.Name(), cidr);
        }
        catch (KubeApiException e) when (ApiErrors.IsNotFound(e) || ApiErrors.IsConflict(e) || ApiErrors.IsInvalid(e))
        {
            // Gone, replaced, or given another CIDR by someone else meanwhile: ours is not in use. The next sync
            // (the node's own events) occupies whatever it really holds. Other errors keep the reservation: the
            // patch may have been applied, and the retry writes the same CIDR.
            lock (_gate) ReleaseLocked(node.Name());
            RecordStatusChange(node.Name(), "CIDRAssignmentFailed");
            throw;
        }
    }

    /// <summary>Marks a node's CIDRs used (start-up rebuild, or nodes that came with one); bad values are logged and skipped.</summary>
    private void Occupy(V1Node node)
    {
        var cidrs = PodCidrs(node);
        if (cidrs.Count == 0) return;
        if (_assigned.TryGetValue(node.Name(), out var held) && !held.Cidrs.SequenceEqual(cidrs)) ReleaseLocked(node.Name());
        foreach (var c in cidrs)
        {
            // Upstream refuses to start on a CIDR outside the cluster CIDR; keeping the others running is kinder.
            if (!_cidrs.Occupy(c)) LogOutOfRange(_logger, node.Name(), c);
        }
        _assigned[node.Name()] = new Assignment(node.Uid(), cidrs);
    }

    private void ReleaseLocked(string name)
    {
        if (!_assigned.Remove(name, out var held)) return;
        foreach (var c in held.Cidrs) _cidrs.Release(c);
        LogReleased(_logger, name, string.Join(",", held.Cidrs));
        // Nodes that found the range full may fit now.
        foreach (var waiting in _nodeInformer.Lister.List().Where(n => PodCidrs(n).Count == 0)) _queue.Add(waiting.Name());
    }

    private void RecordStatusChange(string node, string status) =>
        // upstream's RecordNodeStatusChange: a Normal event on the node, whose uid it fills with the node's name.
        _recorder.Event(new V1ObjectReference { ApiVersion = "v1", Kind = "Node", Name = node, Uid = node }, EventTypes.Normal,
            status, $"Node {node} status is now: {status}");

    private static IReadOnlyList<string> PodCidrs(V1Node node) =>
        node.Spec?.PodCIDRs is { Count: > 0 } list ? [.. list]
        : string.IsNullOrEmpty(node.Spec?.PodCIDR) ? [] : [node.Spec.PodCIDR];

    private sealed record Assignment(string Uid, IReadOnlyList<string> Cidrs);

    [LoggerMessage(EventId = 4801, Level = LogLevel.Information, Message = "Node {Node} was given pod CIDR {Cidr}")]
    private static partial void LogAllocated(ILogger logger, string node, string cidr);

    [LoggerMessage(EventId = 4802, Level = LogLevel.Information, Message = "Released pod CIDR {Cidr} of node {Node}")]
    private static partial void LogReleased(ILogger logger, string node, string cidr);

    [LoggerMessage(EventId = 4803, Level = LogLevel.Warning, Message = "Node {Node} has pod CIDR {Cidr} outside the cluster CIDR; ignored")]
    private static partial void LogOutOfRange(ILogger logger, string node, string cidr);

    [LoggerMessage(EventId = 4804, Level = LogLevel.Information, Message = "Pod CIDRs rebuilt from nodes: {Used} of {Capacity} in use")]
    private static partial void LogRebuilt(ILogger logger, int used, int capacity);

    [LoggerMessage(EventId = 4805, Level = LogLevel.Information, Message = "Node CIDR allocation is off (--allocate-node-cidrs=false)")]
    private static partial void LogDisabled(ILogger logger);
}
