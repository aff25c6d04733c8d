namespace KubeSharp.Scheduler.Plugins.DefaultPreemption;

/// <summary>
/// Upstream DefaultPreemptionArgs, validated as upstream does. The dry run here still visits every node, so
/// these bounds on how many candidates to look at have no effect yet.
/// </summary>
public sealed record DefaultPreemptionArgs
{
    public int MinCandidateNodesPercentage { get; init; } = 10;

    public int MinCandidateNodesAbsolute { get; init; } = 100;
}
