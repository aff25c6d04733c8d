using k8s.Models;

namespace KubeSharp.ControllerManager.Controllers.TaintEviction;

/// <summary>Toleration matching as upstream's v1helper (ToleratesTaint, GetMatchingTolerations, getMinTolerationTime).</summary>
internal static class Tolerations
{
    /// <summary>
    /// An empty effect tolerates every effect; an empty key with Exists tolerates every key; Exists ignores the
    /// value; Equal (or no operator) needs the same value.
    /// </summary>
    public static bool Tolerates(V1Toleration toleration, V1Taint taint)
    {
        if (!string.IsNullOrEmpty(toleration.Effect) && toleration.Effect != taint.Effect) return false;
        if (!string.IsNullOrEmpty(toleration.Key) && toleration.Key != taint.Key) return false;
        return toleration.OperatorProperty switch
        {
            "Exists" => true,
            null or "" or "Equal" => !string.IsNullOrEmpty(toleration.Key) && (toleration.Value ?? "") == (taint.Value ?? ""),
            _ => false,
        };
    }

    /// <summary>Whether every taint is tolerated, and the tolerations that did it (the first match of each taint).</summary>
    public static (bool AllTolerated, List<V1Toleration> Used) Match(IReadOnlyList<V1Taint> taints, IList<V1Toleration>? tolerations)
    {
        var used = new List<V1Toleration>();
        foreach (var taint in taints)
        {
            var match = tolerations?.FirstOrDefault(t => Tolerates(t, taint));
            if (match == null) return (false, []);
            used.Add(match);
        }
        return (true, used);
    }

    /// <summary>
    /// The shortest tolerationSeconds of <paramref name="used"/> (negative seconds count as 0); null when none has
    /// seconds: the pod tolerates the taints forever.
    /// </summary>
    public static TimeSpan? MinTolerationTime(IEnumerable<V1Toleration> used)
    {
        TimeSpan? min = null;
        foreach (var t in used)
        {
            if (t.TolerationSeconds is not { } seconds) continue;
            var span = TimeSpan.FromSeconds(Math.Max(0, seconds));
            if (min == null || span < min) min = span;
        }
        return min;
    }
}
