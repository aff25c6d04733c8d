namespace KubeSharp.Scheduler.Framework;

/// <summary>A node's score from one plugin (mutable so normalization can rewrite an array in place).</summary>
public struct NodeScore(string name, long score)
{
    /// <summary>Upstream framework.MaxNodeScore.</summary>
    public const long MaxScore = 100;

    public string Name { get; } = name;

    public long Score { get; set; } = score;
}
