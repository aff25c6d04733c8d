using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using k8s.Models;
using Eventually = KubeSharp.Testing.Eventually;

namespace KubeSharp.Agent.Tests.EndToEnd;

/// <summary>
/// What services must do for real pods, run once per proxy mode (<see cref="ServiceEndToEndTests"/> for iptables,
/// <see cref="ServiceEndToEndNftablesTests"/> for nftables): balancing over backends, hairpin traffic, ClientIP
/// affinity, rejecting services without endpoints, node ports (node IP and localhost), load-balancer ingress, and
/// (other files) endpoint changes and cluster DNS. Pods run in the node's containerd on its CNI bridge; traffic comes
/// from the host (busybox wget, or a socket) and from inside pods (one kubectl exec running a loop).
/// </summary>
public abstract partial class ServiceDataPlaneTests(NodeFixture node)
{
    protected NodeFixture Node => node;

    [Fact]
    public async Task A_ClusterIP_spreads_300_requests_evenly_over_three_backends_from_the_host_and_from_a_pod()
    {
        var ns = await node.NewNamespaceAsync("spread");
        try
        {
            var svc = await node.Client.For<V1Service>().CreateAsync(Service(ns, "web"));
            var client = node.RunPodAsync(ClientPod(ns));
            await node.Client.For<V1ReplicationController>().CreateAsync(HostnameRc(ns, "web", 3, node.NodeName));
            var pods = await ReadyPodsAsync(ns, "web", 3);
            await client;
            await WaitSliceAsync(ns, "web", pods);
            var names = pods.Select(p => p.Metadata.Name).Order().ToList();
            var url = $"http://{svc.Spec.ClusterIP}:80/";

            // Rules follow the slice after a sync: first wait until a small batch reaches all three, then count a
            // single run of 300 (no retry: a retried measurement would hide an uneven spread).
            await Eventually.ValueAsync(() => FromHostAsync(url, 30), a => a.Distinct().Order().SequenceEqual(names),
                "requests from the host to reach all three backends", TimeSpan.FromSeconds(60));
            AssertEvenSpread(await FromHostAsync(url, 300), names, 300, $"host ({node.Mode})");

            await Eventually.ValueAsync(() => FromPodAsync(ns, "client", url, 30), a => a.Distinct().Order().SequenceEqual(names),
                "requests from a pod to reach all three backends", TimeSpan.FromSeconds(60));
            AssertEvenSpread(await FromPodAsync(ns, "client", url, 300), names, 300, $"pod ({node.Mode})");
        }
        finally
        {
            await node.CleanupNamespaceAsync(ns);
        }
    }

    /// <summary>
    /// Hairpin: the request leaves the pod for the virtual IP and is DNATed back to the pod itself. It only works when
    /// the bridge sends a frame back out of the port it came in by (the CNI bridge's hairpinMode) and the proxy
    /// masquerades traffic whose source is the chosen endpoint; otherwise the pod answers itself from its own IP and
    /// the client, waiting for the virtual IP, never sees the answer.
    /// </summary>
    [Fact]
    public async Task A_pod_reaches_itself_through_its_own_service()
    {
        var ns = await node.NewNamespaceAsync("hairpin");
        try
        {
            var svc = await node.Client.For<V1Service>().CreateAsync(Service(ns, "self"));
            await node.Client.For<V1ReplicationController>().CreateAsync(HostnameRc(ns, "self", 1, node.NodeName));
            var pods = await ReadyPodsAsync(ns, "self", 1);
            await WaitSliceAsync(ns, "self", pods);
            var self = pods[0].Metadata.Name;

            var answers = await Eventually.ValueAsync(() => FromPodAsync(ns, self, $"http://{svc.Spec.ClusterIP}:80/", 5),
                a => a.Count == 5 && a.All(x => x == self), $"{self} to reach itself through its service", TimeSpan.FromSeconds(60));
            Assert.Equal(Enumerable.Repeat(self, 5), answers);
        }
        finally
        {
            await node.CleanupNamespaceAsync(ns);
        }
    }

