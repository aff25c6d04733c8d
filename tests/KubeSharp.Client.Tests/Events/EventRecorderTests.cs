using k8s.Models;
using KubeSharp.Client.Events;
using KubeSharp.Client.Rest;

namespace KubeSharp.Client.Tests.Events;

[Collection(ApiServerCollection.Name)]
public sealed class EventRecorderTests(ApiServerFixture f)
{
    private async Task<(KubeClient Client, string Ns, V1ConfigMap Obj)> SetUpAsync(string prefix)
    {
        var client = f.NewClient();
        var ns = await f.NewNamespaceAsync(prefix);
        var obj = await client.For<V1ConfigMap>().CreateAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { NamespaceProperty = ns, Name = "subject" } });
        return (client, ns, obj);
    }

    [Fact]
    public async Task RepeatsOfOneEventAreAggregatedIntoACount()
    {
        var (client, ns, obj) = await SetUpAsync("ev");
        using var _ = client;
        var recorder = new EventRecorder(client.For<Corev1Event>(), new EventRecorderOptions { Component = "test-controller", Host = "node-1" });
        recorder.Event(obj, EventTypes.Warning, "FailedSync", "could not sync");
        recorder.Event(obj, EventTypes.Warning, "FailedSync", "could not sync");
        recorder.Event(obj, EventTypes.Normal, "Synced", "synced");
        await recorder.DisposeAsync();

        var events = (await client.For<Corev1Event>().ListAsync(ns)).Items;
        Assert.Equal(2, events.Count);
        var failed = events.Single(e => e.Reason == "FailedSync");
        Assert.Equal(2, failed.Count);
        Assert.Equal("Warning", failed.Type);
        Assert.Equal("could not sync", failed.Message);
        Assert.Equal("test-controller", failed.Source.Component);
        Assert.Equal("node-1", failed.Source.Host);
        Assert.Equal("ConfigMap", failed.InvolvedObject.Kind);
        Assert.Equal(obj.Uid(), failed.InvolvedObject.Uid);
        Assert.Equal(obj.ResourceVersion(), failed.InvolvedObject.ResourceVersion);
        Assert.Matches("^subject\\.[0-9a-f]+$", failed.Name());
        Assert.NotNull(failed.FirstTimestamp);
        Assert.True(failed.LastTimestamp >= failed.FirstTimestamp, $"first {failed.FirstTimestamp:O} last {failed.LastTimestamp:O}");
        Assert.Equal(1, events.Single(e => e.Reason == "Synced").Count);
    }

    [Fact]
    public async Task PerObjectRateLimitDropsTheFlood()
    {
        var (client, ns, obj) = await SetUpAsync("flood");
        using var _ = client;
        var recorder = new EventRecorder(client.For<Corev1Event>(),
            new EventRecorderOptions { Component = "test", BurstPerObject = 3, RefillInterval = TimeSpan.FromHours(1) });
        for (var i = 0; i < 10; i++) recorder.Event(obj, EventTypes.Normal, "Tick", "tick " + i);
        await recorder.DisposeAsync();

        var events = (await client.For<Corev1Event>().ListAsync(ns)).Items;
        Assert.Equal(["tick 0", "tick 1", "tick 2"], events.Select(e => e.Message).Order());
    }

    [Fact]
    public async Task EventsAboutClusterScopedObjectsGoToDefault()
    {
        using var client = f.NewClient();
        var node = await client.For<V1Node>().CreateAsync(new V1Node { Metadata = new V1ObjectMeta { Name = "ev-node-" + Guid.NewGuid().ToString("N")[..6] } });
        var recorder = new EventRecorder(client.For<Corev1Event>(), new EventRecorderOptions { Component = "kubelet" });
        recorder.Event(node, EventTypes.Normal, "NodeReady", "ready");
        await recorder.DisposeAsync();
        var events = (await client.For<Corev1Event>().ListAsync("default")).Items;
        var e = Assert.Single(events, e => e.InvolvedObject.Name == node.Name());
        Assert.Equal("Node", e.InvolvedObject.Kind);
        Assert.Equal("v1", e.InvolvedObject.ApiVersion);
    }

    [Fact]
    public async Task ReferenceOnlyEventsAndTheFake()
    {
        var (client, ns, obj) = await SetUpAsync("ref");
        using var _ = client;
        var reference = EventRecorder.ReferenceTo(obj);
        var recorder = new EventRecorder(client.For<Corev1Event>(), new EventRecorderOptions { Component = "test" });
        recorder.Event(reference, EventTypes.Normal, "ByRef", "by reference");
        await recorder.DisposeAsync();
        var e = Assert.Single((await client.For<Corev1Event>().ListAsync(ns)).Items);
        Assert.Equal(obj.Uid(), e.InvolvedObject.Uid);

        var fake = new FakeEventRecorder();
        fake.Event(obj, EventTypes.Warning, "Failed", "boom");
        Assert.Equal(["Warning Failed boom"], fake.Events);
    }
}
