namespace KubeSharp.Scheduler.Framework;

/// <summary>Upstream helper.DefaultNormalizeScore: scales so the best raw score becomes MaxScore (reversed: the lowest).</summary>
public static class ScoreNormalizer
{
    public static void Normalize(NodeScore[] scores, bool reverse)
    {
        long max = 0;
        foreach (var s in scores) max = Math.Max(max, s.Score);
        if (max == 0)
        {
            // All zero: reversed, every node is equally best.
            if (reverse) for (var i = 0; i < scores.Length; i++) scores[i].Score = NodeScore.MaxScore;
            return;
        }
        for (var i = 0; i < scores.Length; i++)
        {
            var v = NodeScore.MaxScore * scores[i].Score / max;
            scores[i].Score = reverse ? NodeScore.MaxScore - v : v;
        }
    }
}
