using k8s.Models;
using KubeSharp.Scheduler.Cache;
using KubeSharp.Scheduler.Framework;
using KubeSharp.Scheduler.Plugins.InterPodAffinity;

namespace KubeSharp.Scheduler.Tests.Plugins.InterPodAffinity;

/// <summary>
/// The affinity index lives with the cache's snapshot: an attempt sees the counts of its snapshot even while the
/// cache changes underneath (informers keep running), the next attempt sees the changes, what-ifs do not leak into
/// the shared counts, and memoized terms stay bounded.
/// </summary>
public class AffinityIndexSnapshotTests
{
    private const string Host = "kubernetes.io/hostname";
    private const string Zone = "topology.kubernetes.io/zone";

    private static SchedulerCache Cluster(params (string Name, string Zone)[] nodes)
    {
        var cache = new SchedulerCache();
        foreach (var (name, zone) in nodes) cache.AddNode(Make.Node(name, labels: Make.Labels(Host, name, Zone, zone)));
        return cache;
    }

    private static V1Pod Green(string name, string node) =>
        Make.Pod(name, nodeName: node, labels: Make.Labels("color", "green"), affinity: Make.RequiredAntiAffinity(Make.Term(Host, "color", "green")));

    private static string[] FilterAll(InterPodAffinityPlugin plugin, CycleState state, V1Pod pod, IReadOnlyList<NodeInfo> nodes) =>
        [.. nodes.Select(n => AffinityIndexPropertyTests.Outcome(plugin.Filter(state, pod, n)))];

    [Fact]
    public void AnAttemptKeepsSeeingItsSnapshotWhileTheCacheChanges()
    {
        var cache = Cluster(("n1", "a"), ("n2", "a"), ("n3", "b"));
        cache.AddPod(Green("g1", "n1"));
        var plugin = new InterPodAffinityPlugin(new FakeClusterObjects());
        var snapshot = cache.UpdateSnapshot();
        var state = new CycleState { Nodes = snapshot.Nodes };
        var incoming = Green("incoming", "");
        Assert.True(plugin.PreFilter(state, incoming).IsSuccess);
        // The informer delivers more pods while the attempt filters: it must not see them.
        cache.AddPod(Green("g2", "n2"));
        cache.AddPod(Green("g3", "n3"));
        Assert.Equal(["anti", "ok", "ok"], FilterAll(plugin, state, incoming, snapshot.Nodes));
        // The next attempt does.
        snapshot = cache.UpdateSnapshot();
        var next = new CycleState { Nodes = snapshot.Nodes };
        Assert.True(plugin.PreFilter(next, incoming).IsSuccess);
        Assert.Equal(["anti", "anti", "anti"], FilterAll(plugin, next, incoming, snapshot.Nodes));
        cache.RemovePod(snapshot.Nodes[1].Pods[0]);
        snapshot = cache.UpdateSnapshot();
        next = new CycleState { Nodes = snapshot.Nodes };
        Assert.True(plugin.PreFilter(next, incoming).IsSuccess);
        Assert.Equal(["anti", "ok", "anti"], FilterAll(plugin, next, incoming, snapshot.Nodes));
    }

