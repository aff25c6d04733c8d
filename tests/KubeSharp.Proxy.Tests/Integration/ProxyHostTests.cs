using k8s.Models;
using KubeSharp.Client.Rest;
using KubeSharp.Proxy.Iptables;
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

    [Fact]
    public async Task Services_and_endpoint_changes_reach_the_rules()
    {
        await using var bed = await ServiceTestBed.CreateAsync(2);
        await using var proxy = await ProxyHost.StartAsync(new ProxyOptions
        {
            KubeconfigPath = _api.KubeconfigPath,
            NodeName = "node-1",
            ChainPrefix = "KT6-",
            ClusterCidr = ServiceTestBed.ClusterCidr,
            CommandPrefix = bed.Node.Host.Prefix,
            ConfigureSysctls = false,
        }, NullLoggerFactory.Instance, CancellationToken.None);

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
        var iptables = new IptablesClient(bed.Node.Host);
        Assert.Contains(webChain, await iptables.ChainsAsync("nat", CancellationToken.None));
        await Client.For<V1Service>().DeleteAsync("default", "web");
        await Eventually.ValueAsync(() => iptables.ChainsAsync("nat", CancellationToken.None),
            chains => !chains.Contains(webChain), "the service chain to be removed");
    }

    public Task DisposeAsync() => _api.DisposeAsync();
}
