namespace KubeSharp.Scheduler.Plugins.InterPodAffinity;

/// <summary>The four kinds of pod (anti-)affinity terms an existing pod can carry; the affinity index groups each separately.</summary>
internal enum TermKind
{
    RequiredAffinity,
    RequiredAntiAffinity,
    PreferredAffinity,
    PreferredAntiAffinity,
}
