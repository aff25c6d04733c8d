using k8s.Models;
using KubeSharp.Scheduler.Cache;

namespace KubeSharp.Scheduler.Tests.Plugins.InterPodAffinity;

/// <summary>
/// A small cluster changed at random (fixed seed) through the scheduler cache the way informers and the scheduling
/// loop change it: nodes come, go and get relabelled, pods are bound, assumed, confirmed, forgotten, relabelled and
/// deleted, pods wait for nodes not yet known, namespaces change labels. Pods and incoming pods draw their labels
/// and (anti-)affinity terms from small pools, so that terms repeat (groups, memos) and also vary.
/// </summary>
internal sealed class RandomAffinityCluster(int seed)
{
    public const string Host = "kubernetes.io/hostname";
    public const string Zone = "topology.kubernetes.io/zone";
    public const string Rack = "rack";

    private static readonly string[] NodeNames = ["n00", "n01", "n02", "n03", "n04", "n05", "n06", "n07", "n08", "n09", "n10", "ghost"];
    private static readonly string[] Namespaces = ["default", "other", "third"];

    private readonly Random _random = new(seed);
    private readonly HashSet<string> _nodes = [];
    private readonly List<V1Pod> _bound = [];
    private readonly List<V1Pod> _assumed = [];
    private int _next;

    public SchedulerCache Cache { get; } = new();

    public FakeClusterObjects Objects { get; } = new();

    public Random Random => _random;

    public void Start()
    {
        Objects.Namespaces["default"] = Make.Labels("team", "y");
        Objects.Namespaces["other"] = Make.Labels("team", "x");
        Objects.Namespaces["third"] = Make.Labels("team", "z");
        foreach (var name in NodeNames.Take(8)) AddNode(name);
        for (var i = 0; i < 20; i++) BindPod();
    }

    /// <summary>One random change; returns what it did (for failure messages).</summary>
    public string Step()
    {
        var roll = _random.Next(100);
        if (roll < 30) return BindPod();
        if (roll < 40) return AssumePod();
        if (roll < 48 && _assumed.Count > 0) return ConfirmOrForget();
        if (roll < 58 && _bound.Count > 0) return RemovePod();
        if (roll < 68 && _bound.Count > 0) return RelabelPod();
        if (roll < 76) return AddNode(Pick(NodeNames));
        if (roll < 82) return RemoveNode();
        if (roll < 94) return AddNode(Pick(NodeNames.Where(_nodes.Contains).DefaultIfEmpty("n00").ToArray()));
        var ns = Pick(Namespaces);
        Objects.Namespaces[ns] = Make.Labels("team", Pick(["x", "y", "z"]));
        return $"namespace {ns} relabelled";
    }

    /// <summary>A pod with random labels and terms, not bound anywhere.</summary>
    public V1Pod NewPod(string? name = null)
    {
        var labels = new Dictionary<string, string>();
        if (_random.Next(4) > 0) labels["app"] = Pick(["web", "db", "cache"]);
        if (_random.Next(2) > 0) labels["tier"] = Pick(["front", "back"]);
        labels["version"] = Pick(["v1", "v2"]);
        return Make.Pod(name ?? $"p{_next++}", ns: Pick(Namespaces), labels: labels, affinity: NewAffinity());
    }

    private V1Affinity? NewAffinity()
    {
        if (_random.Next(3) == 0) return null;
        var affinity = new V1Affinity();
        if (_random.Next(3) == 0) (affinity.PodAffinity ??= new()).RequiredDuringSchedulingIgnoredDuringExecution = Terms(1 + _random.Next(2));
        if (_random.Next(2) == 0) (affinity.PodAntiAffinity ??= new()).RequiredDuringSchedulingIgnoredDuringExecution = Terms(1 + _random.Next(2));
        if (_random.Next(3) == 0) (affinity.PodAffinity ??= new()).PreferredDuringSchedulingIgnoredDuringExecution = Weighted();
        if (_random.Next(3) == 0) (affinity.PodAntiAffinity ??= new()).PreferredDuringSchedulingIgnoredDuringExecution = Weighted();
        return affinity;
    }

