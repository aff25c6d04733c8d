using k8s.Models;
using KubeSharp.Client.Rest;
using System.Net;
using System.Text.Json;
using KubeSharp.Proxy.Iptables;
using KubeSharp.Proxy.Nftables;
using KubeSharp.Proxy.Tests.Infrastructure;
using KubeSharp.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace KubeSharp.Proxy.Tests.Integration;

/// <summary>
/// The whole proxy: a real in-process API server, Services and EndpointSlices written by the test (as the
/// endpoint-slice controller would), the proxy programming a test-made node namespace, traffic through it.
/// </summary>
public sealed class ProxyHostTests : IAsyncLifetime
{
    private readonly ApiServerFixture _api = new();

    private KubeClient Client => _api.Client;

    public Task InitializeAsync() => _api.InitializeAsync();

    private static V1Service Service(string name, string ip) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "default" },
        Spec = new V1ServiceSpec
        {
            ClusterIP = ip,
            Selector = new Dictionary<string, string> { ["app"] = name },
            Ports = [new V1ServicePort { Port = 80, TargetPort = 8080, Protocol = "TCP" }],
        },
    };

    private static V1EndpointSlice Slice(string service, params (string Ip, bool Ready)[] endpoints) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = service + "-abc", NamespaceProperty = "default",
            Labels = new Dictionary<string, string> { ["kubernetes.io/service-name"] = service },
        },
        AddressType = "IPv4",
        Ports = [new Discoveryv1EndpointPort { Port = 8080, Protocol = "TCP", Name = "" }],
        Endpoints = endpoints.Select(e => new V1Endpoint
        {
            Addresses = [e.Ip],
            Conditions = new V1EndpointConditions { Ready = e.Ready, Serving = e.Ready, Terminating = false },
            NodeName = "node-1",
        }).ToList(),
    };

    private Task<ProxyHost> StartProxyAsync(ServiceTestBed bed, string mode) => ProxyHost.StartAsync(new ProxyOptions
    {
        KubeconfigPath = _api.KubeconfigPath,
        NodeName = "node-1",
        ChainPrefix = "KT6-",
        Mode = ProxyModes.Parse(mode),
        ClusterCidr = ServiceTestBed.ClusterCidr,
        CommandPrefix = bed.Node.Host.Prefix,
        ConfigureSysctls = false,
        HealthzBindAddress = "127.0.0.1:0",
        MetricsBindAddress = "127.0.0.1:0",
        HealthCheckBindAddress = "127.0.0.1",
    }, NullLoggerFactory.Instance, CancellationToken.None);

    [Theory]
    [InlineData("iptables")]
    [InlineData("nftables")]
    public async Task Services_and_endpoint_changes_reach_the_rules(string mode)
    {
        await using var bed = await ServiceTestBed.CreateAsync(2);
        await using var proxy = await StartProxyAsync(bed, mode);

        await Client.For<V1Service>().CreateAsync(Service("web", "10.96.20.10"));
        await Client.For<V1EndpointSlice>().CreateAsync(Slice("web", (ServiceTestBed.BackendIp(1), true), (ServiceTestBed.BackendIp(2), true)));
        await proxy.FirstSync.WaitAsync(TimeSpan.FromSeconds(20));
        await Eventually.ValueAsync(() => bed.GetAsync("10.96.20.10", 80), r => r.Ok, "the service to answer");
        var counts = await bed.DistributionAsync("10.96.20.10", 80, 40);
        Assert.Equal(["backend-1", "backend-2"], counts.Keys.Order());

        // Backend 2 stops being ready: it leaves the rotation.
        var slice = await Client.For<V1EndpointSlice>().GetAsync("default", "web-abc");
        slice.Endpoints[1].Conditions.Ready = false;
        slice.Endpoints[1].Conditions.Serving = false;
        await Client.For<V1EndpointSlice>().UpdateAsync(slice);
        await Eventually.ValueAsync(() => bed.DistributionAsync("10.96.20.10", 80, 10), c => c.Keys.SequenceEqual(["backend-1"]), "backend-2 to leave");

        // The service goes away: its chain goes too (the API server's own `kubernetes` service keeps its chains).
        var webChain = new ChainNames("KT6-").Service(new KubeSharp.Proxy.Model.ServicePort
        {
            Namespace = "default", Name = "web", PortName = "", Protocol = "TCP", ClusterIP = "10.96.20.10", Port = 80,
        });
        if (mode == "nftables")
        {
            webChain = NftablesNames.Service(new KubeSharp.Proxy.Model.ServicePort
            {
                Namespace = "default", Name = "web", PortName = "", Protocol = "TCP", ClusterIP = "10.96.20.10", Port = 80,
            });
        }
        Func<Task<IReadOnlySet<string>>> chains = mode == "nftables"
            ? async () => (await new NftablesClient(bed.Node.Host).ObjectsAsync("kt6-proxy", CancellationToken.None)).Chains
            : () => new IptablesClient(bed.Node.Host).ChainsAsync("nat", CancellationToken.None);
        Assert.Contains(webChain, await chains());
        await Client.For<V1Service>().DeleteAsync("default", "web");
        await Eventually.ValueAsync(chains, c => !c.Contains(webChain), "the service chain to be removed");
    }

    [Fact]
    public async Task Healthz_metrics_and_health_check_node_ports_are_served()
    {
        await using var bed = await ServiceTestBed.CreateAsync(1);
        await using var proxy = await StartProxyAsync(bed, "nftables");
        using var http = new HttpClient();
        Assert.NotNull(proxy.HealthzEndpoint);
        Assert.NotNull(proxy.MetricsEndpoint);
        await proxy.FirstSync.WaitAsync(TimeSpan.FromSeconds(20));

        var healthz = await http.GetAsync($"http://{proxy.HealthzEndpoint}/healthz");
        Assert.Equal(HttpStatusCode.OK, healthz.StatusCode);
        var json = JsonDocument.Parse(await healthz.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("node-1", json.GetProperty("nodeName").GetString());
        Assert.True(DateTimeOffset.Parse(json.GetProperty("lastUpdated").GetString()!) > DateTimeOffset.UtcNow.AddMinutes(-1));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"http://{proxy.HealthzEndpoint}/livez")).StatusCode);

        // A LoadBalancer with externalTrafficPolicy Local and one ready endpoint on this node; the slice carries the
        // controller's trigger time, which becomes a network programming latency sample.
        var lb = Service("front", "10.96.20.11");
        lb.Spec.Type = "LoadBalancer";
        lb.Spec.ExternalTrafficPolicy = "Local";
        var programmedBefore = proxy.Metrics.NetworkProgramming.Count;
        // The API server allocates the health-check port from the node-port range.
        var healthPort = (await Client.For<V1Service>().CreateAsync(lb)).Spec.HealthCheckNodePort ?? 0;
        Assert.InRange(healthPort, 30000, 32767);
        var slice = Slice("front", (ServiceTestBed.BackendIp(1), true));
        slice.Metadata.Annotations = new Dictionary<string, string> { ["endpoints.kubernetes.io/last-change-trigger-time"] = DateTimeOffset.UtcNow.AddSeconds(-1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'") };
        await Client.For<V1EndpointSlice>().CreateAsync(slice);
        var answer = await Eventually.ValueAsync(async () =>
        {
            try
            {
                return await http.GetStringAsync($"http://127.0.0.1:{healthPort}/");
            }
            catch (HttpRequestException)
            {
                return "";
            }
        }, body => body.Contains("\"localEndpoints\":1", StringComparison.Ordinal), "the health-check node port to report the endpoint");
        Assert.Equal("{\"service\":{\"namespace\":\"default\",\"name\":\"front\"},\"localEndpoints\":1,\"serviceProxyHealthy\":true}", answer);
        Assert.Equal("backend-1", (await bed.GetAsync("10.96.20.11", 80)).Text);

        // The informer hands the slice to the proxy's handler (which queues its trigger time) after the cache has it:
        // a sync already queued may program the slice first, and the sample comes with the next sync.
        await Eventually.WaitAsync(() => proxy.Metrics.NetworkProgramming.Count > programmedBefore, "a network programming latency sample");
        var metrics = await http.GetStringAsync($"http://{proxy.MetricsEndpoint}/metrics");
        Assert.Matches(@"(?m)^kubeproxy_sync_proxy_rules_duration_seconds_count [1-9]", metrics);
        Assert.Matches(@"(?m)^kubeproxy_sync_proxy_rules_service_changes_total [1-9]", metrics);
        Assert.Matches(@"(?m)^kubeproxy_sync_proxy_rules_endpoint_changes_total [1-9]", metrics);
        Assert.Matches(@"(?m)^kubeproxy_sync_proxy_rules_last_timestamp_seconds 1\d{9}", metrics);
        Assert.Matches(@"(?m)^kubeproxy_network_programming_duration_seconds_count [1-9]", metrics);

        // The service goes away: so does its health-check port.
        await Client.For<V1Service>().DeleteAsync("default", "front");
        await Eventually.WaitAsync(() => !proxy.HealthCheckNodePorts.Contains(healthPort), "the health-check port to close");
    }

    public Task DisposeAsync() => _api.DisposeAsync();
}
