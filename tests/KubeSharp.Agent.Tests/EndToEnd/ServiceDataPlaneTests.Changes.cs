using System.Diagnostics;
using k8s.Models;
using Eventually = KubeSharp.Testing.Eventually;

namespace KubeSharp.Agent.Tests.EndToEnd;

/// <summary>Endpoint changes reaching the rules: backends added by a scale-up, a pod leaving rotation when unready.</summary>
public abstract partial class ServiceDataPlaneTests
{
    [Fact]
    public async Task Scaling_the_replication_controller_adds_backends_within_a_bounded_time()
    {
        var ns = await Node.NewNamespaceAsync("scale");
        try
        {
            var svc = await Node.Client.For<V1Service>().CreateAsync(Service(ns, "web"));
            await Node.Client.For<V1ReplicationController>().CreateAsync(HostnameRc(ns, "web", 3, Node.NodeName));
            await WaitSliceAsync(ns, "web", await ReadyPodsAsync(ns, "web", 3));
            var url = $"http://{svc.Spec.ClusterIP}:80/";
            await Eventually.ValueAsync(() => FromHostAsync(url, 30), a => a.Distinct().Count() == 3, "the three first backends");

            var scale = Stopwatch.StartNew();
            await Node.Kubectl.OkAsync("scale", "-n", ns, "rc/web", "--replicas=5");
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
            await Node.CleanupNamespaceAsync(ns);
        }
    }

    [Fact]
    public async Task A_pod_failing_readiness_leaves_the_rotation()
    {
        var ns = await Node.NewNamespaceAsync("unready");
        try
        {
            var svc = await Node.Client.For<V1Service>().CreateAsync(Service(ns, "web"));
            await Node.Client.For<V1ReplicationController>().CreateAsync(HostnameRc(ns, "web", 2, Node.NodeName));
            var pods = await ReadyPodsAsync(ns, "web", 2);
            await WaitSliceAsync(ns, "web", pods);
            var url = $"http://{svc.Spec.ClusterIP}:80/";
            await Eventually.ValueAsync(() => FromHostAsync(url, 20), a => a.Distinct().Count() == 2, "both backends");

            var (sick, healthy) = (pods[0].Metadata.Name, pods[1].Metadata.Name);
            await Node.Kubectl.OkAsync("exec", "-n", ns, sick, "--", "rm", "/tmp/ready");
            await Node.WaitPodAsync(ns, sick, p => p.Status.Conditions.Any(c => c.Type == "Ready" && c.Status == "False"), "not ready");
            var answers = await Eventually.ValueAsync(() => FromHostAsync(url, 20), a => a.All(x => x == healthy),
                $"only {healthy} to answer", TimeSpan.FromSeconds(30));
            Assert.Equal(20, answers.Count);
            // The unready pod still runs and serves on its own IP; only the service stopped sending to it.
            Assert.Equal([sick], await FromHostAsync($"http://{pods[0].Status.PodIP}:8080/", 1));
        }
        finally
        {
            await Node.CleanupNamespaceAsync(ns);
        }
    }
}
