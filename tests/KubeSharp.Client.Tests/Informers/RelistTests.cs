using k8s.Models;
using KubeSharp.Client.Informers;

namespace KubeSharp.Client.Tests.Informers;

/// <summary>
/// 410 Gone: the informer's watch is held back at the client while more writes happen than the server's event
/// window (5) keeps, so resuming from the last resourceVersion is impossible and the informer must relist.
/// </summary>
public sealed class RelistTests(SmallWindowFixture f) : IClassFixture<SmallWindowFixture>
{
    [Fact]
    public async Task RelistsAfterGoneAndReportsMissedDeletesAsTombstones()
    {
        var http = new TestHandler();
        using var client = f.NewClient(http);
        var ns = await f.NewNamespaceAsync("gone");
        var cms = client.For<V1ConfigMap>();
        foreach (var name in new[] { "keep", "doomed" })
        {
            await cms.CreateAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { NamespaceProperty = ns, Name = name } });
        }
        var informer = new SharedInformer<V1ConfigMap>(cms, new InformerOptions
        {
            Namespace = ns,
            // Each watch ends after 1–2 s, so the informer soon asks for a new one, which the gate then holds.
            MinWatchTimeout = TimeSpan.FromSeconds(1),
            InitialBackoff = TimeSpan.FromMilliseconds(50),
        });
        var handler = new RecordingHandler<V1ConfigMap>();
        informer.AddEventHandler(handler);
        using var cts = new CancellationTokenSource();
        var run = informer.RunAsync(cts.Token);
        await informer.WaitForCacheSyncAsync(cts.Token);
        Assert.NotNull(informer.Lister.Get(ns, "doomed"));

        http.CloseWatchGate();
        await Eventually.WaitAsync(() => http.HeldWatches == 1, "the informer's next watch to wait at the gate");
        var resumeFrom = informer.LastSyncResourceVersion;
        await cms.DeleteAsync(ns, "doomed");
        for (var i = 0; i < 10; i++)
        {
            await cms.CreateAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { NamespaceProperty = ns, Name = "burst-" + i } });
        }
        Assert.Equal(resumeFrom, informer.LastSyncResourceVersion);
        Assert.Equal(1, informer.ListCount);
        http.OpenWatchGate();

        await Eventually.WaitAsync(() => informer.ListCount == 2, "a relist after 410");
        await Eventually.WaitAsync(() => handler.Saw("tombstone:doomed") && handler.Saw("add:burst-9"), "the relist's changes");
        Assert.Null(informer.Lister.Get(ns, "doomed"));
        Assert.NotNull(informer.Lister.Get(ns, "keep"));
        Assert.Equal(10, informer.Lister.List(ns).Count(c => c.Name().StartsWith("burst-", StringComparison.Ordinal)));
        // What survived the gap is reported as an update (upstream's Replace semantics), never as a second add.
        Assert.Single(handler.Events, e => e == "add:keep");
        Assert.Contains("update:keep", handler.Events);

        // And the informer keeps watching after the relist.
        await cms.CreateAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { NamespaceProperty = ns, Name = "later" } });
        await Eventually.WaitAsync(() => handler.Saw("add:later"), "add after relist");

        await cts.CancelAsync();
        await run;
    }
}
