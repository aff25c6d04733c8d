using k8s.Models;
using KubeSharp.Scheduler.Cache;
using KubeSharp.Scheduler.Framework;

namespace KubeSharp.Scheduler.Plugins.InterPodAffinity;

/// <summary>
/// Inter-pod affinity's counts per topology domain, kept next to the scheduler's snapshot and updated from each
/// replaced NodeInfo, so that an attempt costs O(distinct terms + matching domains) instead of O(pods):
/// <list type="bullet">
/// <item>existing pods' terms, grouped by kind and <see cref="AffinityTerm.Key"/>, with per-domain counts
/// (PreFilter asks each group, not each pod, whether its term matches the incoming pod);</item>
/// <item>memos: for a term (or conjunction of terms) some incoming pod had, the per-domain counts of existing pods
/// matching it. Built by one pass over the nodes on first use, then kept current by testing each added or
/// removed pod against every memo; at most <see cref="MaxMemos"/> are kept, the least recently used goes first.</item>
/// </list>
/// Terms whose namespaceSelector has requirements are not memoized: namespace labels change outside the snapshot,
/// so their counts are recomputed by a pass over the nodes in each attempt (as before this index).
/// Upstream recomputes both per attempt (PreFilter's getExistingAntiAffinityCounts/getIncomingAffinityAntiAffinityCounts);
/// the results are the same counts.
/// </summary>
internal sealed class AffinityIndex : ISnapshotIndex
{
    public const int MaxMemos = 64;

    private readonly IReadOnlyList<NodeInfo> _nodes;
    private readonly Dictionary<(string Key, int Weight), TermGroup>[] _groups =
        [new(), new(), new(), new()];

    private readonly Dictionary<string, Memo> _memos = new(StringComparer.Ordinal);
    private long _clock;

    private AffinityIndex(IReadOnlyList<NodeInfo> nodes)
    {
        _nodes = nodes;
    }

    private sealed class Memo(AffinityTerm[] terms, DomainCounts counts)
    {
        public AffinityTerm[] Terms => terms;

        public DomainCounts Counts => counts;

        public long LastUsed { get; set; }
    }

    /// <summary>Number of memoized terms (tests check the bound).</summary>
    public int MemoCount => _memos.Count;

    /// <summary>
    /// The snapshot's index when <paramref name="nodes"/> is a scheduler snapshot's node list (always, in the
    /// scheduler), otherwise one built now from these nodes for this call only (plugin tests, callers without a
    /// cache).
    /// </summary>
    public static AffinityIndex For(IReadOnlyList<NodeInfo> nodes) =>
        nodes is NodeSnapshot.NodeList list ? list.Owner.Index(static s => new AffinityIndex(s.Nodes)) : Build(nodes);

    public static AffinityIndex Build(IReadOnlyList<NodeInfo> nodes)
    {
        var index = new AffinityIndex(nodes);
        for (var i = 0; i < nodes.Count; i++) index.NodeChanged(null, nodes[i]);
        return index;
    }

    /// <summary>The groups of existing pods' terms of one kind (only groups with a pod in some domain).</summary>
    public Dictionary<(string Key, int Weight), TermGroup>.ValueCollection Groups(TermKind kind) => _groups[(int)kind].Values;

    /// <summary>Per-domain counts of existing pods matching <paramref name="term"/>.</summary>
    public DomainCounts Matching(AffinityTerm term, IClusterObjects cluster)
    {
        if (!term.DependsOnPodsOnly) return Count([term], cluster);
        return Memoized(term.Key) ?? Memoize(term.Key, [term]);
    }

    /// <summary>Per-domain counts (for each distinct topology key) of existing pods matching every one of <paramref name="terms"/>.</summary>
    public DomainCounts MatchingAll(AffinityTerm[] terms, string key, IClusterObjects cluster)
    {
        foreach (var t in terms)
        {
            if (!t.DependsOnPodsOnly) return Count(terms, cluster);
        }
        return Memoized(key) ?? Memoize(key, terms);
    }

