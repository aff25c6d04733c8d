namespace KubeSharp.Scheduler.Plugins.NodeResourcesFit;

/// <summary>
/// Upstream's resource allocation scorers: each resource the node reports (allocatable > 0) is scored 0-100 from
/// requested/allocatable and the weighted mean is the node's score.
/// </summary>
internal static class ResourceScorer
{
    private const long MaxUtilization = 100;

    /// <summary>Scores one node; requested already includes the incoming pod.</summary>
    public static long Score(ScoringStrategy strategy, ReadOnlySpan<long> requested, ReadOnlySpan<long> allocatable)
    {
        long total = 0, weights = 0;
        for (var i = 0; i < requested.Length; i++)
        {
            if (allocatable[i] == 0) continue;
            var weight = strategy.Resources[i].Weight;
            var score = strategy.Type switch
            {
                ScoringStrategy.MostAllocated => MostRequested(requested[i], allocatable[i]),
                ScoringStrategy.RequestedToCapacityRatio => Shaped(strategy.Shape, requested[i] > allocatable[i] ? MaxUtilization : requested[i] * MaxUtilization / allocatable[i]),
                _ => LeastRequested(requested[i], allocatable[i]),
            };
            // RequestedToCapacityRatio leaves resources scoring 0 out of the mean (upstream).
            if (strategy.Type == ScoringStrategy.RequestedToCapacityRatio && score <= 0) continue;
            total += score * weight;
            weights += weight;
        }
        if (weights == 0) return 0;
        return strategy.Type == ScoringStrategy.RequestedToCapacityRatio
            ? (long)Math.Round((double)total / weights, MidpointRounding.AwayFromZero)
            : total / weights;
    }

    private static long LeastRequested(long requested, long capacity) =>
        requested > capacity ? 0 : (capacity - requested) * Framework.NodeScore.MaxScore / capacity;

    /// <summary>Requests above capacity (possible with non-zero defaults) count as full.</summary>
    private static long MostRequested(long requested, long capacity) =>
        Math.Min(requested, capacity) * Framework.NodeScore.MaxScore / capacity;

    /// <summary>Upstream BuildBrokenLinearFunction over the shape, scores scaled from 0-10 to 0-100.</summary>
    internal static long Shaped(IReadOnlyList<UtilizationShapePoint> shape, long utilization)
    {
        const long scale = Framework.NodeScore.MaxScore / 10;
        for (var i = 0; i < shape.Count; i++)
        {
            if (utilization > shape[i].Utilization) continue;
            if (i == 0) return shape[0].Score * scale;
            long u0 = shape[i - 1].Utilization, s0 = shape[i - 1].Score * scale, u1 = shape[i].Utilization, s1 = shape[i].Score * scale;
            return s0 + (s1 - s0) * (utilization - u0) / (u1 - u0);
        }
        return shape.Count == 0 ? 0 : shape[^1].Score * scale;
    }
}
