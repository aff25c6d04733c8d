using k8s.Models;
using KubeSharp.Scheduler.Cache;
using KubeSharp.Scheduler.Framework;

namespace KubeSharp.Scheduler.Plugins.TaintToleration;

/// <summary>
/// Filter: a NoSchedule or NoExecute taint the pod does not tolerate rejects the node (the first such taint is
/// named, as upstream). Score: fewer untolerated PreferNoSchedule taints is better (normalized, reversed).
/// </summary>
public sealed class TaintTolerationPlugin : IFilterPlugin, IScorePlugin
{
    public string Name => PluginNames.TaintToleration;

    public static string ReasonUntolerated(V1Taint t) => $"node(s) had untolerated taint {{{t.Key}: {t.Value}}}";

    public Status Filter(CycleState state, V1Pod pod, NodeInfo node)
    {
        var taints = node.Taints;
        if (taints == null) return Status.Success;
        foreach (var taint in taints)
        {
            if (taint.Effect is not ("NoSchedule" or "NoExecute")) continue;
            if (!Tolerations.AnyTolerates(pod.Spec?.Tolerations, taint)) return Status.Unresolvable(ReasonUntolerated(taint));
        }
        return Status.Success;
    }

    public (long Score, Status Status) Score(CycleState state, V1Pod pod, NodeInfo node)
    {
        var taints = node.Taints;
        if (taints == null) return (0, Status.Success); // most nodes: skip filtering the tolerations
        // Only tolerations that could apply to PreferNoSchedule count, as upstream's getAllTolerationPreferNoSchedule.
        var tolerations = pod.Spec?.Tolerations?.Where(t => string.IsNullOrEmpty(t.Effect) || t.Effect == "PreferNoSchedule").ToList();
        long count = 0;
        foreach (var taint in taints)
        {
            if (taint.Effect == "PreferNoSchedule" && !Tolerations.AnyTolerates(tolerations, taint)) count++;
        }
        return (count, Status.Success);
    }

    public Status NormalizeScores(CycleState state, V1Pod pod, NodeScore[] scores)
    {
        ScoreNormalizer.Normalize(scores, reverse: true);
        return Status.Success;
    }
}
