using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using KubeSharp.ApiServer.Tests.Infrastructure;

namespace KubeSharp.ApiServer.Tests.Client;

/// <summary>List selectors, paging and watches through the official client.</summary>
public sealed class ListWatchTests(ApiServerFixture f) : IClassFixture<ApiServerFixture>
{
    [Fact]
    public async Task LabelAndFieldSelectorsFilterLists()
    {
        using var client = f.Client();
        var ns = await f.NewNamespaceAsync("sel");
        foreach (var (name, tier) in new[] { ("a", "web"), ("b", "web"), ("c", "db") })
        {
            await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap
            {
                Metadata = new V1ObjectMeta { Name = name, Labels = new Dictionary<string, string> { ["tier"] = tier } },
            }, ns);
        }
        var web = await client.CoreV1.ListNamespacedConfigMapAsync(ns, labelSelector: "tier=web");
        Assert.Equal(["a", "b"], web.Items.Select(i => i.Metadata.Name));
        var notWeb = await client.CoreV1.ListNamespacedConfigMapAsync(ns, labelSelector: "tier!=web");
        Assert.Equal(["c"], notWeb.Items.Select(i => i.Metadata.Name));
        var byName = await client.CoreV1.ListNamespacedConfigMapAsync(ns, fieldSelector: "metadata.name=b");
        Assert.Equal(["b"], byName.Items.Select(i => i.Metadata.Name));
        var e = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.ListNamespacedConfigMapAsync(ns, fieldSelector: "spec.nope=1"));
        Assert.Equal(HttpStatusCode.BadRequest, e.Response.StatusCode);
    }

    [Fact]
    public async Task PodFieldSelectorsOnNodeNameAndPhase()
    {
        using var client = f.Client();
        var ns = await f.NewNamespaceAsync("psel");
        foreach (var name in new[] { "p1", "p2" })
        {
            await client.CoreV1.CreateNamespacedPodAsync(new V1Pod
            {
                Metadata = new V1ObjectMeta { Name = name },
                Spec = new V1PodSpec { Containers = [new V1Container { Name = "c", Image = "busybox" }] },
            }, ns);
        }
        await client.CoreV1.CreateNamespacedPodBindingAsync(new V1Binding
        {
            Metadata = new V1ObjectMeta { Name = "p1" },
            Target = new V1ObjectReference { Kind = "Node", Name = "n1" },
        }, "p1", ns);
        var onNode = await client.CoreV1.ListNamespacedPodAsync(ns, fieldSelector: "spec.nodeName=n1");
        Assert.Equal(["p1"], onNode.Items.Select(p => p.Metadata.Name));
        var unscheduled = await client.CoreV1.ListNamespacedPodAsync(ns, fieldSelector: "spec.nodeName=");
        Assert.Equal(["p2"], unscheduled.Items.Select(p => p.Metadata.Name));
        var pending = await client.CoreV1.ListNamespacedPodAsync(ns, fieldSelector: "status.phase=Pending");
        Assert.Equal(2, pending.Items.Count);
        var all = await client.CoreV1.ListPodForAllNamespacesAsync(fieldSelector: $"metadata.namespace={ns}");
        Assert.Equal(2, all.Items.Count);
    }

    [Fact]
    public async Task PagingWithContinueIsConsistentAtThePinnedRevision()
    {
        using var client = f.Client();
        var ns = await f.NewNamespaceAsync("page");
        for (var i = 0; i < 25; i++)
        {
            await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = $"cm-{i:D2}" } }, ns);
        }
        var first = await client.CoreV1.ListNamespacedConfigMapAsync(ns, limit: 10);
        Assert.Equal(10, first.Items.Count);
        Assert.False(string.IsNullOrEmpty(first.Metadata.ContinueProperty));
        Assert.Equal(15, first.Metadata.RemainingItemCount);

        // Writes between pages must not show up in the pinned list.
        await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "cm-99" } }, ns);
        await client.CoreV1.DeleteNamespacedConfigMapAsync("cm-20", ns);

        var names = first.Items.Select(i => i.Metadata.Name).ToList();
        var cont = first.Metadata.ContinueProperty;
        while (!string.IsNullOrEmpty(cont))
        {
            var page = await client.CoreV1.ListNamespacedConfigMapAsync(ns, limit: 10, continueParameter: cont);
            Assert.Equal(first.Metadata.ResourceVersion, page.Metadata.ResourceVersion);
            names.AddRange(page.Items.Select(i => i.Metadata.Name));
            cont = page.Metadata.ContinueProperty;
        }
        Assert.Equal(Enumerable.Range(0, 25).Select(i => $"cm-{i:D2}"), names);
    }

    [Fact]
    public async Task WatchFromListRevisionSeesEveryChangeInOrder()
    {
        using var client = f.Client();
        var ns = await f.NewNamespaceAsync("watch");
        var list = await client.CoreV1.ListNamespacedConfigMapAsync(ns);
        var events = new List<(WatchEventType, string, string?)>();
        var done = new TaskCompletionSource();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var watchTask = Task.Run(async () =>
        {
            await foreach (var (type, cm) in client.CoreV1.WatchListNamespacedConfigMapAsync(ns, resourceVersion: list.Metadata.ResourceVersion, cancellationToken: cts.Token))
            {
                lock (events) events.Add((type, cm.Metadata.Name, (cm.Data != null && cm.Data.TryGetValue("k", out var kv) ? kv : null)));
                if (type == WatchEventType.Deleted) { done.TrySetResult(); break; }
            }
        });
        await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "w" }, Data = new Dictionary<string, string> { ["k"] = "1" } }, ns);
        await client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("{\"data\":{\"k\":\"2\"}}", V1Patch.PatchType.MergePatch), "w", ns);
        await client.CoreV1.DeleteNamespacedConfigMapAsync("w", ns);
        await done.Task.WaitAsync(TimeSpan.FromSeconds(15));
        cts.Cancel();
        Assert.Equal(
            [(WatchEventType.Added, "w", "1"), (WatchEventType.Modified, "w", "2"), (WatchEventType.Deleted, "w", "2")],
            events);
    }

    [Fact]
    public async Task WatchWithoutResourceVersionStartsWithCurrentState()
    {
        using var client = f.Client();
        var ns = await f.NewNamespaceAsync("watch0");
        await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "existing" } }, ns);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await foreach (var (type, cm) in client.CoreV1.WatchListNamespacedConfigMapAsync(ns, cancellationToken: cts.Token))
        {
            Assert.Equal(WatchEventType.Added, type);
            Assert.Equal("existing", cm.Metadata.Name);
            break;
        }
    }
}
