using System.Diagnostics;
using System.Security.Cryptography;
using k8s.Models;
using KubeSharp.Testing;
using static KubeSharp.Agent.Tests.EndToEnd.E2ePods;
using Eventually = KubeSharp.Testing.Eventually;

namespace KubeSharp.Agent.Tests.EndToEnd;

/// <summary>
/// Services over real pods: the endpoints controllers in-process, the agent's kube-proxy programming the host's
/// iptables (own chain prefix and service CIDR), and cluster DNS behind the kube-dns Service. Traffic comes from the
/// host (busybox wget) and from inside pods (kubectl exec).
/// </summary>
public sealed class ServiceEndToEndTests(ServiceNodeFixture node) : IClassFixture<ServiceNodeFixture>
{
    private static V1ReplicationController HostnameRc(string ns, string name, int replicas, string nodeName) => new()
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

    private static V1Service Service(string ns, string name, string type = "ClusterIP", int? nodePort = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
        Spec = new V1ServiceSpec
        {
            Type = type,
            Selector = new Dictionary<string, string> { ["app"] = name },
            Ports = [new V1ServicePort { Port = 80, TargetPort = 8080, Protocol = "TCP", NodePort = nodePort }],
        },
    };

    private async Task<List<V1Pod>> ReadyPodsAsync(string ns, string app, int count) =>
        (await Eventually.ValueAsync(() => node.Client.For<V1Pod>().ListAsync(ns, new() { LabelSelector = "app=" + app }),
            l => l.Items.Count == count && l.Items.All(p => p.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true),
            $"{count} ready {app} pods", TimeSpan.FromSeconds(120))).Items;

    /// <summary>Ready endpoints of the service's slices equal the pods' IPs.</summary>
    private Task WaitSliceAsync(string ns, string svc, IEnumerable<V1Pod> pods) =>
        Eventually.ValueAsync(() => node.Client.For<V1EndpointSlice>().ListAsync(ns, new() { LabelSelector = "kubernetes.io/service-name=" + svc }),
            l => l.Items.SelectMany(s => s.Endpoints ?? []).Where(e => e.Conditions?.Ready == true).SelectMany(e => e.Addresses).Order()
                .SequenceEqual(pods.Select(p => p.Status.PodIP).Order()), $"{svc}'s slices to list the ready pods", TimeSpan.FromSeconds(30));

    /// <summary><paramref name="count"/> requests from the host, each a new busybox wget (new connection); the answers.</summary>
    private static async Task<List<string>> FromHostAsync(string url, int count)
    {
        var psi = new ProcessStartInfo("sh") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        // busybox 1.35's `wget -T` crashes: the outer timeout bounds each request instead.
        psi.ArgumentList.Add($"for i in $(seq {count}); do timeout 5 busybox wget -qO- {url} || echo FAILED; done");
        using var p = Process.Start(psi)!;
        var stdout = await p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync();
        return stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
    }

    /// <summary>The same from inside a pod, through kubectl exec.</summary>
    private async Task<List<string>> FromPodAsync(string ns, string pod, string url, int count)
    {
        var stdout = await node.Kubectl.OkAsync("exec", "-n", ns, pod, "--", "sh", "-c",
            $"for i in $(seq {count}); do timeout 5 wget -qO- {url} || echo FAILED; done");
        return stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
    }

