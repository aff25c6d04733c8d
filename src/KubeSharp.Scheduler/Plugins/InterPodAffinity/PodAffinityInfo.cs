using System.Runtime.CompilerServices;
using k8s.Models;
using KubeSharp.ApiMachinery.Selectors;

namespace KubeSharp.Scheduler.Plugins.InterPodAffinity;

/// <summary>
/// A pod's four kinds of affinity terms, parsed once per pod object (upstream keeps them in PodInfo). Informer
/// objects are replaced, never mutated, on update, so caching by object identity is safe.
/// </summary>
internal sealed class PodAffinityInfo
{
    private static readonly ConditionalWeakTable<V1Pod, PodAffinityInfo> Parsed = new();

    public static readonly PodAffinityInfo None = new([], [], [], [], null);

    private string? _requiredAffinityKey;

    private PodAffinityInfo(AffinityTerm[] requiredAffinity, AffinityTerm[] requiredAntiAffinity,
        AffinityTerm[] preferredAffinity, AffinityTerm[] preferredAntiAffinity, string? error)
    {
        RequiredAffinity = requiredAffinity;
        RequiredAntiAffinity = requiredAntiAffinity;
        PreferredAffinity = preferredAffinity;
        PreferredAntiAffinity = preferredAntiAffinity;
        Error = error;
    }

    public AffinityTerm[] RequiredAffinity { get; }

    public AffinityTerm[] RequiredAntiAffinity { get; }

    public AffinityTerm[] PreferredAffinity { get; }

    public AffinityTerm[] PreferredAntiAffinity { get; }

    /// <summary>
    /// Names the conjunction of <see cref="RequiredAffinity"/> (a pod counts for affinity only when it matches every
    /// term) for the affinity index's memo; for one term it is that term's key.
    /// </summary>
    public string RequiredAffinityKey => _requiredAffinityKey ??= string.Join('\u001f', RequiredAffinity.Select(t => t.Key));

    public AffinityTerm[] Terms(TermKind kind) => kind switch
    {
        TermKind.RequiredAffinity => RequiredAffinity,
        TermKind.RequiredAntiAffinity => RequiredAntiAffinity,
        TermKind.PreferredAffinity => PreferredAffinity,
        _ => PreferredAntiAffinity,
    };

    /// <summary>Why a term could not be parsed (the API server's validation normally prevents it).</summary>
    public string? Error { get; }

    public static PodAffinityInfo Of(V1Pod pod)
    {
        var a = pod.Spec?.Affinity;
        if (a == null || (a.PodAffinity == null && a.PodAntiAffinity == null)) return None;
        return Parsed.GetValue(pod, Parse);
    }

    private static PodAffinityInfo Parse(V1Pod pod)
    {
        var affinity = pod.Spec.Affinity.PodAffinity;
        var anti = pod.Spec.Affinity.PodAntiAffinity;
        try
        {
            return new PodAffinityInfo(
                Required(pod, affinity?.RequiredDuringSchedulingIgnoredDuringExecution),
                Required(pod, anti?.RequiredDuringSchedulingIgnoredDuringExecution),
                Preferred(pod, affinity?.PreferredDuringSchedulingIgnoredDuringExecution),
                Preferred(pod, anti?.PreferredDuringSchedulingIgnoredDuringExecution),
                null);
        }
        catch (SelectorParseException e)
        {
            return new PodAffinityInfo([], [], [], [], e.Message);
        }
    }

    private static AffinityTerm[] Required(V1Pod pod, IList<V1PodAffinityTerm>? terms) =>
        terms == null ? [] : terms.Select(t => AffinityTerm.From(pod, t)).ToArray();

    private static AffinityTerm[] Preferred(V1Pod pod, IList<V1WeightedPodAffinityTerm>? terms) =>
        terms == null ? [] : terms.Where(t => t.PodAffinityTerm != null).Select(t => AffinityTerm.From(pod, t.PodAffinityTerm, t.Weight)).ToArray();
}