    public void NodeChanged(NodeInfo? old, NodeInfo? fresh)
    {
        if (old == null)
        {
            if (fresh != null) AddNode(fresh, 1);
            return;
        }
        if (fresh == null)
        {
            AddNode(old, -1);
            return;
        }
        var labels = fresh.Node.Metadata.Labels;
        if (!SameLabels(old.Node.Metadata.Labels, labels))
        {
            AddNode(old, -1);
            AddNode(fresh, 1);
            return;
        }
        if (labels == null || labels.Count == 0) return;
        // NodeInfo appends pods and removes them in place, and clones share the pod objects, so the pods both
        // lists start and end with are the unchanged ones: only the middle differs (one pod for a bind).
        var a = old.Pods;
        var b = fresh.Pods;
        var prefix = 0;
        while (prefix < a.Count && prefix < b.Count && ReferenceEquals(a[prefix], b[prefix])) prefix++;
        var suffix = 0;
        while (suffix < a.Count - prefix && suffix < b.Count - prefix && ReferenceEquals(a[a.Count - 1 - suffix], b[b.Count - 1 - suffix])) suffix++;
        for (var i = prefix; i < a.Count - suffix; i++) AddPod(a[i], labels, -1);
        for (var i = prefix; i < b.Count - suffix; i++) AddPod(b[i], labels, 1);
    }

    private void AddNode(NodeInfo node, int delta)
    {
        // Every count is per domain, and a node without labels is in none.
        var labels = node.Node.Metadata.Labels;
        if (labels == null || labels.Count == 0) return;
        var pods = node.Pods;
        for (var i = 0; i < pods.Count; i++) AddPod(pods[i], labels, delta);
    }

    private void AddPod(V1Pod pod, IDictionary<string, string> labels, int delta)
    {
        var info = PodAffinityInfo.Of(pod);
        if (!ReferenceEquals(info, PodAffinityInfo.None))
        {
            for (var kind = 0; kind < _groups.Length; kind++) AddTerms(_groups[kind], info.Terms((TermKind)kind), labels, delta);
        }
        foreach (var memo in _memos.Values)
        {
            // Memoized terms never consult namespace labels, so no cluster view is needed.
            if (MatchesAll(memo.Terms, pod, NoClusterObjects.Instance)) memo.Counts.Add(labels, delta);
        }
    }

    private static void AddTerms(Dictionary<(string Key, int Weight), TermGroup> groups, AffinityTerm[] terms, IDictionary<string, string> labels, int delta)
    {
        foreach (var term in terms)
        {
            if (!labels.TryGetValue(term.TopologyKey, out var value)) continue;
            var key = (term.Key, term.Weight);
            if (!groups.TryGetValue(key, out var group)) groups[key] = group = new TermGroup(term);
            group.Counts.Add(0, value, delta);
            if (group.Counts.Total == 0) groups.Remove(key);
        }
    }

    private DomainCounts? Memoized(string key)
    {
        if (!_memos.TryGetValue(key, out var memo)) return null;
        memo.LastUsed = ++_clock;
        return memo.Counts;
    }

    private DomainCounts Memoize(string key, AffinityTerm[] terms)
    {
        var counts = Count(terms, NoClusterObjects.Instance);
        if (_memos.Count >= MaxMemos)
        {
            string? oldest = null;
            var at = long.MaxValue;
            foreach (var (k, m) in _memos)
            {
                if (m.LastUsed < at) (oldest, at) = (k, m.LastUsed);
            }
            _memos.Remove(oldest!);
        }
        _memos[key] = new Memo(terms, counts) { LastUsed = ++_clock };
        return counts;
    }

    /// <summary>One pass over every pod of every node (upstream's per-attempt count).</summary>
    private DomainCounts Count(AffinityTerm[] terms, IClusterObjects cluster)
    {
        var counts = new DomainCounts(DomainCounts.DistinctKeys(terms));
        for (var n = 0; n < _nodes.Count; n++)
        {
            var node = _nodes[n];
            var pods = node.Pods;
            if (pods.Count == 0) continue;
            var labels = node.Node.Metadata.Labels;
            if (labels == null || labels.Count == 0) continue;
            for (var p = 0; p < pods.Count; p++)
            {
                if (MatchesAll(terms, pods[p], cluster)) counts.Add(labels, 1);
            }
        }
        return counts;
    }

    public static bool MatchesAll(AffinityTerm[] terms, V1Pod pod, IClusterObjects cluster)
    {
        foreach (var term in terms)
        {
            if (!term.Matches(pod, cluster)) return false;
        }
        return terms.Length > 0;
    }

    private static bool SameLabels(IDictionary<string, string>? a, IDictionary<string, string>? b)
    {
        if (ReferenceEquals(a, b)) return true;
        if ((a?.Count ?? 0) != (b?.Count ?? 0)) return false;
        if (a == null || b == null) return true;
        foreach (var (k, v) in a)
        {
            if (!b.TryGetValue(k, out var w) || !string.Equals(v, w, StringComparison.Ordinal)) return false;
        }
        return true;
    }
}
