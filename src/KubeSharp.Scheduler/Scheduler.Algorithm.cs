using k8s.Models;
using KubeSharp.Client;
using KubeSharp.Scheduler.Cache;
using KubeSharp.Scheduler.Framework;

namespace KubeSharp.Scheduler;

internal sealed partial class Scheduler
{
    public const string NoNodesAvailable = "no nodes available to schedule pods";

    /// <summary>
    /// <see cref="Schedule"/>, then, when the pod fits nowhere, the PostFilter plugins (preemption): their message
    /// completes the FitError's, and a nominated node is kept for the status write.
    /// </summary>
    internal async Task<ScheduleResult> ScheduleAsync(V1Pod pod, CancellationToken ct)
    {
        var result = Schedule(pod);
        var framework = ProfileFor(pod)!.Framework;
        if (result.FitError is not { } fit || result.Nodes is not { } nodes || framework.PostFilters.Count == 0) return result;
        var input = new PostFilterInput(nodes, fit.NodeStatuses, framework.RunFilter)
        {
            AddPod = framework.RunPreFilterAddPod,
            RemovePod = framework.RunPreFilterRemovePod,
        };
        var post = await framework.RunPostFilterAsync(result.State, pod, input, ct);
        fit.PostFilterMessage = post.Status.IsSuccess ? null : post.Status.Message;
        if (post.NominatedNodeName is { } node) SchedulerLog.Nominated(_logger, KubeObjects.KeyOf(pod), node);
        return result with { NominatedNodeName = post.NominatedNodeName };
    }

    /// <summary>Upstream schedulePod: PreFilter, Filter (in parallel, until enough nodes fit), then Score and pick the best.</summary>
    internal ScheduleResult Schedule(V1Pod pod)
    {
        var framework = ProfileFor(pod)?.Framework ?? throw new InvalidOperationException($"no profile for scheduler {pod.Spec?.SchedulerName}");
        var snapshot = _cache.UpdateSnapshot();
        var nodes = snapshot.Nodes;
        var state = new CycleState
        {
            Nodes = nodes,
            NodesWithImages = snapshot.WithImages,
        };
        if (nodes.Count == 0) return new ScheduleResult(null, null, Status.Error(NoNodesAvailable), state);
        var pre = framework.RunPreFilter(state, pod);
        if (pre.Code == StatusCode.Error) return new ScheduleResult(null, null, pre, state);
        if (!pre.IsSuccess)
        {
            var all = nodes.ToDictionary(n => n.Name, _ => pre, StringComparer.Ordinal);
            return new ScheduleResult(null, new FitError(nodes.Count, all, pre.Message), null, state) { Nodes = nodes };
        }
        var (feasible, rejected, error) = FindFeasibleNodes(framework, state, pod, nodes);
        if (error != null) return new ScheduleResult(null, null, error, state);
        if (feasible.Count == 0)
        {
            return new ScheduleResult(null, new FitError(nodes.Count, rejected), null, state) { Nodes = nodes };
        }
        if (feasible.Count == 1 || !framework.HasScorers) return new ScheduleResult(feasible[0].Name, null, null, state);
        var (totals, scoreStatus) = framework.RunScore(state, pod, feasible);
        if (!scoreStatus.IsSuccess) return new ScheduleResult(null, null, scoreStatus, state);
        return new ScheduleResult(feasible[SelectHost(totals)].Name, null, null, state);
    }

