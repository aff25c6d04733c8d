using k8s.Models;
using KubeSharp.Client.Informers;

namespace KubeSharp.Client.Tests.Informers;

[Collection(ApiServerCollection.Name)]
public sealed class TransformTests(ApiServerFixture f)
{
    private static V1ConfigMap ConfigMap(string ns, string name) => new()
    {
        Metadata = new V1ObjectMeta { NamespaceProperty = ns, Name = name },
        Data = new Dictionary<string, string> { ["k"] = "1" },
    };

    [Fact]
    public async Task StripManagedFieldsAppliesToListedAndWatchedObjects()
    {
        using var client = f.NewClient();
        var ns = await f.NewNamespaceAsync("transform");
        var cms = client.For<V1ConfigMap>();
        // The server records managedFields on create: the listed object would carry them without the transform.
        var listed = await cms.CreateAsync(ConfigMap(ns, "listed"));
        Assert.NotEmpty(listed.Metadata.ManagedFields);

        var informer = new SharedInformer<V1ConfigMap>(cms,
            new InformerOptions { Namespace = ns, Transform = InformerTransforms.StripManagedFields });
        var handler = new RecordingHandler<V1ConfigMap>();
        informer.AddEventHandler(handler);
        using var cts = new CancellationTokenSource();
        var run = informer.RunAsync(cts.Token);
        Assert.True(await informer.WaitForCacheSyncAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token));
        Assert.Null(informer.Lister.Get(ns, "listed")!.Metadata.ManagedFields);

        await cms.CreateAsync(ConfigMap(ns, "watched"));
        await Eventually.WaitAsync(() => handler.Saw("add:watched"), "add");
        var watched = informer.Lister.Get(ns, "watched")!;
        Assert.Null(watched.Metadata.ManagedFields);
        Assert.Equal("1", watched.Data["k"]);

        await cts.CancelAsync();
        await run;
    }
}
