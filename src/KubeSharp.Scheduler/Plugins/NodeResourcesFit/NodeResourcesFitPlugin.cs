using k8s.Models;
using KubeSharp.Scheduler.Cache;
using KubeSharp.Scheduler.Framework;

namespace KubeSharp.Scheduler.Plugins.NodeResourcesFit;

/// <summary>
/// Filter: the pod's requests must fit in allocatable minus what the node's pods request (upstream fitsRequest,
/// with its reasons and their order: pods count, cpu, memory, ephemeral-storage, extended resources).
/// Score: the configured strategy (default LeastAllocated over cpu and memory, weight 1 each); cpu and memory
/// count with upstream's non-zero defaults so request-less pods still spread.
/// </summary>
public sealed class NodeResourcesFitPlugin(NodeResourcesFitArgs args) : IPreFilterPlugin, IFilterPlugin, IScorePlugin
{
    public NodeResourcesFitPlugin()
        : this(new NodeResourcesFitArgs())
    {
    }

    public const string ReasonTooManyPods = "Too many pods";

    public string Name => PluginNames.NodeResourcesFit;

    public static string ReasonInsufficient(string resource) => "Insufficient " + resource;

    public Status PreFilter(CycleState state, V1Pod pod)
    {
        state.Write(PodRequestState.Key, new PodRequestState(PodResources.Requests(pod), PodResources.NonZeroRequests(pod)));
        return Status.Success;
    }

    public Status Filter(CycleState state, V1Pod pod, NodeInfo node)
    {
        // Runs for every node of every attempt: the list of reasons is only allocated for a node that does not fit.
        var request = RequestsOf(state, pod).Requests;
        List<string>? reasons = null;
        if (node.Pods.Count + 1 > node.Allocatable.AllowedPodNumber) (reasons ??= new(1)).Add(ReasonTooManyPods);
        if (!request.IsZero)
        {
            var free = node.Allocatable;
            var used = node.Requested;
            if (request.MilliCpu > 0 && request.MilliCpu > free.MilliCpu - used.MilliCpu) (reasons ??= new(1)).Add(ReasonInsufficient(Resource.Cpu));
            if (request.Memory > 0 && request.Memory > free.Memory - used.Memory) (reasons ??= new(1)).Add(ReasonInsufficient(Resource.MemoryName));
            if (request.EphemeralStorage > 0 && request.EphemeralStorage > free.EphemeralStorage - used.EphemeralStorage)
            {
                (reasons ??= new(1)).Add(ReasonInsufficient(Resource.EphemeralStorageName));
            }
            if (request.Scalars.Count > 0)
            {
                foreach (var name in request.Scalars.Keys.Order(StringComparer.Ordinal))
                {
                    if (Ignored(name)) continue;
                    if (request.Scalars[name] > free.Get(name) - used.Get(name)) (reasons ??= new(1)).Add(ReasonInsufficient(name));
                }
            }
        }
        return reasons == null ? Status.Success : new Status(StatusCode.Unschedulable, reasons);
    }

    public (long Score, Status Status) Score(CycleState state, V1Pod pod, NodeInfo node)
    {
        var requests = RequestsOf(state, pod);
        var resources = args.ScoringStrategy.Resources;
        Span<long> requested = stackalloc long[resources.Count];
        Span<long> allocatable = stackalloc long[resources.Count];
        for (var i = 0; i < resources.Count; i++)
        {
            var name = resources[i].Name;
            // A resource the node does not report is left out rather than scored zero (upstream skips alloc == 0).
            var alloc = node.Allocatable.Get(name);
            if (alloc == 0) continue;
            allocatable[i] = alloc;
            requested[i] = name is Resource.Cpu or Resource.MemoryName
                ? node.NonZeroRequested.Get(name) + requests.NonZeroRequests.Get(name)
                : node.Requested.Get(name) + requests.Requests.Get(name);
        }
        return (ResourceScorer.Score(args.ScoringStrategy, requested, allocatable), Status.Success);
    }

    private bool Ignored(string name)
    {
        if (args.IgnoredResources.Contains(name)) return true;
        var slash = name.IndexOf('/');
        return slash > 0 && args.IgnoredResourceGroups.Contains(name[..slash]);
    }

    private static PodRequestState RequestsOf(CycleState state, V1Pod pod) =>
        state.Read<PodRequestState>(PodRequestState.Key)
        ?? new PodRequestState(PodResources.Requests(pod), PodResources.NonZeroRequests(pod));
}
