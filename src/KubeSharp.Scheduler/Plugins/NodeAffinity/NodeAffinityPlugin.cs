using k8s.Models;
using KubeSharp.Scheduler.Cache;
using KubeSharp.Scheduler.Framework;

namespace KubeSharp.Scheduler.Plugins.NodeAffinity;

/// <summary>
/// Filter: spec.nodeSelector and requiredDuringSchedulingIgnoredDuringExecution. Score: the summed weights of the
/// matching preferred terms, normalized so the best node gets 100.
/// </summary>
public sealed class NodeAffinityPlugin : IFilterPlugin, IPreScorePlugin, IScorePlugin
{
    public const string ReasonPod = "node(s) didn't match Pod's node affinity/selector";

    public string Name => PluginNames.NodeAffinity;

    public Status Filter(CycleState state, V1Pod pod, NodeInfo node)
    {
        if (!NodeSelectorMatcher.MatchesNodeSelector(pod.Spec?.NodeSelector, node.Node)) return Status.Unresolvable(ReasonPod);
        var required = pod.Spec?.Affinity?.NodeAffinity?.RequiredDuringSchedulingIgnoredDuringExecution;
        if (required != null && !NodeSelectorMatcher.MatchesAnyTerm(required.NodeSelectorTerms, node.Node))
        {
            return Status.Unresolvable(ReasonPod);
        }
        return Status.Success;
    }

    public Status PreScore(CycleState state, V1Pod pod, IReadOnlyList<NodeInfo> nodes) =>
        Preferred(pod) is { Count: > 0 } ? Status.Success : Status.Skip;

    public (long Score, Status Status) Score(CycleState state, V1Pod pod, NodeInfo node)
    {
        long score = 0;
        foreach (var term in Preferred(pod) ?? [])
        {
            if (term.Weight != 0 && NodeSelectorMatcher.MatchesTerm(term.Preference, node.Node)) score += term.Weight;
        }
        return (score, Status.Success);
    }

    public Status NormalizeScores(CycleState state, V1Pod pod, NodeScore[] scores)
    {
        ScoreNormalizer.Normalize(scores, reverse: false);
        return Status.Success;
    }

    private static IList<V1PreferredSchedulingTerm>? Preferred(V1Pod pod) =>
        pod.Spec?.Affinity?.NodeAffinity?.PreferredDuringSchedulingIgnoredDuringExecution;
}
