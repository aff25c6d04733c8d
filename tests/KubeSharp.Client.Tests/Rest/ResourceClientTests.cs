using k8s.Models;
using KubeSharp.Client.Rest;

namespace KubeSharp.Client.Tests.Rest;

[Collection(ApiServerCollection.Name)]
public sealed class ResourceClientTests(ApiServerFixture f)
{
    private static V1ConfigMap ConfigMap(string ns, string name, string value = "1") => new()
    {
        Metadata = new V1ObjectMeta { NamespaceProperty = ns, Name = name },
        Data = new Dictionary<string, string> { ["k"] = value },
    };

    [Fact]
    public async Task TalksHttp2ToTheServer()
    {
        using var client = f.NewClient();
        using var response = await client.Http.GetAsync("/version");
        response.EnsureSuccessStatusCode();
        Assert.Equal(new Version(2, 0), response.Version);
    }

    [Fact]
    public async Task CreateGetUpdatePatchDeleteWithStatusErrors()
    {
        using var client = f.NewClient();
        var ns = await f.NewNamespaceAsync("crud");
        var cms = client.For<V1ConfigMap>();

        var created = await cms.CreateAsync(ConfigMap(ns, "a"));
        Assert.False(string.IsNullOrEmpty(created.ResourceVersion()));
        var dup = await Assert.ThrowsAsync<KubeApiException>(() => cms.CreateAsync(ConfigMap(ns, "a")));
        Assert.True(ApiErrors.IsAlreadyExists(dup));
        Assert.False(ApiErrors.IsConflict(dup));

        var got = await cms.GetAsync(ns, "a");
        got.Data["k"] = "2";
        var updated = await cms.UpdateAsync(got);
        Assert.Equal("2", updated.Data["k"]);

        got.Data["k"] = "stale";
        var conflict = await Assert.ThrowsAsync<KubeApiException>(() => cms.UpdateAsync(got));
        Assert.True(ApiErrors.IsConflict(conflict));
        Assert.Equal(409, conflict.Code);

        var patched = await cms.PatchAsync(ns, "a", PatchType.Merge, """{"data":{"p":"x"}}""");
        Assert.Equal("x", patched.Data["p"]);
        Assert.Equal("2", patched.Data["k"]);

        await cms.DeleteAsync(ns, "a");
        var missing = await Assert.ThrowsAsync<KubeApiException>(() => cms.GetAsync(ns, "a"));
        Assert.True(ApiErrors.IsNotFound(missing));
        Assert.Equal("NotFound", missing.Status.Reason);
        Assert.Contains("\"a\"", missing.Status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListPagesWithLimitAndContinue()
    {
        using var client = f.NewClient();
        var ns = await f.NewNamespaceAsync("page");
        var cms = client.For<V1ConfigMap>();
        for (var i = 0; i < 5; i++) await cms.CreateAsync(ConfigMap(ns, "cm-" + i));

        var names = new List<string>();
        string? next = null;
        var pages = 0;
        do
        {
            var page = await cms.ListAsync(ns, new ListOptions { Limit = 2, Continue = next });
            names.AddRange(page.Items.Select(c => c.Name()));
            next = page.Metadata.ContinueProperty;
            pages++;
        }
        while (!string.IsNullOrEmpty(next));
        // The namespace also holds its kube-root-ca.crt config map when the server creates one.
        Assert.Equal(Enumerable.Range(0, 5).Select(i => "cm-" + i), names.Where(n => n.StartsWith("cm-", StringComparison.Ordinal)));
        Assert.True(pages >= 3);
    }

    [Fact]
    public async Task ClusterScopedResourcesAndStatusSubresource()
    {
        using var client = f.NewClient();
        var nodes = client.For<V1Node>();
        var name = "node-" + Guid.NewGuid().ToString("N")[..6];
        await nodes.CreateAsync(new V1Node { Metadata = new V1ObjectMeta { Name = name } });
        var node = await nodes.GetAsync(null, name);
        node.Status = new V1NodeStatus { Conditions = [new V1NodeCondition { Type = "Ready", Status = "True" }] };
        var updated = await nodes.UpdateStatusAsync(node);
        Assert.Equal("True", updated.Status.Conditions.Single(c => c.Type == "Ready").Status);
        Assert.Contains((await nodes.ListAsync(null)).Items, n => n.Name() == name);
        await nodes.DeleteAsync(null, name);
    }

    [Fact]
    public async Task WatchStreamsChangesAfterAResourceVersion()
    {
        using var client = f.NewClient();
        var ns = await f.NewNamespaceAsync("watch");
        var cms = client.For<V1ConfigMap>();
        var list = await cms.ListAsync(ns);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var seen = new List<(WatchEventType, string)>();
        var watching = Task.Run(async () =>
        {
            await foreach (var e in cms.WatchAsync(ns, new ListOptions { ResourceVersion = list.Metadata.ResourceVersion }, cts.Token))
            {
                seen.Add((e.Type, e.Object!.Name()));
                if (e.Type == WatchEventType.Deleted) return;
            }
        });
        await cms.CreateAsync(ConfigMap(ns, "w"));
        await cms.PatchAsync(ns, "w", PatchType.Merge, """{"data":{"k":"2"}}""");
        await cms.DeleteAsync(ns, "w");
        await watching;
        Assert.Equal([(WatchEventType.Added, "w"), (WatchEventType.Modified, "w"), (WatchEventType.Deleted, "w")], seen);
    }

    [Fact]
    public async Task DeleteReturnsTheObjectWhenDeletionIsGraceful()
    {
        using var client = f.NewClient();
        var ns = await f.NewNamespaceAsync("grace");
        var pods = client.For<V1Pod>();
        await pods.CreateAsync(new V1Pod
        {
            Metadata = new V1ObjectMeta { NamespaceProperty = ns, Name = "bound" },
            Spec = new V1PodSpec { NodeName = "node-1", Containers = [new V1Container { Name = "c", Image = "busybox" }] },
        });
        // A pod on a node is only marked for deletion (the kubelet finishes it), so the server returns it.
        var marked = await pods.DeleteAsync(ns, "bound");
        Assert.NotNull(marked?.Metadata.DeletionTimestamp);

        var cms = client.For<V1ConfigMap>();
        await cms.CreateAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { NamespaceProperty = ns, Name = "gone" } });
        await cms.DeleteAsync(ns, "gone", new V1DeleteOptions { PropagationPolicy = "Background" });
        Assert.True(ApiErrors.IsNotFound(await Assert.ThrowsAsync<KubeApiException>(() => cms.GetAsync(ns, "gone"))));
    }
}
