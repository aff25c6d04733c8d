using k8s.Models;
using KubeSharp.Scheduler.Cache;
using KubeSharp.Scheduler.Framework;

namespace KubeSharp.Scheduler;

internal sealed partial class Scheduler
{
    public const string NoNodesAvailable = "no nodes available to schedule pods";

    /// <summary>Upstream schedulePod: PreFilter, Filter on every node (in parallel), then Score and pick the best.</summary>
    internal ScheduleResult Schedule(V1Pod pod)
    {
        var state = new CycleState();
        var nodes = _cache.Snapshot();
        if (nodes.Count == 0) return new ScheduleResult(null, null, Status.Error(NoNodesAvailable), state);
        var skipped = new HashSet<string>(StringComparer.Ordinal);
        var pre = _framework.RunPreFilter(state, pod, skipped);
        if (pre.Code == StatusCode.Error) return new ScheduleResult(null, null, pre, state);
        if (!pre.IsSuccess)
        {
            var all = nodes.ToDictionary(n => n.Name, _ => pre, StringComparer.Ordinal);
            return new ScheduleResult(null, new FitError(nodes.Count, all, pre.Message), null, state);
        }
        var statuses = new Status[nodes.Count];
        Parallel.For(0, nodes.Count, new ParallelOptions { MaxDegreeOfParallelism = _parallelism },
            i => statuses[i] = _framework.RunFilter(state, pod, nodes[i], skipped));
        var feasible = new List<NodeInfo>();
        var rejected = new Dictionary<string, Status>(StringComparer.Ordinal);
        for (var i = 0; i < nodes.Count; i++)
        {
            if (statuses[i].Code == StatusCode.Error) return new ScheduleResult(null, null, statuses[i], state);
            if (statuses[i].IsSuccess) feasible.Add(nodes[i]);
            else rejected[nodes[i].Name] = statuses[i];
        }
        if (feasible.Count == 0)
        {
            var fit = new FitError(nodes.Count, rejected)
            {
                PostFilterMessage = PreemptionDiagnosis.Message(_framework, state, pod, nodes, rejected),
            };
            return new ScheduleResult(null, fit, null, state);
        }
        if (feasible.Count == 1 || !_framework.HasScorers) return new ScheduleResult(feasible[0].Name, null, null, state);
        var (totals, scoreStatus) = _framework.RunScore(state, pod, feasible);
        if (!scoreStatus.IsSuccess) return new ScheduleResult(null, null, scoreStatus, state);
        return new ScheduleResult(feasible[SelectHost(totals)].Name, null, null, state);
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
