using System.Diagnostics;
using System.Net;
using k8s.Models;
using KubeSharp.Client.Rest;
using KubeSharp.Testing;
using static KubeSharp.Agent.Tests.EndToEnd.E2ePods;
using Eventually = KubeSharp.Testing.Eventually;

namespace KubeSharp.Agent.Tests.EndToEnd;

/// <summary>
/// Real pods through the whole node path: API server → kubelet → CRI → containerd/runc with the CNI bridge, and
/// back: logs, exec and port-forward with the real kubectl, proxied by the API server to the kubelet's server.
/// </summary>
public sealed class PodEndToEndTests(NodeFixture node) : IClassFixture<NodeFixture>
{
    /// <summary>A pod whose first container serves "hello from web" on :8080 and whose second fetches it over localhost.</summary>
    private static V1Pod WebPod(string ns, string name) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
        Spec = new V1PodSpec
        {
            TerminationGracePeriodSeconds = 1,
            Containers =
            [
                Busybox("web", "mkdir -p /www && echo hello from web > /www/index.html && exec httpd -f -p 8080 -h /www", 8080),
                Busybox("client", "for i in $(seq 1 50); do wget -q -O - http://localhost:8080/ && break; sleep 0.2; done; echo client done; exec sleep 3600"),
            ],
        },
    };

    [Fact]
    public async Task Two_containers_share_localhost_and_the_pod_gets_an_ip_the_host_reaches()
    {
        var ns = await node.NewNamespaceAsync("e2e");
        try
        {
            var pod = await node.RunPodAsync(WebPod(ns, "web"));

            Assert.True(IPNetwork.Parse(node.Options.PodCidr).Contains(IPAddress.Parse(pod.Status.PodIP)), $"pod IP {pod.Status.PodIP} outside {node.Options.PodCidr}");
            Assert.Equal(2, pod.Status.ContainerStatuses.Count);
            Assert.All(pod.Status.ContainerStatuses, c => Assert.StartsWith("containerd://", c.ContainerID));

            // The second container reached the first over localhost: its log says so.
            var log = await Eventually.ValueAsync(() => node.Kubectl.OkAsync("logs", "-n", ns, "web", "-c", "client"), l => l.Contains("client done"), "the client's log");
            Assert.Contains("hello from web", log);

            // The host reaches the pod IP over the bridge.
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            Assert.Equal("hello from web\n", await http.GetStringAsync($"http://{pod.Status.PodIP}:8080/"));
        }
        finally
        {
            await node.CleanupNamespaceAsync(ns);
        }
    }

    [Fact]
    public async Task The_kubelets_metrics_count_the_CRI_calls_its_pods_cost_and_need_a_client_certificate()
    {
        var ns = await node.NewNamespaceAsync("e2e");
        try
        {
            await node.RunPodAsync(E2ePods.Pod(ns, "counted", Busybox("c", "exec sleep 3600")));
            var url = $"https://127.0.0.1:{node.Agent.Kubelet.ServerPort}/metrics";
            var admin = ClientConfig.FromKubeconfig(node.Kubeconfig).ClientCertificate!;
            using var withCert = new HttpClient(new SocketsHttpHandler
            {
                SslOptions = { ClientCertificates = [admin], RemoteCertificateValidationCallback = (_, _, _, _) => true },
            });
            var text = await withCert.GetStringAsync(url);
            Assert.Contains("# TYPE kubelet_runtime_operations_total counter\n", text);
            var sandboxes = text.Split('\n').Single(l => l.StartsWith("kubelet_runtime_operations_total{operation_type=\"run_podsandbox\"} ", StringComparison.Ordinal));
            Assert.True(long.Parse(sandboxes[(sandboxes.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture) >= 1, sandboxes);

            using var anonymous = new HttpClient(new SocketsHttpHandler { SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true } });
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(url)).StatusCode);
        }
        finally
        {
            await node.CleanupNamespaceAsync(ns);
        }
    }

    [Fact]
    public async Task Kubectl_exec_returns_output_and_the_exit_code()
    {
        var ns = await node.NewNamespaceAsync("e2e");
        try
        {
            await node.RunPodAsync(WebPod(ns, "exec"));

            Assert.Equal("hi from exec\n", await node.Kubectl.OkAsync("exec", "-n", ns, "exec", "-c", "web", "--", "echo", "hi from exec"));
            var failed = await node.Kubectl.RunAsync(["exec", "-n", ns, "exec", "-c", "web", "--", "sh", "-c", "echo out; echo err >&2; exit 3"]);
            Assert.Equal(3, failed.ExitCode);
            Assert.Equal("out\n", failed.Stdout);
            Assert.Contains("err", failed.Stderr);
        }
        finally
        {
            await node.CleanupNamespaceAsync(ns);
        }
    }

    [Fact]
    public async Task Kubectl_port_forward_carries_http_requests()
    {
        var ns = await node.NewNamespaceAsync("e2e");
        try
        {
            await node.RunPodAsync(WebPod(ns, "pf"));
            // Two requests: each local connection is its own pair of SPDY streams in the one tunnel.
            await WithPortForwardAsync(node.Kubectl, ns, "pod/pf", 8080, async localPort =>
            {
                for (var i = 0; i < 2; i++)
                {
                    using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
                    Assert.Equal("hello from web\n", await http.GetStringAsync($"http://127.0.0.1:{localPort}/"));
                }
            });
        }
        finally
        {
            await node.CleanupNamespaceAsync(ns);
        }
    }

    [Fact]
    public async Task Kubectl_logs_follows_new_lines_and_tails()
    {
        var ns = await node.NewNamespaceAsync("e2e");
        try
        {
            await node.RunPodAsync(new V1Pod
            {
                Metadata = new V1ObjectMeta { Name = "ticker", NamespaceProperty = ns },
                Spec = new V1PodSpec
                {
                    TerminationGracePeriodSeconds = 1,
                    Containers = [Busybox("tick", "i=0; while true; do i=$((i+1)); echo tick $i; sleep 0.2; done")],
                },
            });
            var tail = await Eventually.ValueAsync(() => node.Kubectl.OkAsync("logs", "-n", ns, "ticker", "--tail=2"),
                l => l.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length == 2, "two tail lines");
            Assert.All(tail.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => Assert.StartsWith("tick ", l));

            using var follow = Process.Start(node.Kubectl.StartInfo(["logs", "-f", "-n", ns, "ticker", "--tail=1"]))!;
            try
            {
                var first = await follow.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
                var second = await follow.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
                Assert.StartsWith("tick ", first);
                Assert.Equal(int.Parse(first!.Split(' ')[1]) + 1, int.Parse(second!.Split(' ')[1]));
            }
            finally
            {
                follow.Kill(entireProcessTree: true);
                await follow.WaitForExitAsync();
            }
        }
        finally
        {
            await node.CleanupNamespaceAsync(ns);
        }
    }
}
