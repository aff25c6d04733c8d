namespace KubeSharp.Scheduler.Plugins.InterPodAffinity;

/// <summary>
/// Existing pods' terms of one kind that are identical (same <see cref="AffinityTerm.Key"/> and weight), with how
/// many such terms sit in each domain of the term's topology key. Whether the incoming pod matches the term is
/// asked once per group, not once per pod: the benchmark's thousands of anti-affinity pods form one group.
/// </summary>
internal sealed class TermGroup(AffinityTerm term)
{
    /// <summary>The first member's term; every member's term matches exactly the same pods.</summary>
    public AffinityTerm Term => term;

    /// <summary>Counts for the single key <see cref="AffinityTerm.TopologyKey"/> (index 0).</summary>
    public DomainCounts Counts { get; } = new([term.TopologyKey]);
}
