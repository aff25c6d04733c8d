using k8s;
using KubeSharp.ApiServer.Hosting;
using KubeSharp.ApiServer.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace KubeSharp.ApiServer.Tests.Services;

/// <summary>The kubernetes Service, Endpoints and EndpointSlice in default, on a server that reconciles every
/// second and advertises a fixed address.</summary>
public sealed class KubernetesServiceTests : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "kubesharp-test-" + Guid.NewGuid().ToString("N")[..12]);
    private ApiServerHost? _host;

    public async Task InitializeAsync()
    {
        _host = await ApiServerHost.StartAsync(new ApiServerOptions
        {
            DataDir = _dir,
            SecurePort = 0,
            BindAddress = "127.0.0.1",
            AdvertiseAddress = "192.0.2.10",
            KubernetesServiceReconcileInterval = TimeSpan.FromSeconds(1),
        }, NullLoggerFactory.Instance, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_host != null) await _host.DisposeAsync();
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }

    private Kubernetes Client() => new(KubernetesClientConfiguration.BuildConfigFromConfigFile(_host!.KubeconfigPath));

    [Fact]
    public async Task ServiceEndpointsAndSliceExistAndPointAtTheServer()
    {
        using var client = Client();
        var port = _host!.Url.Port;
        var svc = await client.CoreV1.ReadNamespacedServiceAsync("kubernetes", "default");
        Assert.Equal("10.96.0.1", svc.Spec.ClusterIP);
        Assert.Equal("ClusterIP", svc.Spec.Type);
        var sp = Assert.Single(svc.Spec.Ports);
        Assert.Equal(("https", 443, "TCP", port.ToString(System.Globalization.CultureInfo.InvariantCulture)), (sp.Name, sp.Port, sp.Protocol, sp.TargetPort.Value));
        Assert.Equal("apiserver", svc.Metadata.Labels["component"]);

        var ep = await client.CoreV1.ReadNamespacedEndpointsAsync("kubernetes", "default");
        var subset = Assert.Single(ep.Subsets);
        Assert.Equal("192.0.2.10", Assert.Single(subset.Addresses).Ip);
        Assert.Equal(port, Assert.Single(subset.Ports).Port);
        Assert.Equal("true", ep.Metadata.Labels["endpointslice.kubernetes.io/skip-mirror"]);

        var slice = await client.DiscoveryV1.ReadNamespacedEndpointSliceAsync("kubernetes", "default");
        Assert.Equal("kubernetes", slice.Metadata.Labels["kubernetes.io/service-name"]);
        Assert.Equal("IPv4", slice.AddressType);
        Assert.Equal("192.0.2.10", Assert.Single(Assert.Single(slice.Endpoints).Addresses));
        Assert.Equal(port, Assert.Single(slice.Ports).Port);
    }

    [Fact]
    public async Task DeletedObjectsAreRecreated()
    {
        using var client = Client();
        var oldUid = (await client.CoreV1.ReadNamespacedServiceAsync("kubernetes", "default")).Metadata.Uid;
        await client.CoreV1.DeleteNamespacedServiceAsync("kubernetes", "default");
        await client.CoreV1.DeleteNamespacedEndpointsAsync("kubernetes", "default");
        await client.DiscoveryV1.DeleteNamespacedEndpointSliceAsync("kubernetes", "default");

        await Eventually.TrueAsync(async () =>
        {
            var list = await client.CoreV1.ListNamespacedServiceAsync("default", fieldSelector: "metadata.name=kubernetes");
            return list.Items.Count == 1 && list.Items[0].Metadata.Uid != oldUid && list.Items[0].Spec.ClusterIP == "10.96.0.1";
        }, "the kubernetes Service to come back with the first address");
        await Eventually.TrueAsync(async () =>
            (await client.CoreV1.ListNamespacedEndpointsAsync("default", fieldSelector: "metadata.name=kubernetes")).Items.Count == 1
            && (await client.DiscoveryV1.ListNamespacedEndpointSliceAsync("default", labelSelector: "kubernetes.io/service-name=kubernetes")).Items.Count == 1,
            "the kubernetes Endpoints and EndpointSlice to come back");
    }

    [Fact]
    public async Task ChangedPortsAreCorrected()
    {
        using var client = Client();
        var patch = new k8s.Models.V1Patch("{\"spec\":{\"ports\":[{\"name\":\"https\",\"port\":8443,\"targetPort\":1}]}}", k8s.Models.V1Patch.PatchType.MergePatch);
        await client.CoreV1.PatchNamespacedServiceAsync(patch, "kubernetes", "default");
        await Eventually.TrueAsync(async () =>
        {
            var svc = await client.CoreV1.ReadNamespacedServiceAsync("kubernetes", "default");
            return svc.Spec.Ports[0].Port == 443 && svc.Spec.Ports[0].TargetPort.Value == _host!.Url.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }, "the kubernetes Service's port to be reset to 443");
    }
}
