using KubeSharp.Scheduler.Queue;

namespace KubeSharp.Scheduler.Plugins.DefaultPreemption;

/// <summary>
/// Upstream's pickOneNodeForPreemption: the fewest victims whose eviction breaks a PodDisruptionBudget; then the
/// lowest highest-victim priority; the smallest sum of
/// victim priorities, each offset by 2^31 as upstream does (so fewer victims weigh in here already); the fewest
/// victims; the latest start among the highest-priority victims; then the node name, where upstream keeps the
/// first candidate of its randomly offset scan.
/// </summary>
internal static class CandidateOrder
{
    public static Candidate Pick(IReadOnlyList<Candidate> candidates)
    {
        var best = candidates[0];
        for (var i = 1; i < candidates.Count; i++)
        {
            if (Compare(candidates[i], best) < 0) best = candidates[i];
        }
        return best;
    }

    /// <summary>Negative when <paramref name="a"/> is the better node to preempt on.</summary>
    public static int Compare(Candidate a, Candidate b)
    {
        if (a.PdbViolations != b.PdbViolations) return a.PdbViolations.CompareTo(b.PdbViolations);
        var (highA, sumA, startA) = Measure(a);
        var (highB, sumB, startB) = Measure(b);
        if (highA != highB) return highA.CompareTo(highB);
        if (sumA != sumB) return sumA.CompareTo(sumB);
        if (a.Victims.Count != b.Victims.Count) return a.Victims.Count.CompareTo(b.Victims.Count);
        if (startA != startB) return startB.CompareTo(startA);
        return string.CompareOrdinal(a.NodeName, b.NodeName);
    }

    private static (int Highest, long Sum, DateTime HighestStart) Measure(Candidate c)
    {
        var highest = int.MinValue;
        long sum = 0;
        foreach (var v in c.Victims)
        {
            var p = PodOrder.Priority(v);
            highest = Math.Max(highest, p);
            sum += p + (long)int.MaxValue + 1;
        }
        // Upstream: the earliest start time among the victims of the highest priority.
        var start = DateTime.MaxValue;
        foreach (var v in c.Victims)
        {
            if (PodOrder.Priority(v) == highest) start = VictimSelector.StartTime(v) < start ? VictimSelector.StartTime(v) : start;
        }
        return (highest, sum, start);
    }
}
