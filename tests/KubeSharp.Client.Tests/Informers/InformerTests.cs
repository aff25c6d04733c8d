using k8s.Models;
using KubeSharp.Client.Cache;
using KubeSharp.Client.Informers;
using KubeSharp.Client.Rest;
using Microsoft.Extensions.Time.Testing;

namespace KubeSharp.Client.Tests.Informers;

[Collection(ApiServerCollection.Name)]
public sealed class InformerTests(ApiServerFixture f)
{
    private static V1ConfigMap ConfigMap(string ns, string name) => new()
    {
        Metadata = new V1ObjectMeta { NamespaceProperty = ns, Name = name },
        Data = new Dictionary<string, string> { ["k"] = "1" },
    };

    [Fact]
    public async Task SeesAddUpdateDeleteAndKeepsTheCacheInStep()
    {
        using var client = f.NewClient();
        var ns = await f.NewNamespaceAsync("inf");
        var informer = new SharedInformer<V1ConfigMap>(client.For<V1ConfigMap>(), new InformerOptions { Namespace = ns });
        var handler = new RecordingHandler<V1ConfigMap>();
        informer.AddEventHandler(handler);
        using var cts = new CancellationTokenSource();
        var run = informer.RunAsync(cts.Token);
        Assert.True(await informer.WaitForCacheSyncAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token));

        var cms = client.For<V1ConfigMap>();
        await cms.CreateAsync(ConfigMap(ns, "a"));
        await Eventually.WaitAsync(() => handler.Saw("add:a"), "add");
        Assert.Equal("1", informer.Lister.Get(ns, "a")!.Data["k"]);
        Assert.Equal("ConfigMap", informer.Lister.Get(ns, "a")!.Kind);

        var updated = await cms.PatchAsync(ns, "a", PatchType.Merge, """{"data":{"k":"2"}}""");
        await Eventually.WaitAsync(() => handler.Saw("update:a"), "update");
        Assert.Equal("2", informer.Lister.Get(ns, "a")!.Data["k"]);
        Assert.Equal(updated.ResourceVersion(), informer.LastSyncResourceVersion);

        await cms.DeleteAsync(ns, "a");
        await Eventually.WaitAsync(() => handler.Saw("delete:a"), "delete");
        Assert.Null(informer.Lister.Get(ns, "a"));