    [Fact]
    public async Task ClientIP_session_affinity_keeps_each_client_on_one_backend()
    {
        var ns = await node.NewNamespaceAsync("affinity");
        try
        {
            var spec = Service(ns, "sticky");
            spec.Spec.SessionAffinity = "ClientIP";
            var svc = await node.Client.For<V1Service>().CreateAsync(spec);
            var client = node.RunPodAsync(ClientPod(ns));
            await node.Client.For<V1ReplicationController>().CreateAsync(HostnameRc(ns, "sticky", 3, node.NodeName));
            var pods = await ReadyPodsAsync(ns, "sticky", 3);
            await client;
            await WaitSliceAsync(ns, "sticky", pods);
            var names = pods.Select(p => p.Metadata.Name).ToHashSet();
            var url = $"http://{svc.Spec.ClusterIP}:80/";

            // Three backends: without affinity, 20 new connections all landing on one has a chance of 3^-19.
            await Eventually.ValueAsync(() => FromHostAsync(url, 1), a => a.Count == 1 && names.Contains(a[0]), "a first answer from the host", TimeSpan.FromSeconds(60));
            var fromHost = await FromHostAsync(url, 20);
            Assert.True(fromHost.Count == 20 && fromHost.Distinct().Count() == 1 && names.Contains(fromHost[0]),
                $"20 requests from the host answered by: {string.Join(",", fromHost)}");

            await Eventually.ValueAsync(() => FromPodAsync(ns, "client", url, 1), a => a.Count == 1 && names.Contains(a[0]), "a first answer from the pod", TimeSpan.FromSeconds(60));
            var fromPod = await FromPodAsync(ns, "client", url, 20);
            Assert.True(fromPod.Count == 20 && fromPod.Distinct().Count() == 1 && names.Contains(fromPod[0]),
                $"20 requests from the client pod answered by: {string.Join(",", fromPod)}");
        }
        finally
        {
            await node.CleanupNamespaceAsync(ns);
        }
    }

    [Fact]
    public async Task A_service_without_endpoints_refuses_connections_at_once()
    {
        var ns = await node.NewNamespaceAsync("noendpoints");
        try
        {
            // The selector matches no pod: the service has a virtual IP and an empty slice.
            var svc = await node.Client.For<V1Service>().CreateAsync(Service(ns, "nobody"));
            await node.RunPodAsync(ClientPod(ns));
            var ip = svc.Spec.ClusterIP;

            // Before the proxy's sync the virtual IP routes nowhere and a connect times out; after it, the proxy's
            // reject answers with ICMP port unreachable, which the client sees as "connection refused".
            await Eventually.ValueAsync(() => ConnectAsync(ip, 80), r => r.Error == SocketError.ConnectionRefused,
                $"connecting to {ip}:80 from the host to be refused", TimeSpan.FromSeconds(60));
            for (var i = 0; i < 3; i++)
            {
                var (error, elapsed) = await ConnectAsync(ip, 80);
                Assert.Equal(SocketError.ConnectionRefused, error);
                Assert.True(elapsed < TimeSpan.FromSeconds(1), $"refused only after {elapsed}");
            }

            // From a pod (the forwarding path): busybox wget reports the refusal, not the outer timeout (exit 143).
            var watch = Stopwatch.StartNew();
            var r = await node.Kubectl.RunAsync(["exec", "-n", ns, "client", "--", "sh", "-c", $"timeout 5 wget -qO- http://{ip}:80/ 2>&1; echo exit=$?"]);
            Assert.True(r.Stdout.Contains("Connection refused", StringComparison.Ordinal) && r.Stdout.Contains("exit=1", StringComparison.Ordinal),
                $"wget from the pod after {watch.Elapsed}: {r.Stdout} {r.Stderr}");
        }
        finally
        {
            await node.CleanupNamespaceAsync(ns);
        }
    }

