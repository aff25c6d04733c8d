using k8s.Models;
using KubeSharp.Client.Rest;

namespace KubeSharp.ControllerManager.Tests.Controllers.EndpointSlice;

[Collection(ClusterCollection.Name)]
public sealed class EndpointSliceTests(ClusterFixture cluster)
{
    private readonly FakeKubelet _kubelet = new(cluster.Client);

    [Fact]
    public async Task Two_hundred_fifty_pods_fill_three_slices_that_are_then_updated_in_place()
    {
        var ns = await cluster.NewNamespaceAsync("eps");
        var node = "eps-node-" + Guid.NewGuid().ToString("N")[..8];
        await _kubelet.RegisterNodeAsync(node, zone: "zone-a");
        var service = await cluster.Client.For<V1Service>().CreateAsync(
            FakeKubelet.Service(ns, "big", "big", FakeKubelet.Port("http", 80, "web")));
        using var gate = new SemaphoreSlim(8);
        await Task.WhenAll(Enumerable.Range(0, 250).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                await _kubelet.RunAsync(FakeKubelet.Pod(ns, $"big-{i}", "big", node, ("web", 8080)), $"10.50.{i / 200}.{i % 200 + 1}", ready: true);
            }
            finally
            {
                gate.Release();
            }
        }));

        var slices = await WaitForSlicesAsync(ns, "big", s => s.Count == 3 && s.Sum(x => x.Endpoints?.Count ?? 0) == 250);
        Assert.All(slices, s =>
        {
            Assert.True(s.Endpoints.Count <= 100);
            Assert.Equal("IPv4", s.AddressType);
            Assert.StartsWith("big-", s.Metadata.Name);
            Assert.Equal("big-", s.Metadata.GenerateName);
            Assert.Equal("endpointslice-controller.k8s.io", s.Metadata.Labels["endpointslice.kubernetes.io/managed-by"]);
            Assert.Equal("big", s.Metadata.Labels["kubernetes.io/service-name"]);
            Assert.Equal("blue", s.Metadata.Labels["team"]);
            var owner = Assert.Single(s.Metadata.OwnerReferences);
            Assert.Equal(("v1", "Service", "big", service.Metadata.Uid, true), (owner.ApiVersion, owner.Kind, owner.Name, owner.Uid, owner.Controller));
            var port = Assert.Single(s.Ports);
            Assert.Equal(("http", 8080, "TCP"), (port.Name, port.Port, port.Protocol));
        });
        var all = slices.SelectMany(s => s.Endpoints).ToList();
        Assert.Equal(250, all.Select(e => e.TargetRef.Name).Distinct().Count());
        Assert.All(all, e =>
        {
            Assert.Equal((true, true, false), (e.Conditions.Ready, e.Conditions.Serving, e.Conditions.Terminating));
            Assert.Equal(node, e.NodeName);
            Assert.Equal("zone-a", e.Zone);
            Assert.Equal("Pod", e.TargetRef.Kind);
        });
        var before = slices.ToDictionary(s => s.Metadata.Uid, s => s.Metadata.Name);

        // Not ready: same slice, conditions updated in place.
        await _kubelet.SetStatusAsync(ns, "big-7", "10.50.0.8", ready: false);
        slices = await WaitForSlicesAsync(ns, "big", s => Find(s, "big-7")?.Conditions.Ready == false);
        Assert.Equal((false, false), (Find(slices, "big-7")!.Conditions.Serving, Find(slices, "big-7")!.Conditions.Terminating));
        Assert.Equal(before, slices.ToDictionary(s => s.Metadata.Uid, s => s.Metadata.Name));

        // Terminating (a bound pod waits for its kubelet): still listed, not ready, serving, terminating.
        await cluster.Client.For<V1Pod>().DeleteAsync(ns, "big-8");
        slices = await WaitForSlicesAsync(ns, "big", s => Find(s, "big-8")?.Conditions.Terminating == true);
        Assert.Equal((false, true), (Find(slices, "big-8")!.Conditions.Ready, Find(slices, "big-8")!.Conditions.Serving));

        // Gone: removed from its slice, no slice recreated.
        await cluster.Client.For<V1Pod>().DeleteAsync(ns, "big-9", new V1DeleteOptions { GracePeriodSeconds = 0 });
        slices = await WaitForSlicesAsync(ns, "big", s => Find(s, "big-9") == null && s.Sum(x => x.Endpoints?.Count ?? 0) == 249);
        Assert.Equal(before, slices.ToDictionary(s => s.Metadata.Uid, s => s.Metadata.Name));
    }

    [Fact]
    public async Task Slices_go_with_their_service_and_an_empty_service_gets_one_placeholder()
    {
        var ns = await cluster.NewNamespaceAsync("eps-gc");
        var node = "eps-node-" + Guid.NewGuid().ToString("N")[..8];
        await _kubelet.RegisterNodeAsync(node);
        await cluster.Client.For<V1Service>().CreateAsync(FakeKubelet.Service(ns, "empty", "nobody", FakeKubelet.Port("", 80, "80")));
        await cluster.Client.For<V1Service>().CreateAsync(FakeKubelet.Service(ns, "manual", null, FakeKubelet.Port("", 80, "80")));
        await cluster.Client.For<V1Service>().CreateAsync(FakeKubelet.Service(ns, "one", "one", FakeKubelet.Port("", 80, "8080")));
        await _kubelet.RunAsync(FakeKubelet.Pod(ns, "one-0", "one", node), "10.51.0.1", ready: true);

        var placeholder = Assert.Single(await WaitForSlicesAsync(ns, "empty", s => s.Count == 1));
        Assert.True(placeholder.Endpoints == null || placeholder.Endpoints.Count == 0);
        var one = Assert.Single(await WaitForSlicesAsync(ns, "one", s => s.Count == 1 && s[0].Endpoints?.Count == 1));
        Assert.Equal(8080, Assert.Single(one.Ports).Port);
        Assert.Empty(await SlicesAsync(ns, "manual"));

        await cluster.Client.For<V1Service>().DeleteAsync(ns, "one");
        await WaitForSlicesAsync(ns, "one", s => s.Count == 0);
        await Eventually.WaitAsync(async () => (await cluster.Client.For<V1Endpoints>().ListAsync(ns)).Items.All(e => e.Metadata.Name != "one"),
            "Endpoints of the deleted Service removed");
    }

    private static V1Endpoint? Find(IEnumerable<V1EndpointSlice> slices, string pod) =>
        slices.SelectMany(s => s.Endpoints ?? []).FirstOrDefault(e => e.TargetRef?.Name == pod);

    private async Task<List<V1EndpointSlice>> SlicesAsync(string ns, string service) =>
        (await cluster.Client.For<V1EndpointSlice>().ListAsync(ns, new ListOptions { LabelSelector = "kubernetes.io/service-name=" + service })).Items.ToList();

    private async Task<List<V1EndpointSlice>> WaitForSlicesAsync(string ns, string service, Func<List<V1EndpointSlice>, bool> condition)
    {
        List<V1EndpointSlice> last = [];
        try
        {
            await Eventually.WaitAsync(async () => condition(last = await SlicesAsync(ns, service)), $"EndpointSlices of {ns}/{service}",
                TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}; last seen {last.Count} slices with {string.Join(",", last.Select(s => s.Endpoints?.Count ?? 0))} endpoints");
        }
        return last;
    }
}