        await cts.CancelAsync();
        await run;
        Assert.Equal(1, informer.ListCount);
    }

    [Fact]
    public async Task SurvivesServerSideWatchEndsWithoutRelisting()
    {
        var http = new TestHandler();
        using var client = f.NewClient(http);
        var ns = await f.NewNamespaceAsync("rewatch");
        // The server ends each watch after 1–2 s, as it would after timeoutSeconds in production.
        var informer = new SharedInformer<V1ConfigMap>(client.For<V1ConfigMap>(),
            new InformerOptions { Namespace = ns, MinWatchTimeout = TimeSpan.FromSeconds(1) });
        var handler = new RecordingHandler<V1ConfigMap>();
        informer.AddEventHandler(handler);
        using var cts = new CancellationTokenSource();
        var run = informer.RunAsync(cts.Token);
        await informer.WaitForCacheSyncAsync(cts.Token);

        var cms = client.For<V1ConfigMap>();
        await cms.CreateAsync(ConfigMap(ns, "before"));
        await Eventually.WaitAsync(() => http.Watches >= 3, "two server-side watch ends");
        await cms.CreateAsync(ConfigMap(ns, "after"));
        await Eventually.WaitAsync(() => handler.Saw("add:after"), "add after re-watch");
        Assert.Equal(1, informer.ListCount);
        Assert.Equal(["add:before", "add:after"], handler.Events.Where(e => e.StartsWith("add:", StringComparison.Ordinal) && !e.Contains("kube-root")));

        await cts.CancelAsync();
        await run;
    }

    [Fact]
    public async Task BacksOffWhileTheServerIsUnreachableThenResumesWithoutRelisting()
    {
        var http = new TestHandler();
        using var client = f.NewClient(http);
        using var writer = f.NewClient();
        var ns = await f.NewNamespaceAsync("outage");
        var informer = new SharedInformer<V1ConfigMap>(client.For<V1ConfigMap>(), new InformerOptions
        {
            Namespace = ns,
            MinWatchTimeout = TimeSpan.FromSeconds(1),
            InitialBackoff = TimeSpan.FromMilliseconds(50),
            MaxBackoff = TimeSpan.FromMilliseconds(200),
        });
        var handler = new RecordingHandler<V1ConfigMap>();
        informer.AddEventHandler(handler);
        using var cts = new CancellationTokenSource();
        var run = informer.RunAsync(cts.Token);
        await informer.WaitForCacheSyncAsync(cts.Token);

        http.Partitioned = true;
        var watchesAtOutage = http.Watches;
        // The current watch ends within 2 s; its successors fail, and the informer keeps retrying with back-off.
        await Eventually.WaitAsync(() => http.Watches >= watchesAtOutage + 4, "watch retries during the outage");
        await writer.For<V1ConfigMap>().CreateAsync(ConfigMap(ns, "during-outage"));
        http.Partitioned = false;

        await Eventually.WaitAsync(() => handler.Saw("add:during-outage"), "the change made during the outage");
        Assert.Equal(1, informer.ListCount);
        await cts.CancelAsync();
        await run;
    }

    [Fact]
    public async Task ListsInPagesAndLateHandlersGetTheCacheAsAdds()
    {
        var http = new TestHandler();
        using var client = f.NewClient(http);
        var ns = await f.NewNamespaceAsync("pages");
        var cms = client.For<V1ConfigMap>();
        for (var i = 0; i < 7; i++) await cms.CreateAsync(ConfigMap(ns, "cm-" + i));

        var informer = new SharedInformer<V1ConfigMap>(cms, new InformerOptions { Namespace = ns, PageSize = 3 });
        using var cts = new CancellationTokenSource();
        var run = informer.RunAsync(cts.Token);
        await informer.WaitForCacheSyncAsync(cts.Token);
        Assert.True(http.Lists >= 3, $"expected at least 3 list pages, saw {http.Lists}");
        Assert.Equal(7, informer.Lister.List(ns).Count(c => c.Name().StartsWith("cm-", StringComparison.Ordinal)));

        var late = new RecordingHandler<V1ConfigMap>();
        informer.AddEventHandler(late);
        await Eventually.WaitAsync(() => late.Events.Count(e => e.StartsWith("add:cm-", StringComparison.Ordinal)) == 7, "7 adds for the late handler");

        await cts.CancelAsync();
        await run;
    }

    [Fact]
    public async Task ResyncRedeliversCachedObjectsAsUpdatesOnTheClock()
    {
        using var client = f.NewClient();
        var ns = await f.NewNamespaceAsync("resync");
        var cms = client.For<V1ConfigMap>();
        await cms.CreateAsync(ConfigMap(ns, "a"));
        await cms.CreateAsync(ConfigMap(ns, "b"));
        var time = new FakeTimeProvider();
        var informer = new SharedInformer<V1ConfigMap>(cms, new InformerOptions
        {
            Namespace = ns,
            LabelSelector = null,
            FieldSelector = "metadata.name!=kube-root-ca.crt",
            ResyncPeriod = TimeSpan.FromSeconds(30),
        }, time);
        var handler = new RecordingHandler<V1ConfigMap>();
        informer.AddEventHandler(handler);
        using var cts = new CancellationTokenSource();
        var run = informer.RunAsync(cts.Token);
        await informer.WaitForCacheSyncAsync(cts.Token);
        await Eventually.WaitAsync(() => handler.Events.Count == 2, "initial adds");
        Assert.Equal(0, handler.Updates);

        time.Advance(TimeSpan.FromSeconds(30));
        await Eventually.WaitAsync(() => handler.UnchangedUpdates == 2, "one resync update per object");
        time.Advance(TimeSpan.FromSeconds(30));
        await Eventually.WaitAsync(() => handler.UnchangedUpdates == 4, "second resync");

        await cts.CancelAsync();
        await run;
    }

    [Fact]
    public async Task PodsIndexedByNodeName()
    {
        using var client = f.NewClient();
        var ns = await f.NewNamespaceAsync("idx");
        var pods = client.For<V1Pod>();
        foreach (var (name, node) in new[] { ("p1", "n1"), ("p2", "n1"), ("p3", "n2"), ("p4", (string?)null) })
        {
            await pods.CreateAsync(new V1Pod
            {
                Metadata = new V1ObjectMeta { NamespaceProperty = ns, Name = name, Labels = new Dictionary<string, string> { ["app"] = name == "p1" ? "x" : "y" } },
                Spec = new V1PodSpec { NodeName = node, Containers = [new V1Container { Name = "c", Image = "busybox" }] },
            });
        }
        var informer = new SharedInformer<V1Pod>(pods, new InformerOptions { Namespace = ns });
        informer.AddIndex(Indexes.NodeName, Indexes.ByNodeName);
        using var cts = new CancellationTokenSource();
        var run = informer.RunAsync(cts.Token);
        await informer.WaitForCacheSyncAsync(cts.Token);

        Assert.Equal(["p1", "p2"], informer.Lister.ByIndex(Indexes.NodeName, "n1").Select(p => p.Name()).Order());
        Assert.Equal(["p3"], informer.Lister.ByIndex(Indexes.NodeName, "n2").Select(p => p.Name()));
        Assert.Equal(4, informer.Lister.List(ns).Count);
        Assert.Equal(["p1"], informer.Lister.List(ns, LabelSelector.FromLabels(new Dictionary<string, string> { ["app"] = "x" })).Select(p => p.Name()));

        await cts.CancelAsync();
        await run;
    }

    [Fact]
    public async Task FactorySharesOneInformerPerTypeAndSyncsThemAll()
    {
        using var client = f.NewClient();
        var ns = await f.NewNamespaceAsync("factory");
        await using var factory = new SharedInformerFactory(client, new InformerOptions { Namespace = ns });
        var a = factory.InformerFor<V1ConfigMap>();
        Assert.Same(a, factory.InformerFor<V1ConfigMap>());
        var secrets = factory.InformerFor<V1Secret>();
        factory.Start();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        Assert.True(await factory.WaitForCacheSyncAsync(cts.Token));
        Assert.True(a.HasSynced && secrets.HasSynced);
        Assert.Same(a.Lister, factory.ListerFor<V1ConfigMap>());
    }
}