    [Fact]
    public async Task A_NodePort_answers_on_the_node_ip_and_on_localhost()
    {
        var ns = await node.NewNamespaceAsync("nodeport");
        try
        {
            var nodePort = NextNodePort();
            await node.Client.For<V1Service>().CreateAsync(Service(ns, "web", "NodePort", nodePort: nodePort));
            await node.Client.For<V1ReplicationController>().CreateAsync(HostnameRc(ns, "web", 1, node.NodeName));
            var pods = await ReadyPodsAsync(ns, "web", 1);
            await WaitSliceAsync(ns, "web", pods);
            var name = pods[0].Metadata.Name;

            // Nothing listens on the host at that port: only the proxy's DNAT can answer.
            var answers = await Eventually.ValueAsync(() => FromHostAsync($"http://{node.NodeIP}:{nodePort}/", 5),
                a => a.Count == 5 && a.All(x => x == name), $"the NodePort on {node.NodeIP}", TimeSpan.FromSeconds(30));
            Assert.Equal(Enumerable.Repeat(name, 5), answers);
            // 127.0.0.1 needs route_localnet (set by the proxy) and SNAT, as upstream's iptables mode does.
            answers = await Eventually.ValueAsync(() => FromHostAsync($"http://127.0.0.1:{nodePort}/", 5),
                a => a.Count == 5 && a.All(x => x == name), "the NodePort on 127.0.0.1", TimeSpan.FromSeconds(30));
            Assert.Equal(Enumerable.Repeat(name, 5), answers);
        }
        finally
        {
            await node.CleanupNamespaceAsync(ns);
        }
    }

    [Fact]
    public async Task A_LoadBalancer_gets_the_node_ip_as_ingress_and_answers_there()
    {
        var ns = await node.NewNamespaceAsync("lb");
        try
        {
            // The ingress is the host's own address: a port of this test's own, and no node port to collide on.
            var port = NextLoadBalancerPort();
            var spec = Service(ns, "lb", "LoadBalancer", port);
            spec.Spec.AllocateLoadBalancerNodePorts = false;
            await node.Client.For<V1Service>().CreateAsync(spec);
            await node.Client.For<V1ReplicationController>().CreateAsync(HostnameRc(ns, "lb", 1, node.NodeName));
            var pods = await ReadyPodsAsync(ns, "lb", 1);
            await WaitSliceAsync(ns, "lb", pods);
            var name = pods[0].Metadata.Name;

            var svc = await Eventually.ValueAsync(() => node.Client.For<V1Service>().GetAsync(ns, "lb"),
                s => s.Status?.LoadBalancer?.Ingress is { Count: > 0 }, "the service-lb controller to set the ingress", TimeSpan.FromSeconds(30));
            Assert.Equal([node.NodeIP], svc.Status.LoadBalancer.Ingress.Select(i => i.Ip));
            Assert.Null(svc.Spec.Ports[0].NodePort);

            var answers = await Eventually.ValueAsync(() => FromHostAsync($"http://{node.NodeIP}:{port}/", 5),
                a => a.Count == 5 && a.All(x => x == name), $"the load balancer at {node.NodeIP}:{port}", TimeSpan.FromSeconds(30));
            Assert.Equal(Enumerable.Repeat(name, 5), answers);
        }
        finally
        {
            await node.CleanupNamespaceAsync(ns);
        }
    }

    /// <summary>One TCP connect from the host: how it ended and how long it took (5 s at most).</summary>
    private static async Task<(SocketError Error, TimeSpan Elapsed)> ConnectAsync(string ip, int port)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var watch = Stopwatch.StartNew();
        try
        {
            await socket.ConnectAsync(IPAddress.Parse(ip), port, cts.Token);
            return (SocketError.Success, watch.Elapsed);
        }
        catch (SocketException e)
        {
            return (e.SocketErrorCode, watch.Elapsed);
        }
        catch (OperationCanceledException)
        {
            return (SocketError.TimedOut, watch.Elapsed);
        }
    }
}
