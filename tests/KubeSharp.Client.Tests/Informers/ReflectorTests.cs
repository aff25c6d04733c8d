using System.Net;
using k8s.Models;
using KubeSharp.Client.Informers;
using KubeSharp.Client.Rest;

namespace KubeSharp.Client.Tests.Informers;

/// <summary>The informer's list/watch protocol against a scripted server: exact requests, bookmarks, 410 on the wire.</summary>
public sealed class ReflectorTests
{
    private static (SharedInformer<V1ConfigMap> Informer, RecordingHandler<V1ConfigMap> Handler, KubeClient Client) NewInformer(StubApiHandler stub)
    {
        var config = new ClientConfig { Server = new Uri("https://stub.invalid") };
        var client = new KubeClient(config, config.CreateHttpClient(stub), ownsHttp: true);
        var informer = new SharedInformer<V1ConfigMap>(client.For<V1ConfigMap>(), new InformerOptions
        {
            Namespace = "ns",
            InitialBackoff = TimeSpan.FromMilliseconds(10),
        });
        var handler = new RecordingHandler<V1ConfigMap>();
        informer.AddEventHandler(handler);
        return (informer, handler, client);
    }

    private static string Query(Uri uri, string name) =>
        System.Web.HttpUtility.ParseQueryString(uri.Query)[name] ?? "";

    [Fact]
    public async Task WatchesFromTheListVersionAndResumesFromTheLastBookmark()
    {
        var stub = new StubApiHandler();
        stub.ScriptList("10", StubApiHandler.ConfigMap("a", "7"));
        stub.ScriptWatch(
            StubApiHandler.Event("MODIFIED", StubApiHandler.ConfigMap("a", "11")),
            StubApiHandler.Event("BOOKMARK", """{"kind":"ConfigMap","apiVersion":"v1","metadata":{"resourceVersion":"42"}}"""));
        var (informer, handler, client) = NewInformer(stub);
        using var _ = client;
        using var cts = new CancellationTokenSource();
        var run = informer.RunAsync(cts.Token);

        await Eventually.WaitAsync(() => stub.WatchRequests.Count == 2, "the re-watch after the first stream ended");
        var first = stub.WatchRequests[0];
        var second = stub.WatchRequests[1];
        Assert.Equal("/api/v1/namespaces/ns/configmaps", first.AbsolutePath);
        Assert.Equal("10", Query(first, "resourceVersion"));
        Assert.Equal("true", Query(first, "allowWatchBookmarks"));
        Assert.InRange(long.Parse(Query(first, "timeoutSeconds"), System.Globalization.CultureInfo.InvariantCulture), 300, 600);
        Assert.Equal("42", Query(second, "resourceVersion"));
        Assert.Equal("500", Query(stub.Requests[0], "limit"));
        // Handlers run on their own queue, behind the informer.
        await Eventually.WaitAsync(() => handler.Events.Count == 2, "handler notifications");
        Assert.Equal(["add:a", "update:a"], handler.Events);
        Assert.Equal("42", informer.LastSyncResourceVersion);

        await cts.CancelAsync();
        await run;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GoneOnTheWireOrAsAnErrorEventRelists(bool asHttpStatus)
    {
        var stub = new StubApiHandler();
        stub.ScriptList("10", StubApiHandler.ConfigMap("a", "7"), StubApiHandler.ConfigMap("b", "8"));
        if (asHttpStatus)
        {
            stub.ScriptWatchFailure(HttpStatusCode.Gone, "Expired");
        }
        else
        {
            stub.ScriptWatch(StubApiHandler.Event("ERROR", """{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"Expired","code":410}"""));
        }
        stub.ScriptList("20", StubApiHandler.ConfigMap("a", "15"));
        var (informer, handler, client) = NewInformer(stub);
        using var _ = client;
        using var cts = new CancellationTokenSource();
        var run = informer.RunAsync(cts.Token);

        await Eventually.WaitAsync(() => informer.ListCount == 2 && stub.WatchRequests.Count == 2, "relist and a new watch");
        Assert.Equal("20", Query(stub.WatchRequests[1], "resourceVersion"));
        await Eventually.WaitAsync(() => handler.Events.Count == 4, "handler notifications");
        Assert.Equal(["add:a", "add:b", "update:a", "tombstone:b"], handler.Events);
        Assert.Equal("15", informer.Lister.Get("ns", "a")!.ResourceVersion());

        await cts.CancelAsync();
        await run;
    }

    [Fact]
    public async Task OtherWatchErrorsBackOffAndRelist()
    {
        var stub = new StubApiHandler();
        stub.ScriptList("10");
        stub.ScriptWatchFailure(HttpStatusCode.InternalServerError, "InternalError");
        stub.ScriptList("12");
        var (informer, _, client) = NewInformer(stub);
        using var __ = client;
        using var cts = new CancellationTokenSource();
        var run = informer.RunAsync(cts.Token);
        await Eventually.WaitAsync(() => informer.ListCount == 2 && stub.WatchRequests.Count == 2, "relist after a 500");
        Assert.Equal("12", Query(stub.WatchRequests[1], "resourceVersion"));
        await cts.CancelAsync();
        await run;
    }
}
