using k8s.Models;
using KubeSharp.Scheduler.Framework;

namespace KubeSharp.Scheduler.Plugins.InterPodAffinity;

/// <summary>
/// What InterPodAffinity's PreFilter found for one attempt. The <see cref="DomainCounts"/> belong to the snapshot's
/// index and are shared (read-only here, and unchanged until the next attempt updates the snapshot); what-ifs of
/// preemption and nominated pods (AddPod/RemovePod) go into small per-cycle overlays of deltas by domain, which
/// <see cref="Copy"/> duplicates, so a clone of the cycle state never copies the counts themselves.
/// </summary>
internal sealed class PreFilterState(V1Pod incoming, PodAffinityInfo pod, ExistingAntiAffinityKey[] existing, DomainCounts? affinity, DomainCounts[] anti)
    : ICloneableState
{
    private readonly string? _singleKey = SingleKey(existing, affinity, pod.RequiredAntiAffinity);

    public V1Pod Incoming => incoming;

    public PodAffinityInfo Pod => pod;

    /// <summary>Pods matching every required affinity term of the incoming pod, per domain; null without such terms.</summary>
    public DomainCounts? Affinity => affinity;

    public Dictionary<TopologyPair, long>? ExistingDelta { get; set; }

    public Dictionary<TopologyPair, long>? AffinityDelta { get; set; }

    public Dictionary<TopologyPair, long>? AntiDelta { get; set; }

    public object Copy()
    {
        var c = new PreFilterState(incoming, pod, existing, affinity, anti);
        if (ExistingDelta != null) c.ExistingDelta = new(ExistingDelta);
        if (AffinityDelta != null) c.AffinityDelta = new(AffinityDelta);
        if (AntiDelta != null) c.AntiDelta = new(AntiDelta);
        return c;
    }

    /// <summary>Filter's verdict for a node, checked in upstream's order (affinity, anti-affinity, existing pods' anti-affinity).</summary>
    public FilterOutcome Check(IDictionary<string, string>? labels, IClusterObjects cluster)
    {
        if (_singleKey != null && ExistingDelta == null && AffinityDelta == null && AntiDelta == null) return CheckOneKey(labels, cluster);
        if (!SatisfiesAffinity(labels, cluster)) return FilterOutcome.AffinityUnmet;
        if (!SatisfiesAntiAffinity(labels)) return FilterOutcome.AntiAffinity;
        if (!SatisfiesExistingAntiAffinity(labels)) return FilterOutcome.ExistingAntiAffinity;
        return FilterOutcome.Fits;
    }

    /// <summary>
    /// <see cref="Check"/> when every term involved has the same topology key (the usual case: all hostname, or all
    /// zone) and no what-if changed the counts: the node's label is looked up once, not once per check, and counts
    /// cannot be negative, so "the sum over terms is positive" is "some term's count is". Filter runs this for most
    /// nodes of the cluster for every pod.
    /// </summary>
    private FilterOutcome CheckOneKey(IDictionary<string, string>? labels, IClusterObjects cluster)
    {
        string? value = null;
        labels?.TryGetValue(_singleKey!, out value);
        if (affinity != null)
        {
            if (value == null) return FilterOutcome.AffinityUnmet;
            if (affinity.Get(0, value) <= 0 && !(affinity.Total == 0 && AffinityIndex.MatchesAll(pod.RequiredAffinity, incoming, cluster)))
            {
                return FilterOutcome.AffinityUnmet;
            }
        }
        if (value == null) return FilterOutcome.Fits;
        foreach (var counts in anti)
        {
            if (counts.Get(0, value) > 0) return FilterOutcome.AntiAffinity;
        }
        foreach (var e in existing)
        {
            foreach (var counts in e.Counts)
            {
                if (counts.Get(0, value) > 0) return FilterOutcome.ExistingAntiAffinity;
            }
        }
        return FilterOutcome.Fits;
    }

    /// <summary>The one topology key of every term Filter checks, or null when there are several.</summary>
    private static string? SingleKey(ExistingAntiAffinityKey[] existing, DomainCounts? affinity, AffinityTerm[] anti)
    {
        string? key = null;
        foreach (var e in existing)
        {
            if (!Same(ref key, e.Key)) return null;
        }
        if (affinity != null && (affinity.Keys.Length != 1 || !Same(ref key, affinity.Keys[0]))) return null;
        foreach (var t in anti)
        {
            if (!Same(ref key, t.TopologyKey)) return null;
        }
        return key;

        static bool Same(ref string? key, string k)
        {
            key ??= k;
            return key == k;
        }
    }

    /// <summary>
    /// Every affinity term's domain on this node must hold a matching pod, and the node must carry every topology
    /// key. Exception (upstream): when no pod anywhere matches, a pod matching its own terms may start the group.
    /// </summary>
    private bool SatisfiesAffinity(IDictionary<string, string>? labels, IClusterObjects cluster)
    {
        if (affinity == null) return true;
        var podsExist = true;
        var keys = affinity.Keys;
        for (var i = 0; i < keys.Length; i++)
        {
            // Every term's key is among the distinct keys, so checking those checks every term.
            if (labels == null || !labels.TryGetValue(keys[i], out var value)) return false;
            if (affinity.Get(i, value) + Delta(AffinityDelta, keys[i], value) <= 0) podsExist = false;
        }
        if (podsExist) return true;
        return NoPodMatches() && AffinityIndex.MatchesAll(pod.RequiredAffinity, incoming, cluster);
    }

    private bool SatisfiesAntiAffinity(IDictionary<string, string>? labels)
    {
        if (anti.Length == 0 || labels == null) return true;
        var terms = pod.RequiredAntiAffinity;
        for (var i = 0; i < terms.Length; i++)
        {
            var key = terms[i].TopologyKey;
            if (!labels.TryGetValue(key, out var value)) continue;
            // As upstream, counts are by domain, whichever term put them there: sum the terms with this key.
            long n = Delta(AntiDelta, key, value);
            for (var j = 0; j < terms.Length; j++)
            {
                if (terms[j].TopologyKey == key) n += anti[j].Get(0, value);
            }
            if (n > 0) return false;
        }
        return true;
    }

    private bool SatisfiesExistingAntiAffinity(IDictionary<string, string>? labels)
    {
        if (labels == null) return true;
        foreach (var e in existing)
        {
            if (!labels.TryGetValue(e.Key, out var value)) continue;
            long n = Delta(ExistingDelta, e.Key, value);
            foreach (var counts in e.Counts) n += counts.Get(0, value);
            if (n > 0) return false;
        }
        if (ExistingDelta == null) return true;
        // Domains only a what-if added (a key no matching group has).
        foreach (var (pair, n) in ExistingDelta)
        {
            if (n > 0 && !HasKey(pair.Key) && labels.TryGetValue(pair.Key, out var value) && value == pair.Value) return false;
        }
        return true;
    }

    /// <summary>
    /// Upstream checks that the affinity counts are empty. Counts never go below zero (a what-if removes only pods
    /// that were counted), so "all zero" is "the sum is zero".
    /// </summary>
    private bool NoPodMatches()
    {
        var total = affinity!.Total;
        if (AffinityDelta != null)
        {
            foreach (var (_, n) in AffinityDelta) total += n;
        }
        return total == 0;
    }

    private bool HasKey(string key)
    {
        foreach (var e in existing)
        {
            if (e.Key == key) return true;
        }
        return false;
    }

    private static long Delta(Dictionary<TopologyPair, long>? delta, string key, string value) =>
        delta != null && delta.TryGetValue(new TopologyPair(key, value), out var n) ? n : 0;
}
