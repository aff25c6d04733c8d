using k8s.Models;
using KubeSharp.Scheduler.Cache;
using KubeSharp.Scheduler.Framework;
using KubeSharp.Scheduler.Plugins.InterPodAffinity;

namespace KubeSharp.Scheduler.Tests.Plugins.InterPodAffinity;

/// <summary>
/// The affinity index groups and memoizes terms by <see cref="AffinityTerm.Key"/>: terms with the same key must
/// match the same pods, and terms that match differently must get different keys.
/// </summary>
public class AffinityTermKeyTests
{
    private const string Host = "kubernetes.io/hostname";

    private static string Key(V1PodAffinityTerm term, string ns = "default", IDictionary<string, string>? ownerLabels = null) =>
        AffinityTerm.From(Make.Pod("owner", ns: ns, labels: ownerLabels), term).Key;

    private static V1PodAffinityTerm With(Action<V1PodAffinityTerm> change)
    {
        var term = Make.Term(Host, "app", "web");
        change(term);
        return term;
    }

    [Fact]
    public void EqualTermsWrittenDifferentlyShareAKey()
    {
        Assert.Equal(Key(With(t => t.Namespaces = ["a", "b"])), Key(With(t => t.Namespaces = ["b", "a", "b"])));
        // No namespaces and no selector means the owner's namespace.
        Assert.Equal(Key(With(_ => { }), ns: "a"), Key(With(t => t.Namespaces = ["a"]), ns: "b"));
        var twoLabels = new V1LabelSelector { MatchLabels = Make.Labels("app", "web", "tier", "front") };
        var reordered = new V1LabelSelector { MatchLabels = Make.Labels("tier", "front", "app", "web") };
        Assert.Equal(Key(With(t => t.LabelSelector = twoLabels)), Key(With(t => t.LabelSelector = reordered)));
    }

    [Fact]
    public void TermsMatchingDifferentlyGetDifferentKeys()
    {
        var keys = new[]
        {
            Key(With(_ => { })),
            Key(With(t => t.TopologyKey = "topology.kubernetes.io/zone")),
            Key(With(t => t.LabelSelector = null)),
            Key(With(t => t.LabelSelector = new V1LabelSelector())),
            Key(With(t => t.Namespaces = ["other"])),
            Key(With(t => t.NamespaceSelector = new V1LabelSelector())),
            Key(With(t => t.NamespaceSelector = new V1LabelSelector { MatchLabels = Make.Labels("team", "x") })),
            Key(With(t => t.MatchLabelKeys = ["version"]), ownerLabels: Make.Labels("version", "v1")),
            Key(With(t => t.MatchLabelKeys = ["version"]), ownerLabels: Make.Labels("version", "v2")),
            Key(With(t => t.MismatchLabelKeys = ["version"]), ownerLabels: Make.Labels("version", "v1")),
        };
        Assert.Equal(keys.Length, keys.Distinct().Count());
    }

    [Fact]
    public void ANullSelectorAndAnEmptyOneAreNotGrouped()
    {
        // Grouped together, the first pod's term (matching nothing) would stand for both.
        var n1 = new NodeInfo(Make.Node("n1", labels: Make.Labels(Host, "n1")));
        var n2 = new NodeInfo(Make.Node("n2", labels: Make.Labels(Host, "n2")));
        n1.AddPod(Make.Pod("nothing", nodeName: "n1", affinity: Make.RequiredAntiAffinity(With(t => t.LabelSelector = null))));
        n2.AddPod(Make.Pod("everything", nodeName: "n2", affinity: Make.RequiredAntiAffinity(With(t => t.LabelSelector = new V1LabelSelector()))));
        var plugin = new InterPodAffinityPlugin(new FakeClusterObjects());
        var state = new CycleState { Nodes = [n1, n2] };
        var pod = Make.Pod("incoming");
        Assert.True(plugin.PreFilter(state, pod).IsSuccess);
        Assert.Equal("ok", AffinityIndexPropertyTests.Outcome(plugin.Filter(state, pod, n1)));
        Assert.Equal("existing", AffinityIndexPropertyTests.Outcome(plugin.Filter(state, pod, n2)));
    }
}
