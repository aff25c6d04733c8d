using System.Text;

namespace KubeSharp.Benchmarks.SchedulerBench.Workload;

/// <summary>
/// Node and pod bodies with the field values of upstream scheduler_perf's templates
/// (test/integration/scheduler_perf/config: node-default.yaml, pod-default.yaml, pod-with-pod-anti-affinity.yaml).
/// Two deliberate additions, both what a real cluster has: nodes carry the kubernetes.io/hostname label (the
/// kubelet sets it; without it a hostname anti-affinity term has no domain to act on) and status.allocatable
/// equal to capacity (upstream's API defaulting copies capacity there when it is empty; KubeSharp's does not).
/// </summary>
internal static class Templates
{
    public const string PodImage = "k8s.gcr.io/pause:3.7";

    /// <summary>node-default.yaml: 110 pods, 4 CPUs, 32Gi, Ready.</summary>
    public static byte[] Node(string name) => Encoding.UTF8.GetBytes($$$$"""
        {"apiVersion":"v1","kind":"Node","metadata":{"name":"{{{{name}}}}","labels":{"kubernetes.io/hostname":"{{{{name}}}}"}},"spec":{},
        "status":{"capacity":{"pods":"110","cpu":"4","memory":"32Gi"},"allocatable":{"pods":"110","cpu":"4","memory":"32Gi"},
        "conditions":[{"type":"Ready","status":"True"}],"phase":"Running"}}
        """.ReplaceLineEndings(""));

    /// <summary>pod-default.yaml: one pause container, port 80, 100m CPU and 500Mi requested and limited.</summary>
    public static PodBodies DefaultPod(string ns, string? nodeName = null) => new($$$$"""
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"@@NAME@@","namespace":"{{{{ns}}}}"},
        "spec":{{{{SpecOpen(nodeName)}}}}"containers":[{"image":"{{{{PodImage}}}}","name":"pause","ports":[{"containerPort":80}],
        "resources":{"limits":{"cpu":"100m","memory":"500Mi"},"requests":{"cpu":"100m","memory":"500Mi"}}}]}}
        """.ReplaceLineEndings(""));

    /// <summary>
    /// pod-with-pod-anti-affinity.yaml: label color=green and a required anti-affinity to color=green pods on the
    /// same kubernetes.io/hostname, in the namespaces sched-test and sched-setup; otherwise as pod-default.
    /// </summary>
    public static PodBodies AntiAffinityPod(string ns) => new($$$$"""
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"@@NAME@@","namespace":"{{{{ns}}}}","labels":{"color":"green"}},
        "spec":{"affinity":{"podAntiAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":[
        {"labelSelector":{"matchLabels":{"color":"green"}},"topologyKey":"kubernetes.io/hostname","namespaces":["sched-test","sched-setup"]}]}},
        "containers":[{"image":"{{{{PodImage}}}}","name":"pause","ports":[{"containerPort":80}],
        "resources":{"limits":{"cpu":"100m","memory":"500Mi"},"requests":{"cpu":"100m","memory":"500Mi"}}}]}}
        """.ReplaceLineEndings(""));

    private static string SpecOpen(string? nodeName) => nodeName == null ? "{" : $"{{\"nodeName\":\"{nodeName}\",";
}

/// <summary>A pod body split around its name, so a request costs one copy and no serializer.</summary>
internal sealed class PodBodies
{
    private const string Marker = "@@NAME@@";
    private readonly byte[] _head;
    private readonly byte[] _tail;

    public PodBodies(string json)
    {
        var at = json.IndexOf(Marker, StringComparison.Ordinal);
        _head = Encoding.UTF8.GetBytes(json[..at]);
        _tail = Encoding.UTF8.GetBytes(json[(at + Marker.Length)..]);
    }

    public byte[] For(string name)
    {
        var body = new byte[_head.Length + Encoding.UTF8.GetByteCount(name) + _tail.Length];
        _head.CopyTo(body, 0);
        var written = Encoding.UTF8.GetBytes(name, body.AsSpan(_head.Length));
        _tail.CopyTo(body, _head.Length + written);
        return body;
    }
}