    [Fact]
    public async Task A_ClusterIP_spreads_requests_over_three_backends_from_the_host_and_from_a_pod()
    {
        var ns = await node.NewNamespaceAsync("svc");
        try
        {
            var svc = await node.Client.For<V1Service>().CreateAsync(Service(ns, "web"));
            await node.Client.For<V1ReplicationController>().CreateAsync(HostnameRc(ns, "web", 3, node.NodeName));
            var pods = await ReadyPodsAsync(ns, "web", 3);
            await WaitSliceAsync(ns, "web", pods);
            var names = pods.Select(p => p.Metadata.Name).Order().ToList();
            var url = $"http://{svc.Spec.ClusterIP}:80/";

            var fromHost = await Eventually.ValueAsync(() => FromHostAsync(url, 30), a => a.Distinct().Order().SequenceEqual(names),
                "30 requests from the host to reach all three backends", TimeSpan.FromSeconds(60));
            Assert.Equal(30, fromHost.Count);
            // From a backend itself (hairpin through its own service included).
            var fromPod = await Eventually.ValueAsync(() => FromPodAsync(ns, names[0], url, 30), a => a.Distinct().Order().SequenceEqual(names),
                "30 requests from a pod to reach all three backends", TimeSpan.FromSeconds(60));
            Assert.Equal(30, fromPod.Count);
        }
        finally
        {
            await node.CleanupNamespaceAsync(ns);
        }
    }

