using System.Net;
using System.Text;
using k8s;
using KubeSharp.ApiServer.Hosting;
using KubeSharp.ApiServer.Tests.Infrastructure;
using KubeSharp.Storage;
using KubeSharp.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using static KubeSharp.ApiServer.Tests.Services.ServiceSpecs;

namespace KubeSharp.ApiServer.Tests.Services;

/// <summary>Allocations kept in the store: across restarts, across two API servers on one store, in a range small
/// enough to fill, and repaired after a crash left an entry without its Service.</summary>
public sealed class AllocatorPersistenceTests : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "kubesharp-test-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly List<ApiServerHost> _hosts = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var h in _hosts) await h.DisposeAsync();
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }

    private async Task<ApiServerHost> StartAsync(string dataDir, Func<ApiServerOptions, IStore>? store = null, string range = "10.96.0.0/12",
        TimeSpan? repair = null, string? advertise = null)
    {
        var host = await ApiServerHost.StartAsync(new ApiServerOptions
        {
            DataDir = dataDir,
            SecurePort = 0,
            BindAddress = "127.0.0.1",
            StoreFactory = store,
            ServiceClusterIpRange = range,
            AllocationRepairInterval = repair ?? TimeSpan.FromMinutes(3),
            AdvertiseAddress = advertise,
            KubernetesServiceReconcileInterval = advertise != null ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(10),
        }, NullLoggerFactory.Instance, CancellationToken.None);
        _hosts.Add(host);
        return host;
    }

    private static Kubernetes Client(ApiServerHost host) => new(KubernetesClientConfiguration.BuildConfigFromConfigFile(host.KubeconfigPath));

    private static async Task<string> NamespaceAsync(Kubernetes client, string name)
    {
        await client.CoreV1.CreateNamespaceAsync(new k8s.Models.V1Namespace { Metadata = new k8s.Models.V1ObjectMeta { Name = name } });
        return name;
    }

    [Fact]
    public async Task AllocationsSurviveARestart()
    {
        var host = await StartAsync(_dir);
        List<string> ips;
        int nodePort;
        using (var client = Client(host))
        {
            await NamespaceAsync(client, "r");
            var created = new List<k8s.Models.V1Service>();
            for (var i = 0; i < 5; i++) created.Add(await client.CoreV1.CreateNamespacedServiceAsync(ClusterIp($"s{i}"), "r"));
            ips = created.Select(s => s.Spec.ClusterIP).ToList();
            nodePort = (await client.CoreV1.CreateNamespacedServiceAsync(NodePort("np", [null]), "r")).Spec.Ports[0].NodePort!.Value;
        }
        await host.DisposeAsync();
        _hosts.Remove(host);

        var again = await StartAsync(_dir);
        using var client2 = Client(again);
        foreach (var ip in ips)
        {
            var message = await InvalidAsync(() => client2.CoreV1.CreateNamespacedServiceAsync(ClusterIp("x" + ip.Replace('.', '-'), ip), "r"));
            Assert.Contains("provided IP is already allocated", message);
        }
        var dup = await InvalidAsync(() => client2.CoreV1.CreateNamespacedServiceAsync(NodePort("np2", nodePort), "r"));
        Assert.Contains("provided port is already allocated", dup);
        // The kubernetes Service kept its address and was not re-created.
        Assert.Equal("10.96.0.1", (await client2.CoreV1.ReadNamespacedServiceAsync("kubernetes", "default")).Spec.ClusterIP);
    }

    [Fact]
    public async Task TwoApiServersOnOneStoreNeverHandOutAnIpTwice()
    {
        await using var sqlite = new SqliteStore(new SqliteStoreOptions { Path = Path.Combine(_dir, "shared", "state.db") });
        var shared = new SharedStore(sqlite);
        var a = await StartAsync(Path.Combine(_dir, "a"), _ => shared);
        var b = await StartAsync(Path.Combine(_dir, "b"), _ => shared);
        using var ca = Client(a);
        using var cb = Client(b);
        await NamespaceAsync(ca, "two");
        // Server b's cache must know the namespace before it admits creates into it.
        await Eventually.TrueAsync(async () => (await cb.CoreV1.ListNamespaceAsync(fieldSelector: "metadata.name=two")).Items.Count == 1, "namespace on b");

        var creates = Enumerable.Range(0, 50).Select(i =>
            (i % 2 == 0 ? ca : cb).CoreV1.CreateNamespacedServiceAsync(i % 5 == 0 ? NodePort($"s{i}", [null]) : ClusterIp($"s{i}"), "two"));
        var created = await Task.WhenAll(creates);
        Assert.Equal(50, created.Select(s => s.Spec.ClusterIP).Distinct().Count());
        var nodePorts = created.Where(s => s.Spec.Type == "NodePort").Select(s => s.Spec.Ports[0].NodePort).ToList();
        Assert.Equal(10, nodePorts.Distinct().Count());

        // Both servers see every address as taken, whoever allocated it.
        var ip = created[1].Spec.ClusterIP; // created through b
        var message = await InvalidAsync(() => ca.CoreV1.CreateNamespacedServiceAsync(ClusterIp("dup", ip), "two"));
        Assert.Contains("provided IP is already allocated", message);
    }

    [Fact]
    public async Task ASmallRangeFillsUpAndFreedAddressesAreReused()
    {
        // 10.200.0.0/28: 14 usable addresses, the first for the kubernetes Service.
        var host = await StartAsync(_dir, range: "10.200.0.0/28");
        using var client = Client(host);
        await NamespaceAsync(client, "small");
        var created = new List<string>();
        for (var i = 0; i < 13; i++) created.Add((await client.CoreV1.CreateNamespacedServiceAsync(ClusterIp($"s{i}"), "small")).Spec.ClusterIP);
        var expected = Enumerable.Range(2, 13).Select(n => $"10.200.0.{n}").ToHashSet();
        Assert.True(expected.SetEquals(created), string.Join(",", created));

        var full = await FailsAsync(() => client.CoreV1.CreateNamespacedServiceAsync(ClusterIp("full"), "small"), HttpStatusCode.InternalServerError);
        Assert.Equal("Internal error occurred: failed to allocate a serviceIP: range is full", full);

        await client.CoreV1.DeleteNamespacedServiceAsync("s7", "small");
        var again = await client.CoreV1.CreateNamespacedServiceAsync(ClusterIp("again"), "small");
        Assert.Equal(created[7], again.Spec.ClusterIP);
    }

    [Fact]
    public async Task RepairFreesEntriesWithoutAServiceAndRecordsMissingOnes()
    {
        await using var sqlite = new SqliteStore(new SqliteStoreOptions { Path = Path.Combine(_dir, "repair", "state.db") });
        var shared = new SharedStore(sqlite);
        var host = await StartAsync(_dir, _ => shared, repair: TimeSpan.FromSeconds(1));
        using var client = Client(host);
        await NamespaceAsync(client, "rep");

        // A crash between allocation and the Service write leaves an entry behind.
        var leaked = "/registry/ranges/serviceips/10.96.0.70";
        await sqlite.CreateAsync(leaked, Encoding.UTF8.GetBytes("{\"namespace\":\"rep\",\"name\":\"gone\",\"uid\":\"x\"}"));
        // A Service whose entry went missing.
        await client.CoreV1.CreateNamespacedServiceAsync(ClusterIp("kept", "10.96.0.71"), "rep");
        await sqlite.DeleteAsync("/registry/ranges/serviceips/10.96.0.71", 0);

        await Eventually.TrueAsync(async () => await sqlite.GetAsync(leaked) == null, "the leaked entry to be freed");
        await Eventually.TrueAsync(async () => await sqlite.GetAsync("/registry/ranges/serviceips/10.96.0.71") != null, "the missing entry to be recorded");
        var reuse = await client.CoreV1.CreateNamespacedServiceAsync(ClusterIp("reuse", "10.96.0.70"), "rep");
        Assert.Equal("10.96.0.70", reuse.Spec.ClusterIP);
        await InvalidAsync(() => client.CoreV1.CreateNamespacedServiceAsync(ClusterIp("dup", "10.96.0.71"), "rep"));
    }

    [Fact]
    public async Task TheKubernetesEndpointsListEveryLiveApiServer()
    {
        await using var sqlite = new SqliteStore(new SqliteStoreOptions { Path = Path.Combine(_dir, "leases", "state.db") });
        var shared = new SharedStore(sqlite);
        var a = await StartAsync(Path.Combine(_dir, "a"), _ => shared, advertise: "192.0.2.21");
        var b = await StartAsync(Path.Combine(_dir, "b"), _ => shared, advertise: "192.0.2.22");
        using var client = Client(a);

        async Task<string> Addresses()
        {
            var ep = await client.CoreV1.ReadNamespacedEndpointsAsync("kubernetes", "default");
            return string.Join(",", ep.Subsets?.SelectMany(s => s.Addresses ?? []).Select(x => x.Ip) ?? []);
        }
        await Eventually.TrueAsync(async () => await Addresses() == "192.0.2.21,192.0.2.22", "both API servers in the endpoints");

        // A server that stops stops renewing its lease; it drops out once the lease expires (3 intervals).
        await b.DisposeAsync();
        _hosts.Remove(b);
        await Eventually.TrueAsync(async () => await Addresses() == "192.0.2.21", "the stopped API server to leave the endpoints");
        // The EndpointSlice is a separate write right after the Endpoints one: wait for it too.
        await Eventually.TrueAsync(async () =>
        {
            var slice = await client.DiscoveryV1.ReadNamespacedEndpointSliceAsync("kubernetes", "default");
            return string.Join(",", slice.Endpoints?.SelectMany(e => e.Addresses ?? []) ?? []) == "192.0.2.21";
        }, "the stopped API server to leave the EndpointSlice");
    }
}
