namespace KubeSharp.Scheduler.Plugins.InterPodAffinity;

/// <summary>Why InterPodAffinity's Filter rejects a node (or that it does not).</summary>
internal enum FilterOutcome
{
    Fits,
    AffinityUnmet,
    AntiAffinity,
    ExistingAntiAffinity,
}