    [Fact]
    public void PreemptionWhatIfsGoToTheClonedStateOnly()
    {
        var cache = Cluster(("n1", "a"), ("n2", "b"));
        var victim = Green("victim", "n1");
        cache.AddPod(victim);
        cache.AddPod(Make.Pod("db", nodeName: "n2", labels: Make.Labels("app", "db")));
        var plugin = new InterPodAffinityPlugin(new FakeClusterObjects());
        var snapshot = cache.UpdateSnapshot();
        var nodes = snapshot.Nodes;
        // Wants zone affinity with db pods and hostname anti-affinity with green ones.
        var incoming = Make.Pod("incoming", labels: Make.Labels("color", "green"), affinity: new V1Affinity
        {
            PodAffinity = Make.RequiredAffinity(Make.Term(Zone, "app", "db")).PodAffinity,
            PodAntiAffinity = Make.RequiredAntiAffinity(Make.Term(Host, "color", "green")).PodAntiAffinity,
        });
        var state = new CycleState { Nodes = nodes };
        Assert.True(plugin.PreFilter(state, incoming).IsSuccess);
        Assert.Equal(["aff", "ok"], FilterAll(plugin, state, incoming, nodes));

        // Preemption on n2: removing the db pod leaves no db pod anywhere, and the incoming pod is no db pod.
        var n2 = nodes[1].Clone();
        var db = n2.Pods[0];
        n2.RemovePod(db.Metadata.Uid);
        var withoutDb = state.Clone();
        Assert.True(plugin.RemovePod(withoutDb, incoming, db, n2).IsSuccess);
        Assert.Equal("aff", AffinityIndexPropertyTests.Outcome(plugin.Filter(withoutDb, incoming, n2)));

        // A nominated db pod on n1 and the green victim evicted: n1 fits in that what-if.
        var n1 = nodes[0].Clone();
        n1.RemovePod(victim.Metadata.Uid);
        var nominated = Make.Pod("db2", nodeName: "n1", labels: Make.Labels("app", "db"));
        n1.AddPod(nominated);
        var onN1 = state.Clone();
        Assert.True(plugin.RemovePod(onN1, incoming, victim, n1).IsSuccess);
        Assert.True(plugin.AddPod(onN1, incoming, nominated, n1).IsSuccess);
        Assert.Equal("ok", AffinityIndexPropertyTests.Outcome(plugin.Filter(onN1, incoming, n1)));

        // Neither what-if reached the cycle's state or the snapshot's shared counts.
        Assert.Equal(["aff", "ok"], FilterAll(plugin, state, incoming, nodes));
        var again = new CycleState { Nodes = cache.UpdateSnapshot().Nodes };
        Assert.True(plugin.PreFilter(again, incoming).IsSuccess);
        Assert.Equal(["aff", "ok"], FilterAll(plugin, again, incoming, nodes));
    }

    [Fact]
    public void MemoizedTermsAreBoundedAndEvictedOnesAreRebuiltCorrectly()
    {
        var cache = Cluster(("n1", "a"), ("n2", "b"));
        cache.AddPod(Make.Pod("p", nodeName: "n1", labels: Make.Labels("app", "x7")));
        var plugin = new InterPodAffinityPlugin(new FakeClusterObjects());
        var snapshot = cache.UpdateSnapshot();
        V1Pod Avoiding(int i) => Make.Pod($"avoid-{i}", affinity: Make.RequiredAntiAffinity(Make.Term(Host, "app", $"x{i}")));
        for (var i = 0; i < AffinityIndex.MaxMemos + 10; i++)
        {
            var state = new CycleState { Nodes = snapshot.Nodes };
            Assert.True(plugin.PreFilter(state, Avoiding(i)).IsSuccess);
        }
        var index = AffinityIndex.For(snapshot.Nodes);
        Assert.Equal(AffinityIndex.MaxMemos, index.MemoCount);
        // x7's memo was the least recently used and is gone; a pod added since must be counted when it is rebuilt.
        cache.AddPod(Make.Pod("q", nodeName: "n2", labels: Make.Labels("app", "x7")));
        snapshot = cache.UpdateSnapshot();
        var again = new CycleState { Nodes = snapshot.Nodes };
        Assert.True(plugin.PreFilter(again, Avoiding(7)).IsSuccess);
        Assert.Equal(["anti", "anti"], FilterAll(plugin, again, Avoiding(7), snapshot.Nodes));
        Assert.Equal(AffinityIndex.MaxMemos, index.MemoCount);
    }

    [Fact]
    public void TermsWithANamespaceSelectorFollowNamespaceLabelChanges()
    {
        var cache = Cluster(("n1", "a"));
        cache.AddPod(Make.Pod("web", ns: "other", nodeName: "n1", labels: Make.Labels("app", "web")));
        var objects = new FakeClusterObjects();
        objects.Namespaces["other"] = Make.Labels("team", "y");
        var plugin = new InterPodAffinityPlugin(objects);
        var incoming = Make.Pod("incoming", affinity: Make.RequiredAntiAffinity(
            Make.Term(Host, "app", "web", namespaceSelector: new V1LabelSelector { MatchLabels = Make.Labels("team", "x") })));
        var snapshot = cache.UpdateSnapshot();
        var state = new CycleState { Nodes = snapshot.Nodes };
        Assert.True(plugin.PreFilter(state, incoming).IsSuccess);
        Assert.Equal(["ok"], FilterAll(plugin, state, incoming, snapshot.Nodes));
        // No pod or node changed, so the snapshot did not either: the term must still see the new labels.
        objects.Namespaces["other"] = Make.Labels("team", "x");
        state = new CycleState { Nodes = cache.UpdateSnapshot().Nodes };
        Assert.True(plugin.PreFilter(state, incoming).IsSuccess);
        Assert.Equal(["anti"], FilterAll(plugin, state, incoming, snapshot.Nodes));
    }
}
