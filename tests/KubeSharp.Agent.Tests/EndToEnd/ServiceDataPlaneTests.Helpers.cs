using System.Diagnostics;
using System.Security.Cryptography;
using k8s.Models;
using KubeSharp.Testing;
using static KubeSharp.Agent.Tests.EndToEnd.E2ePods;
using Eventually = KubeSharp.Testing.Eventually;

namespace KubeSharp.Agent.Tests.EndToEnd;

/// <summary>Workloads, services and clients the service end-to-end tests share.</summary>
public abstract partial class ServiceDataPlaneTests
{
    /// <summary>What a client prints for a request that got no answer (connection refused, reset or timed out).</summary>
    protected const string Failed = "FAILED";

    // Node ports and load-balancer ports are matched on the host's own addresses, which every test cluster on this
    // machine shares: each test takes the next port from a random start, so neither two tests of this run nor (most
    // likely) another run on the host program the same one.
    private static int s_nextPort = RandomNumberGenerator.GetInt32(2000);

    /// <summary>A node port of this test's own (30000-32767).</summary>
    protected static int NextNodePort() => 30000 + Interlocked.Increment(ref s_nextPort) % 2767;

    /// <summary>A service port for a load balancer whose ingress is the host's address: below the ephemeral range, where no client's port is.</summary>
    protected static int NextLoadBalancerPort() => 20000 + Interlocked.Increment(ref s_nextPort) % 10000;

    protected static V1ReplicationController HostnameRc(string ns, string name, int replicas, string nodeName) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
        Spec = new V1ReplicationControllerSpec
        {
            Replicas = replicas,
            Selector = new Dictionary<string, string> { ["app"] = name },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = name } },
                Spec = new V1PodSpec
                {
                    NodeName = nodeName,
                    TerminationGracePeriodSeconds = 1,
                    Containers = [HostnameContainer()],
                },
            },
        },
    };

    /// <summary>Serves its hostname; ready while /tmp/ready exists (created at start).</summary>
    private static V1Container HostnameContainer()
    {
        var c = Busybox("web", "touch /tmp/ready; " + HostnameServer, 8080);
        c.ReadinessProbe = FileProbe("/tmp/ready");
        return c;
    }

    /// <summary>A pod that only runs commands exec'd into it.</summary>
    protected static V1Pod ClientPod(string ns) => Pod(ns, "client", Busybox("client", "while true; do sleep 1; done"));

    protected static V1Service Service(string ns, string name, string type = "ClusterIP", int port = 80, int? nodePort = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
        Spec = new V1ServiceSpec
        {
            Type = type,
            Selector = new Dictionary<string, string> { ["app"] = name },
            Ports = [new V1ServicePort { Port = port, TargetPort = 8080, Protocol = "TCP", NodePort = nodePort }],
        },
    };

    protected async Task<List<V1Pod>> ReadyPodsAsync(string ns, string app, int count) =>
        (await Eventually.ValueAsync(() => Node.Client.For<V1Pod>().ListAsync(ns, new() { LabelSelector = "app=" + app }),
            l => l.Items.Count == count && l.Items.All(p => p.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true),
            $"{count} ready {app} pods", TimeSpan.FromSeconds(120))).Items;

    /// <summary>Ready endpoints of the service's slices equal the pods' IPs.</summary>
    protected Task WaitSliceAsync(string ns, string svc, IEnumerable<V1Pod> pods) =>
        Eventually.ValueAsync(() => Node.Client.For<V1EndpointSlice>().ListAsync(ns, new() { LabelSelector = "kubernetes.io/service-name=" + svc }),
            l => l.Items.SelectMany(s => s.Endpoints ?? []).Where(e => e.Conditions?.Ready == true).SelectMany(e => e.Addresses).Order()
                .SequenceEqual(pods.Select(p => p.Status.PodIP).Order()), $"{svc}'s slices to list the ready pods", TimeSpan.FromSeconds(30));

    /// <summary>
    /// One shell loop: <paramref name="count"/> requests, each a new busybox wget (so a new connection, balanced
    /// anew), one answer line each. busybox 1.35's `wget -T` crashes: an outer timeout bounds each request instead.
    /// </summary>
    private static string Loop(string wget, string url, int count) =>
        $"for i in $(seq {count}); do timeout 5 {wget} -qO- {url} || echo {Failed}; done";

    /// <summary><paramref name="count"/> requests from the host; the answers.</summary>
    protected static async Task<List<string>> FromHostAsync(string url, int count)
    {
        var psi = new ProcessStartInfo("sh") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(Loop("busybox wget", url, count));
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        await stderr;
        return Lines(await stdout);
    }

    /// <summary>The same from inside a pod: one kubectl exec running the whole loop.</summary>
    protected async Task<List<string>> FromPodAsync(string ns, string pod, string url, int count)
    {
        var r = await Node.Kubectl.RunAsync(["exec", "-n", ns, pod, "--", "sh", "-c", Loop("wget", url, count)], timeout: TimeSpan.FromSeconds(180));
        if (r.ExitCode != 0) throw new Xunit.Sdk.XunitException($"kubectl exec {pod} failed ({r.ExitCode}): {r.Stderr}");
        return Lines(r.Stdout);
    }

    private static List<string> Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();

    /// <summary>
    /// Every request answered by one of <paramref name="backends"/>, each with a share in [20%, 47%]. For 300
    /// requests at 1/3 each, that is about ±5 standard deviations, so a fair spread fails it about once in a million
    /// runs; a balancer that leaves a backend out or sends it half the traffic or more does not pass.
    /// </summary>
    protected static void AssertEvenSpread(IReadOnlyList<string> answers, IReadOnlyCollection<string> backends, int requests, string from)
    {
        var counts = backends.ToDictionary(b => b, b => answers.Count(a => a == b));
        var summary = $"{from}: {string.Join(", ", counts.Select(c => $"{c.Key}={c.Value}"))}, other answers {answers.Count - counts.Values.Sum()} of {answers.Count}";
        Console.WriteLine($"[spread] {summary}");
        Assert.True(answers.Count == requests && counts.Values.Sum() == requests, $"expected {requests} answers from the backends; {summary}");
        foreach (var (backend, n) in counts)
        {
            var share = (double)n / requests;
            Assert.True(share is >= 0.20 and <= 0.47, $"{backend} answered {share:P1} of the requests, outside [20%, 47%]; {summary}");
        }
    }
}
