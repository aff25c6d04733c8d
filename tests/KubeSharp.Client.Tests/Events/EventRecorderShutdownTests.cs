using System.Diagnostics;
using k8s.Models;
using KubeSharp.Client.Events;
using KubeSharp.Client.Rest;

namespace KubeSharp.Client.Tests.Events;

public sealed class EventRecorderShutdownTests
{
    /// <summary>A server that accepts requests and never answers.</summary>
    private sealed class HangingHandler : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            await Task.Delay(Timeout.Infinite, ct);
            throw new OperationCanceledException(ct);
        }
    }

    [Fact]
    public async Task DisposeIsBoundedWhenTheServerHangs()
    {
        var config = new ClientConfig { Server = new Uri("https://stub.invalid") };
        using var client = new KubeClient(config, config.CreateHttpClient(new HangingHandler()), ownsHttp: true);
        var recorder = new EventRecorder(client.For<Corev1Event>(),
            new EventRecorderOptions { Component = "test", ShutdownTimeout = TimeSpan.FromMilliseconds(200) });
        var obj = new V1ConfigMap { Metadata = new V1ObjectMeta { NamespaceProperty = "ns", Name = "cm" } };
        for (var i = 0; i < 5; i++) recorder.Event(obj, EventTypes.Normal, "R", "m" + i);
        var sw = Stopwatch.StartNew();
        await recorder.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(5), $"dispose took {sw.Elapsed}");
    }
}
