using k8s.Models;
using KubeSharp.Scheduler.Cache;

namespace KubeSharp.Scheduler.Framework;

/// <summary>Ranks a feasible node; scores are normalized to [0, <see cref="NodeScore.MaxScore"/>] and weighted by the profile.</summary>
public interface IScorePlugin : IPlugin
{
    (long Score, Status Status) Score(CycleState state, V1Pod pod, NodeInfo node);

    /// <summary>Rescales raw scores in place (upstream ScoreExtensions); the default leaves them as they are.</summary>
    Status NormalizeScores(CycleState state, V1Pod pod, NodeScore[] scores) => Status.Success;
}