    [Fact]
    public async Task Scaling_the_replication_controller_adds_backends_within_a_bounded_time()
    {
        var ns = await node.NewNamespaceAsync("scale");
        try
        {
            var svc = await node.Client.For<V1Service>().CreateAsync(Service(ns, "web"));
            await node.Client.For<V1ReplicationController>().CreateAsync(HostnameRc(ns, "web", 3, node.NodeName));
            await WaitSliceAsync(ns, "web", await ReadyPodsAsync(ns, "web", 3));
            var url = $"http://{svc.Spec.ClusterIP}:80/";
            await Eventually.ValueAsync(() => FromHostAsync(url, 30), a => a.Distinct().Count() == 3, "the three first backends");

            var scale = Stopwatch.StartNew();
            await node.Kubectl.OkAsync("scale", "-n", ns, "rc/web", "--replicas=5");
            var pods = await ReadyPodsAsync(ns, "web", 5);
            var names = pods.Select(p => p.Metadata.Name).ToHashSet();
            await WaitSliceAsync(ns, "web", pods);
            var sliceReady = scale.Elapsed;

            // From the moment the slice lists all five, new connections until each backend has answered once.
            var seen = new HashSet<string>();
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var deadline = scale.Elapsed + TimeSpan.FromSeconds(30);
            while (!names.IsSubsetOf(seen) && scale.Elapsed < deadline)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.ConnectionClose = true;
                try
                {
                    using var response = await http.SendAsync(request);
                    seen.Add((await response.Content.ReadAsStringAsync()).Trim());
                }
                catch (HttpRequestException)
                {
                    // A backend can refuse during reprogramming; keep asking.
                }
            }
            var allAnswer = scale.Elapsed;
            Console.WriteLine($"[timing] scale 3->5: endpoint slice lists 5 ready after {sliceReady.TotalSeconds:F2} s, all 5 backends answer after {allAnswer.TotalSeconds:F2} s ({(allAnswer - sliceReady).TotalMilliseconds:F0} ms after the slice)");
            Assert.True(names.IsSubsetOf(seen), $"backends seen: {string.Join(",", seen)}; expected {string.Join(",", names)}");
            Assert.True(allAnswer - sliceReady < TimeSpan.FromSeconds(10), $"rules lagged the slice by {allAnswer - sliceReady}");
        }
        finally
        {
            await node.CleanupNamespaceAsync(ns);
        }
    }

    [Fact]
    public async Task A_pod_failing_readiness_leaves_the_rotation()
    {
        var ns = await node.NewNamespaceAsync("unready");
        try
        {
            var svc = await node.Client.For<V1Service>().CreateAsync(Service(ns, "web"));
            await node.Client.For<V1ReplicationController>().CreateAsync(HostnameRc(ns, "web", 2, node.NodeName));
            var pods = await ReadyPodsAsync(ns, "web", 2);
            await WaitSliceAsync(ns, "web", pods);
            var url = $"http://{svc.Spec.ClusterIP}:80/";
            await Eventually.ValueAsync(() => FromHostAsync(url, 20), a => a.Distinct().Count() == 2, "both backends");

            var (sick, healthy) = (pods[0].Metadata.Name, pods[1].Metadata.Name);
            await node.Kubectl.OkAsync("exec", "-n", ns, sick, "--", "rm", "/tmp/ready");
            await node.WaitPodAsync(ns, sick, p => p.Status.Conditions.Any(c => c.Type == "Ready" && c.Status == "False"), "not ready");
            var answers = await Eventually.ValueAsync(() => FromHostAsync(url, 20), a => a.All(x => x == healthy),
                $"only {healthy} to answer", TimeSpan.FromSeconds(30));
            Assert.Equal(20, answers.Count);
            // The unready pod still runs and serves on its own IP; only the service stopped sending to it.
            Assert.Equal([sick], await FromHostAsync($"http://{pods[0].Status.PodIP}:8080/", 1));
        }
        finally
        {
            await node.CleanupNamespaceAsync(ns);
        }
    }

    [Fact]
    public async Task Pods_resolve_a_service_name_through_cluster_dns()
    {
        var ns = await node.NewNamespaceAsync("dns");
        try
        {
            var svc = await node.Client.For<V1Service>().CreateAsync(Service(ns, "web"));
            await node.RunPodAsync(Pod(ns, "client", Busybox("client", "while true; do sleep 1; done")));
            var resolv = await node.Kubectl.OkAsync("exec", "-n", ns, "client", "--", "cat", "/etc/resolv.conf");
            Assert.Contains($"nameserver {node.ClusterDnsIp}", resolv);

            var fqdn = $"web.{ns}.svc.cluster.local";
            var lookup = await Eventually.ValueAsync(
                async () => (await node.Kubectl.RunAsync(["exec", "-n", ns, "client", "--", "nslookup", fqdn])).Stdout,
                o => o.Contains(svc.Spec.ClusterIP, StringComparison.Ordinal), $"nslookup {fqdn}", TimeSpan.FromSeconds(30));
            Assert.Contains($"Address:\t{node.ClusterDnsIp}:53\n", lookup);
            Assert.Contains($"Name:\t{fqdn}\nAddress: {svc.Spec.ClusterIP}\n", lookup);
            // The pod's search path (namespace first) resolves the short name too. busybox's nslookup asks every
            // search domain at once and exits 1 because "web.cluster.local" is NXDOMAIN, so only its output counts.
            var shortName = await node.Kubectl.RunAsync(["exec", "-n", ns, "client", "--", "nslookup", "web"]);
            Assert.Contains($"Name:\t{fqdn}\nAddress: {svc.Spec.ClusterIP}\n", shortName.Stdout);
        }
        finally
        {
            await node.CleanupNamespaceAsync(ns);
        }
    }

    [Fact]
    public async Task A_NodePort_answers_on_the_node_ip()
    {
        var ns = await node.NewNamespaceAsync("nodeport");
        try
        {
            // A port of our own in the range: another test cluster on this host may hold the one the API would pick.
            var nodePort = 30000 + RandomNumberGenerator.GetInt32(2767);
            await node.Client.For<V1Service>().CreateAsync(Service(ns, "web", "NodePort", nodePort));
            await node.Client.For<V1ReplicationController>().CreateAsync(HostnameRc(ns, "web", 1, node.NodeName));
            var pods = await ReadyPodsAsync(ns, "web", 1);
            await WaitSliceAsync(ns, "web", pods);

            var answers = await Eventually.ValueAsync(() => FromHostAsync($"http://{node.NodeIP}:{nodePort}/", 5),
                a => a.All(x => x == pods[0].Metadata.Name), $"the NodePort on {node.NodeIP}", TimeSpan.FromSeconds(30));
            Assert.Equal(5, answers.Count);
        }
        finally
        {
            await node.CleanupNamespaceAsync(ns);
        }
    }
}
