using k8s.Models;
using KubeSharp.Scheduler.Cache;
using KubeSharp.Scheduler.Framework;
using KubeSharp.Scheduler.Plugins.InterPodAffinity;

namespace KubeSharp.Scheduler.Tests.Plugins;

/// <summary>
/// InterPodAffinity Filter, one row per behaviour, on three nodes: n1 and n2 in zone a, n3 in zone b (each with
/// its hostname label). The expected outcome per node is "ok", "aff" (affinity unmet, unresolvable), "anti" (the
/// pod's anti-affinity) or "existing" (another pod's anti-affinity).
/// </summary>
public class InterPodAffinityFilterTests
{
    private const string Host = "kubernetes.io/hostname";
    private const string Zone = "topology.kubernetes.io/zone";

    private static V1Pod On(string node, V1Pod pod)
    {
        pod.Spec.NodeName = node;
        return pod;
    }

    private static V1Pod Web(string name = "web", string ns = "default", string version = "v1") =>
        Make.Pod(name, ns: ns, labels: Make.Labels("app", "web", "version", version));

    private static V1Pod Incoming(V1Affinity? affinity, params string[] labels) =>
        Make.Pod("incoming", affinity: affinity, labels: labels.Length == 0 ? null : Make.Labels(labels));

    public static TheoryData<string, V1Pod, V1Pod[], string> Cases
    {
        get
        {
            var withMatchLabelKeys = Make.Term(Host, "app", "web");
            withMatchLabelKeys.MatchLabelKeys = ["version"];
            var twoTerms = Make.RequiredAffinity(Make.Term(Zone, "app", "db"), Make.Term(Zone, "tier", "backend"));
            return new()
            {
                { "no terms anywhere", Incoming(null), [On("n1", Web())], "ok ok ok" },
                { "anti-affinity by hostname", Incoming(Make.RequiredAntiAffinity(Make.Term(Host, "app", "web"))), [On("n1", Web())], "anti ok ok" },
                { "anti-affinity by zone", Incoming(Make.RequiredAntiAffinity(Make.Term(Zone, "app", "web"))), [On("n1", Web())], "anti anti ok" },
                { "anti-affinity on a key no node has", Incoming(Make.RequiredAntiAffinity(Make.Term("rack", "app", "web"))), [On("n1", Web())], "ok ok ok" },
                { "affinity by zone", Incoming(Make.RequiredAffinity(Make.Term(Zone, "app", "db"))), [On("n3", Make.Pod("db", labels: Make.Labels("app", "db")))], "aff aff ok" },
                { "affinity: the first pod of a group matching itself", Incoming(Make.RequiredAffinity(Make.Term(Zone, "app", "db")), "app", "db"), [], "ok ok ok" },
                { "affinity: no match and not matching itself", Incoming(Make.RequiredAffinity(Make.Term(Zone, "app", "db"))), [], "aff aff aff" },
                { "affinity: nodes lack the topology key", Incoming(Make.RequiredAffinity(Make.Term("rack", "app", "db"))), [On("n1", Make.Pod("db", labels: Make.Labels("app", "db")))], "aff aff aff" },
                { "affinity: a pod must match every term", Incoming(twoTerms), [On("n3", Make.Pod("db", labels: Make.Labels("app", "db")))], "aff aff aff" },
                { "affinity: every term matched", Incoming(twoTerms), [On("n3", Make.Pod("db", labels: Make.Labels("app", "db", "tier", "backend")))], "aff aff ok" },
                { "existing pod's anti-affinity by zone", Incoming(null, "app", "web"), [On("n2", Make.Pod("loner", affinity: Make.RequiredAntiAffinity(Make.Term(Zone, "app", "web"))))], "existing existing ok" },
                { "existing pod's anti-affinity not matching", Incoming(null, "app", "db"), [On("n2", Make.Pod("loner", affinity: Make.RequiredAntiAffinity(Make.Term(Zone, "app", "web"))))], "ok ok ok" },
                { "a term covers its own namespace only", Incoming(Make.RequiredAntiAffinity(Make.Term(Host, "app", "web"))), [On("n1", Web(ns: "other"))], "ok ok ok" },
                { "namespaces list", Incoming(Make.RequiredAntiAffinity(Make.Term(Host, "app", "web", namespaces: ["other"]))), [On("n1", Web(ns: "other")), On("n2", Web("web2"))], "anti ok ok" },
                { "empty namespaceSelector: every namespace", Incoming(Make.RequiredAntiAffinity(Make.Term(Host, "app", "web", namespaceSelector: new V1LabelSelector()))), [On("n1", Web(ns: "other")), On("n2", Web("web2"))], "anti anti ok" },
                { "namespaceSelector by labels", Incoming(Make.RequiredAntiAffinity(Make.Term(Host, "app", "web", namespaceSelector: new V1LabelSelector { MatchLabels = Make.Labels("team", "x") }))), [On("n1", Web(ns: "other")), On("n2", Web("web2", ns: "third"))], "anti ok ok" },
                { "existing pod's namespaceSelector sees the incoming pod's namespace", Incoming(null, "app", "web"), [On("n3", Make.Pod("loner", ns: "third", affinity: Make.RequiredAntiAffinity(Make.Term(Zone, "app", "web", namespaceSelector: new V1LabelSelector { MatchLabels = Make.Labels("team", "y") }))))], "ok ok existing" },
                { "matchLabelKeys: other version", Incoming(Make.RequiredAntiAffinity(withMatchLabelKeys), "version", "v2"), [On("n1", Web(version: "v1"))], "ok ok ok" },
                { "matchLabelKeys: same version", Incoming(Make.RequiredAntiAffinity(withMatchLabelKeys), "version", "v2"), [On("n1", Web(version: "v2"))], "anti ok ok" },
            };
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Filter(string name, V1Pod pod, V1Pod[] existing, string expected)
    {
        var nodes = new[]
        {
            new NodeInfo(Make.Node("n1", labels: Make.Labels(Host, "n1", Zone, "a"))),
            new NodeInfo(Make.Node("n2", labels: Make.Labels(Host, "n2", Zone, "a"))),
            new NodeInfo(Make.Node("n3", labels: Make.Labels(Host, "n3", Zone, "b"))),
        };
        foreach (var p in existing) nodes.Single(n => n.Name == p.Spec.NodeName).AddPod(p);
        var cluster = new FakeClusterObjects();
        cluster.Namespaces["default"] = Make.Labels("team", "y");
        cluster.Namespaces["other"] = Make.Labels("team", "x");
        cluster.Namespaces["third"] = Make.Labels("team", "z");
        var plugin = new InterPodAffinityPlugin(cluster);
        var state = new CycleState { Nodes = nodes };
        var pre = plugin.PreFilter(state, pod);
        var results = nodes.Select(n =>
        {
            if (pre.Code == StatusCode.Skip) return "ok";
            var s = plugin.Filter(state, pod, n);
            return s.Code switch
            {
                StatusCode.Success => "ok",
                StatusCode.UnschedulableAndUnresolvable when s.Reasons.SequenceEqual(["node(s) didn't match pod affinity rules"]) => "aff",
                StatusCode.Unschedulable when s.Reasons.SequenceEqual(["node(s) didn't match pod anti-affinity rules"]) => "anti",
                StatusCode.Unschedulable when s.Reasons.SequenceEqual(["node(s) didn't satisfy existing pods anti-affinity rules"]) => "existing",
                _ => $"{s.Code}:{s.Message}",
            };
        });
        Assert.True(expected == string.Join(" ", results), $"{name}: expected {expected}, got {string.Join(" ", results)}");
    }

    [Fact]
    public void PreFilterSkipsWhenNeitherThePodNorAnyExistingPodHasRequiredTerms()
    {
        var node = new NodeInfo(Make.Node("n1", labels: Make.Labels(Host, "n1")));
        node.AddPod(On("n1", Make.Pod("soft", affinity: new V1Affinity
        {
            PodAntiAffinity = new V1PodAntiAffinity
            {
                PreferredDuringSchedulingIgnoredDuringExecution = [new V1WeightedPodAffinityTerm { Weight = 1, PodAffinityTerm = Make.Term(Host, "app", "web") }],
            },
        })));
        var plugin = new InterPodAffinityPlugin(new FakeClusterObjects());
        Assert.Equal(StatusCode.Skip, plugin.PreFilter(new CycleState { Nodes = [node] }, Make.Pod("p", labels: Make.Labels("app", "web"))).Code);
    }
}
