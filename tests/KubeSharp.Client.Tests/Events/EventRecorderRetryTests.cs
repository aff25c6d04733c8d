using k8s.Models;
using KubeSharp.Client.Events;
using KubeSharp.Client.Rest;
using Microsoft.Extensions.Time.Testing;

namespace KubeSharp.Client.Tests.Events;

/// <summary>
/// client-go's recordToSink retries: a write the API server never answered is tried again after the retry
/// interval (on the injected clock), an answer (even an error) is final.
/// </summary>
[Collection(ApiServerCollection.Name)]
public sealed class EventRecorderRetryTests(ApiServerFixture f)
{
    [Fact]
    public async Task AWriteLostToTheNetworkIsRetriedAfterTheInterval()
    {
        var ns = await f.NewNamespaceAsync("evretry");
        var handler = new TestHandler { Partitioned = true };
        using var client = f.NewClient(handler);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var recorder = new EventRecorder(client.For<Corev1Event>(),
            new EventRecorderOptions { Component = "test", RetryInterval = TimeSpan.FromSeconds(10) }, time);
        var obj = new V1ConfigMap { Metadata = new V1ObjectMeta { NamespaceProperty = ns, Name = "subject", Uid = Guid.NewGuid().ToString() } };

        recorder.Event(obj, EventTypes.Normal, "Lost", "first attempt lost");
        await Eventually.WaitAsync(() => handler.Posts >= 1, "the first attempt");
        handler.Partitioned = false;
        // Nothing more happens until the retry interval passes on the recorder's clock.
        await Task.Delay(300);
        Assert.Equal(1, handler.Posts);
        using var reader = f.NewClient();
        Assert.Empty((await reader.For<Corev1Event>().ListAsync(ns)).Items);

        time.Advance(TimeSpan.FromSeconds(10));
        await Eventually.WaitAsync(async () => (await reader.For<Corev1Event>().ListAsync(ns)).Items.Count == 1, "the retried event");
        Assert.Equal(2, handler.Posts);
        await recorder.DisposeAsync();
    }

    [Fact]
    public async Task AnErrorFromTheServerIsNotRetried()
    {
        var handler = new TestHandler();
        using var client = f.NewClient(handler);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var recorder = new EventRecorder(client.For<Corev1Event>(),
            new EventRecorderOptions { Component = "test", RetryInterval = TimeSpan.FromSeconds(10) }, time);
        // Events go to the object's namespace; this one does not exist, so the server answers 404.
        var obj = new V1ConfigMap { Metadata = new V1ObjectMeta { NamespaceProperty = "no-such-ns-" + Guid.NewGuid().ToString("N")[..8], Name = "x" } };

        recorder.Event(obj, EventTypes.Normal, "Refused", "the server says no");
        await Eventually.WaitAsync(() => handler.Posts >= 1, "the attempt");
        for (var i = 0; i < 3; i++)
        {
            time.Advance(TimeSpan.FromSeconds(10));
            await Task.Delay(100);
        }
        Assert.Equal(1, handler.Posts);
        await recorder.DisposeAsync();
    }
}
