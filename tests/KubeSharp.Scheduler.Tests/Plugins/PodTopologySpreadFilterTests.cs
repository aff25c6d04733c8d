using k8s.Models;
using KubeSharp.Scheduler.Cache;
using KubeSharp.Scheduler.Framework;
using KubeSharp.Scheduler.Plugins.PodTopologySpread;

namespace KubeSharp.Scheduler.Tests.Plugins;

/// <summary>
/// PodTopologySpread Filter, one row per behaviour, on n1, n2 (zone a), n3 (zone b, tainted NoSchedule) and n4
/// (no zone label). Outcome per node: "ok", "skew" (maxSkew exceeded) or "label" (missing topology key).
/// </summary>
public class PodTopologySpreadFilterTests
{
    internal const string Host = "kubernetes.io/hostname";
    internal const string Zone = "topology.kubernetes.io/zone";

    internal static V1TopologySpreadConstraint Spread(int maxSkew, string key, string action = "DoNotSchedule", int? minDomains = null,
        string? nodeAffinityPolicy = null, string? nodeTaintsPolicy = null, IList<string>? matchLabelKeys = null) => new()
    {
        MaxSkew = maxSkew,
        TopologyKey = key,
        WhenUnsatisfiable = action,
        LabelSelector = new V1LabelSelector { MatchLabels = Make.Labels("app", "web") },
        MinDomains = minDomains,
        NodeAffinityPolicy = nodeAffinityPolicy,
        NodeTaintsPolicy = nodeTaintsPolicy,
        MatchLabelKeys = matchLabelKeys,
    };

    internal static V1Pod Incoming(IDictionary<string, string>? nodeSelector = null, string app = "web", string version = "v1", params V1TopologySpreadConstraint[] spread)
    {
        var pod = Make.Pod("incoming", labels: Make.Labels("app", app, "version", version), nodeSelector: nodeSelector);
        pod.Spec.TopologySpreadConstraints = spread;
        return pod;
    }

    internal static V1Pod Web(string node, string ns = "default", string version = "v1", bool terminating = false)
    {
        var pod = Make.Pod("web-" + Guid.NewGuid().ToString("N")[..6], ns: ns, labels: Make.Labels("app", "web", "version", version), nodeName: node);
        if (terminating) pod.Metadata.DeletionTimestamp = DateTime.UtcNow;
        return pod;
    }

    internal static NodeInfo[] Nodes(params V1Pod[] existing)
    {
        var nodes = new[]
        {
            new NodeInfo(Make.Node("n1", labels: Make.Labels(Host, "n1", Zone, "a"))),
            new NodeInfo(Make.Node("n2", labels: Make.Labels(Host, "n2", Zone, "a"))),
            new NodeInfo(Make.Node("n3", labels: Make.Labels(Host, "n3", Zone, "b"), taints: [Make.Taint("dedicated", "x", "NoSchedule")])),
            new NodeInfo(Make.Node("n4", labels: Make.Labels(Host, "n4"))),
        };
        foreach (var p in existing) nodes.Single(n => n.Name == p.Spec.NodeName).AddPod(p);
        return nodes;
    }

    public static TheoryData<string, V1Pod, V1Pod[], string> Cases => new()
    {
        { "zone maxSkew 1", Incoming(spread: Spread(1, Zone)), [Web("n1")], "skew skew ok label" },
        { "zone maxSkew 2", Incoming(spread: Spread(2, Zone)), [Web("n1")], "ok ok ok label" },
        { "hostname maxSkew 1", Incoming(spread: Spread(1, Host)), [Web("n1"), Web("n2")], "skew skew ok ok" },
        { "a pod outside its own selector adds nothing", Incoming(app: "db", spread: Spread(1, Zone)), [Web("n1")], "ok ok ok label" },
        { "minimum over domains", Incoming(spread: Spread(1, Zone)), [Web("n1"), Web("n3")], "ok ok ok label" },
        { "fewer domains than minDomains: minimum is 0", Incoming(spread: Spread(1, Zone, minDomains: 3)), [Web("n1"), Web("n3")], "skew skew skew label" },
        { "nodeAffinityPolicy Honor leaves out other zones", Incoming(Make.Labels(Zone, "a"), spread: Spread(1, Zone)), [Web("n1")], "ok ok ok label" },
        { "nodeAffinityPolicy Ignore counts them", Incoming(Make.Labels(Zone, "a"), spread: Spread(1, Zone, nodeAffinityPolicy: "Ignore")), [Web("n1")], "skew skew ok label" },
        { "nodeTaintsPolicy Honor leaves out the tainted zone", Incoming(spread: Spread(1, Zone, nodeTaintsPolicy: "Honor")), [Web("n1")], "ok ok ok label" },
        { "matchLabelKeys: other version does not count", Incoming(version: "v2", spread: Spread(1, Zone, matchLabelKeys: ["version"])), [Web("n1", version: "v1")], "ok ok ok label" },
        { "matchLabelKeys: same version counts", Incoming(version: "v2", spread: Spread(1, Zone, matchLabelKeys: ["version"])), [Web("n1", version: "v2")], "skew skew ok label" },
        { "other namespaces do not count", Incoming(spread: Spread(1, Zone)), [Web("n1", ns: "other")], "ok ok ok label" },
        { "terminating pods do not count", Incoming(spread: Spread(1, Zone)), [Web("n1", terminating: true)], "ok ok ok label" },
        { "ScheduleAnyway does not filter", Incoming(spread: Spread(1, Zone, "ScheduleAnyway")), [Web("n1"), Web("n1")], "ok ok ok ok" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Filter(string name, V1Pod pod, V1Pod[] existing, string expected)
    {
        var nodes = Nodes(existing);
        var plugin = new PodTopologySpreadPlugin(new FakeClusterObjects());
        var state = new CycleState { Nodes = nodes };
        var pre = plugin.PreFilter(state, pod);
        var results = nodes.Select(n =>
        {
            if (pre.Code == StatusCode.Skip) return "ok";
            var s = plugin.Filter(state, pod, n);
            return s.Code switch
            {
                StatusCode.Success => "ok",
                StatusCode.Unschedulable when s.Reasons.SequenceEqual(["node(s) didn't match pod topology spread constraints"]) => "skew",
                StatusCode.UnschedulableAndUnresolvable when s.Reasons.SequenceEqual(["node(s) didn't match pod topology spread constraints (missing required label)"]) => "label",
                _ => $"{s.Code}:{s.Message}",
            };
        });
        Assert.True(expected == string.Join(" ", results), $"{name}: expected {expected}, got {string.Join(" ", results)}");
    }

    [Fact]
    public void SystemDefaultsNeverFilter()
    {
        var cluster = new FakeClusterObjects();
        cluster.ServiceList.Add(new V1Service { Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = "default" }, Spec = new V1ServiceSpec { Selector = Make.Labels("app", "web") } });
        var pod = Make.Pod("p", labels: Make.Labels("app", "web"));
        Assert.Equal(StatusCode.Skip, new PodTopologySpreadPlugin(cluster).PreFilter(new CycleState { Nodes = Nodes(Web("n1")) }, pod).Code);
    }
}
