namespace KubeSharp.Scheduler.Plugins.InterPodAffinity;

/// <summary>Existing pods' anti-affinity terms with one topology key that match the incoming pod: their groups' counts, summed per domain.</summary>
internal sealed record ExistingAntiAffinityKey(string Key, DomainCounts[] Counts);