    private List<V1WeightedPodAffinityTerm> Weighted() => [.. Terms(1 + _random.Next(2)).Select(t => new V1WeightedPodAffinityTerm { Weight = 1 + _random.Next(5), PodAffinityTerm = t })];

    private List<V1PodAffinityTerm> Terms(int n) => [.. Enumerable.Range(0, n).Select(_ => Term())];

    private V1PodAffinityTerm Term()
    {
        var term = _random.Next(2) == 0
            ? Make.Term(Pick([Host, Zone, Zone, Rack]), "app", Pick(["web", "db", "cache"]))
            : Make.Term(Pick([Host, Zone, Rack]), "tier", Pick(["front", "back"]));
        switch (_random.Next(6))
        {
            case 0: term.Namespaces = ["other"]; break;
            case 1: term.Namespaces = ["default", "third"]; break;
            case 2: term.NamespaceSelector = new V1LabelSelector(); break;
            case 3: term.NamespaceSelector = new V1LabelSelector { MatchLabels = Make.Labels("team", "x") }; break;
        }
        if (_random.Next(5) == 0) term.MatchLabelKeys = ["version"];
        return term;
    }

    private string BindPod()
    {
        var pod = NewPod();
        pod.Spec.NodeName = Pick(NodeNames);
        Cache.AddPod(pod);
        _bound.Add(pod);
        return $"bound {pod.Metadata.Name} to {pod.Spec.NodeName}";
    }

    private string AssumePod()
    {
        var pod = NewPod();
        var node = Pick(NodeNames);
        pod.Spec.NodeName = node;
        Cache.AssumePod(pod, node);
        _assumed.Add(pod);
        return $"assumed {pod.Metadata.Name} on {node}";
    }

    private string ConfirmOrForget()
    {
        var pod = _assumed[_random.Next(_assumed.Count)];
        _assumed.Remove(pod);
        if (_random.Next(2) == 0)
        {
            Cache.ForgetPod(pod);
            return $"forgot {pod.Metadata.Name}";
        }
        Cache.AddPod(pod);
        _bound.Add(pod);
        return $"confirmed {pod.Metadata.Name}";
    }

    private string RemovePod()
    {
        var pod = _bound[_random.Next(_bound.Count)];
        _bound.Remove(pod);
        Cache.RemovePod(pod);
        return $"deleted {pod.Metadata.Name}";
    }

    /// <summary>An informer update: a new object with the same uid, node and terms, other labels.</summary>
    private string RelabelPod()
    {
        var i = _random.Next(_bound.Count);
        var old = _bound[i];
        var pod = NewPod(old.Metadata.Name);
        pod.Metadata.Uid = old.Metadata.Uid;
        pod.Metadata.NamespaceProperty = old.Metadata.NamespaceProperty;
        pod.Spec.Affinity = old.Spec.Affinity;
        pod.Spec.NodeName = old.Spec.NodeName;
        Cache.UpdatePod(pod);
        _bound[i] = pod;
        return $"relabelled {pod.Metadata.Name}";
    }

    /// <summary>Adds the node or, when known, updates it: new labels or the same ones, with or without images.</summary>
    private string AddNode(string name)
    {
        var labels = new Dictionary<string, string>();
        if (_random.Next(10) > 0) labels[Host] = name;
        if (_random.Next(5) > 0) labels[Zone] = Pick(["a", "b", "c"]);
        if (_random.Next(2) > 0) labels[Rack] = Pick(["r1", "r2"]);
        var node = Make.Node(name, labels: labels.Count == 0 && _random.Next(2) == 0 ? null : labels);
        if (_random.Next(4) == 0) node.Status.Images = [new V1ContainerImage { Names = ["busybox"], SizeBytes = 1 << 20 }];
        var known = !_nodes.Add(name);
        Cache.AddNode(node);
        return $"{(known ? "updated" : "added")} node {name} {string.Join(",", labels.Select(kv => $"{kv.Key}={kv.Value}"))}";
    }

    private string RemoveNode()
    {
        if (_nodes.Count == 0) return "no node to remove";
        var name = Pick(_nodes.Order(StringComparer.Ordinal).ToArray());
        _nodes.Remove(name);
        Cache.RemoveNode(name);
        return $"removed node {name}";
    }

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];
}