    /// <summary>
    /// Filters nodes in parallel, starting where the previous pod stopped (round robin), and stops once
    /// <see cref="FeasibleNodesToFind"/> nodes fit, as upstream's findNodesThatPassFilters does: workers take
    /// consecutive chunks of nodes from the start index, so the nodes examined form (nearly) one contiguous run.
    /// </summary>
    private (List<NodeInfo> Feasible, Dictionary<string, Status> Rejected, Status? Error) FindFeasibleNodes(
        SchedulingFramework framework, CycleState state, V1Pod pod, List<NodeInfo> nodes)
    {
        var toFind = framework.HasScorers ? FeasibleNodesToFind(nodes.Count, framework.Profile.PercentageOfNodesToScore ?? _percentageOfNodesToScore) : 1;
        var n = nodes.Count;
        var start = _nextStartNodeIndex % n;
        // One buffer for every attempt (only the scheduling loop runs this): a new array per pod was 40 KB at 5,000 nodes.
        if (_statuses.Length < n) _statuses = new Status?[n];
        else Array.Clear(_statuses, 0, n);
        var statuses = _statuses;
        var found = 0;
        var chunkSize = ChunkSize(n, _parallelism);
        var chunks = (n + chunkSize - 1) / chunkSize;
        var nextChunk = -1;

        void Work()
        {
            while (Volatile.Read(ref found) < toFind)
            {
                var c = Interlocked.Increment(ref nextChunk);
                if (c >= chunks) return;
                var end = Math.Min(n, (c + 1) * chunkSize);
                for (var j = c * chunkSize; j < end; j++)
                {
                    var i = start + j;
                    if (i >= n) i -= n;
                    var s = framework.RunFilter(state, pod, nodes[i]);
                    statuses[i] = s;
                    if (s.IsSuccess && Interlocked.Increment(ref found) >= toFind) return;
                }
            }
        }

        // More workers than cores only adds switching: the filters are pure CPU work. At most half the cores, since
        // the scheduler shares the machine with the API server it binds through: on 2 cores, two workers spent
        // 13 % more CPU per pod (hand-off and spin-waiting) for the same filtering (SchedulerBench basic, 5,000 nodes).
        var workers = Math.Min(Math.Min(_parallelism, Math.Max(1, Environment.ProcessorCount / 2)), chunks);
        if (workers <= 1) Work();
        else Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, _ => Work());

        var feasible = new List<NodeInfo>(Math.Min(toFind, n));
        var processed = 0;
        for (var j = 0; j < n; j++)
        {
            var i = start + j;
            if (i >= n) i -= n;
            if (statuses[i] is not { } s) continue;
            processed++;
            if (s.Code == StatusCode.Error) return (feasible, [], s);
            if (s.IsSuccess && feasible.Count < toFind) feasible.Add(nodes[i]);
        }
        _nextStartNodeIndex = (start + processed) % n;
        // The rejections only matter when nothing fits (FitError, preemption); building the map for every pod cost
        // a dictionary of up to all nodes per attempt.
        var rejected = new Dictionary<string, Status>(feasible.Count == 0 ? processed : 0, StringComparer.Ordinal);
        if (feasible.Count > 0) return (feasible, rejected, null);
        for (var i = 0; i < n; i++)
        {
            if (statuses[i] is { IsSuccess: false } s) rejected[nodes[i].Name] = s;
        }
        return (feasible, rejected, null);
    }

    /// <summary>Upstream's chunkSizeFor: about √n nodes per chunk, fewer when that would leave workers idle.</summary>
    private static int ChunkSize(int n, int parallelism)
    {
        var size = (int)Math.Sqrt(n);
        var perWorker = n / parallelism + 1;
        return Math.Max(1, Math.Min(size, perWorker));
    }

    /// <summary>
    /// Upstream numFeasibleNodesToFind: every node below 100 nodes; otherwise the configured percentage of them, or
    /// when that is 0/unset the adaptive (50 − nodes/125)%, at least 5%; never fewer than 100.
    /// </summary>
    internal static int FeasibleNodesToFind(int allNodes, int? percentageOfNodesToScore = null)
    {
        const int minFeasibleNodesToFind = 100;
        const int minPercentage = 5;
        if (allNodes < minFeasibleNodesToFind) return allNodes;
        var percentage = percentageOfNodesToScore ?? 0;
        if (percentage == 0) percentage = Math.Max(minPercentage, 50 - allNodes / 125);
        return Math.Max(minFeasibleNodesToFind, (int)((long)allNodes * percentage / 100));
    }

    /// <summary>The highest total; ties are broken uniformly at random (reservoir sampling), as upstream's selectHost.</summary>
    private int SelectHost(long[] totals)
    {
        var best = 0;
        var ties = 1;
        for (var i = 1; i < totals.Length; i++)
        {
            if (totals[i] > totals[best])
            {
                best = i;
                ties = 1;
            }
            else if (totals[i] == totals[best] && _random.Next(++ties) == 0)
            {
                best = i;
            }
        }
        return best;
    }
}
