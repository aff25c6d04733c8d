using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using KubeSharp.ApiServer.Tests.Infrastructure;

namespace KubeSharp.ApiServer.Tests.Client;

/// <summary>Create/read/update/delete through the official KubernetesClient, asserting upstream semantics.</summary>
public sealed class CrudTests(ApiServerFixture f) : IClassFixture<ApiServerFixture>
{
    [Fact]
    public async Task SystemNamespacesExistAtStart()
    {
        using var client = f.Client();
        var list = await client.CoreV1.ListNamespaceAsync();
        var names = list.Items.Select(n => n.Metadata.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "default", "kube-system", "kube-public", "kube-node-lease" }, names);
        var ns = list.Items.First(n => n.Metadata.Name == "default");
        Assert.Equal("Active", ns.Status.Phase);
        Assert.Contains("kubernetes", ns.Spec.Finalizers);
    }

    [Fact]
    public async Task CreateSetsServerMetadataAndGetReturnsIt()
    {
        using var client = f.Client();
        var ns = await f.NewNamespaceAsync("crud");
        var created = await client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "cm1", Labels = new Dictionary<string, string> { ["a"] = "b" } }, Data = new Dictionary<string, string> { ["k"] = "v" } }, ns);
        Assert.False(string.IsNullOrEmpty(created.Metadata.Uid));
        Assert.NotNull(created.Metadata.CreationTimestamp);
        Assert.True(long.Parse(created.Metadata.ResourceVersion) > 0);
        Assert.Equal(ns, created.Metadata.NamespaceProperty);

        var got = await client.CoreV1.ReadNamespacedConfigMapAsync("cm1", ns);
        Assert.Equal(created.Metadata.Uid, got.Metadata.Uid);
        Assert.Equal(created.Metadata.ResourceVersion, got.Metadata.ResourceVersion);
        Assert.Equal("v", got.Data["k"]);
    }

    [Fact]
    public async Task GenerateNameProducesAUniqueName()
    {
        using var client = f.Client();
        var ns = await f.NewNamespaceAsync("gen");
        var a = await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { GenerateName = "web-" } }, ns);
        var b = await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { GenerateName = "web-" } }, ns);
        Assert.StartsWith("web-", a.Metadata.Name);
        Assert.Equal(9, a.Metadata.Name.Length);
        Assert.NotEqual(a.Metadata.Name, b.Metadata.Name);
    }

    [Fact]
    public async Task DuplicateCreateIsAlreadyExists()
    {
        using var client = f.Client();
        var ns = await f.NewNamespaceAsync("dup");
        await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "x" } }, ns);
        var e = await Assert.ThrowsAsync<HttpOperationException>(() =>
            client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "x" } }, ns));
        Assert.Equal(HttpStatusCode.Conflict, e.Response.StatusCode);
        Assert.Contains("\"reason\":\"AlreadyExists\"", e.Response.Content);
        Assert.Contains("configmaps \\\"x\\\" already exists", e.Response.Content);
    }

    [Fact]
    public async Task MissingObjectIsNotFoundStatus()
    {
        using var client = f.Client();
        var e = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.ReadNamespacedPodAsync("nosuch", "default"));
        Assert.Equal(HttpStatusCode.NotFound, e.Response.StatusCode);
        Assert.Contains("\"kind\":\"Status\"", e.Response.Content);
        Assert.Contains("pods \\\"nosuch\\\" not found", e.Response.Content);
        Assert.Contains("\"code\":404", e.Response.Content);
    }

    [Fact]
    public async Task UpdateWithStaleResourceVersionIsConflict()
    {
        using var client = f.Client();
        var ns = await f.NewNamespaceAsync("cas");
        var cm = await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "c" } }, ns);
        cm.Data = new Dictionary<string, string> { ["a"] = "1" };
        var updated = await client.CoreV1.ReplaceNamespacedConfigMapAsync(cm, "c", ns);
        Assert.True(long.Parse(updated.Metadata.ResourceVersion) > long.Parse(cm.Metadata.ResourceVersion));

        cm.Data["a"] = "2"; // still carries the old resourceVersion
        var e = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.ReplaceNamespacedConfigMapAsync(cm, "c", ns));
        Assert.Equal(HttpStatusCode.Conflict, e.Response.StatusCode);
        Assert.Contains("the object has been modified; please apply your changes to the latest version and try again", e.Response.Content);
        var stored = await client.CoreV1.ReadNamespacedConfigMapAsync("c", ns);
        Assert.Equal("1", stored.Data["a"]);
    }

    [Fact]
    public async Task NoOpPatchKeepsResourceVersion()
    {
        using var client = f.Client();
        var ns = await f.NewNamespaceAsync("noop");
        var cm = await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "c" }, Data = new Dictionary<string, string> { ["a"] = "1" } }, ns);
        var patched = await client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("{\"data\":{\"a\":\"1\"}}", V1Patch.PatchType.MergePatch), "c", ns);
        Assert.Equal(cm.Metadata.ResourceVersion, patched.Metadata.ResourceVersion);
        var changed = await client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("{\"data\":{\"a\":\"2\"}}", V1Patch.PatchType.MergePatch), "c", ns);
        Assert.NotEqual(cm.Metadata.ResourceVersion, changed.Metadata.ResourceVersion);
        Assert.Equal("2", changed.Data["a"]);
    }

    [Fact]
    public async Task DryRunCreateDoesNotPersist()
    {
        using var client = f.Client();
        var ns = await f.NewNamespaceAsync("dry");
        var result = await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "d" } }, ns, dryRun: "All");
        Assert.Equal("d", result.Metadata.Name);
        var e = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.ReadNamespacedConfigMapAsync("d", ns));
        Assert.Equal(HttpStatusCode.NotFound, e.Response.StatusCode);
    }

    [Fact]
    public async Task DeleteRemovesTheObject()
    {
        using var client = f.Client();
        var ns = await f.NewNamespaceAsync("del");
        await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "c" } }, ns);
        await client.CoreV1.DeleteNamespacedConfigMapAsync("c", ns);
        var e = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.ReadNamespacedConfigMapAsync("c", ns));
        Assert.Equal(HttpStatusCode.NotFound, e.Response.StatusCode);
        var again = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.DeleteNamespacedConfigMapAsync("c", ns));
        Assert.Equal(HttpStatusCode.NotFound, again.Response.StatusCode);
    }

    [Fact]
    public async Task FinalizersHoldDeletionUntilRemoved()
    {
        using var client = f.Client();
        var ns = await f.NewNamespaceAsync("fin");
        await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "c", Finalizers = ["example.com/hold"] } }, ns);
        await client.CoreV1.DeleteNamespacedConfigMapAsync("c", ns);
        var marked = await client.CoreV1.ReadNamespacedConfigMapAsync("c", ns);
        Assert.NotNull(marked.Metadata.DeletionTimestamp);
        await client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("{\"metadata\":{\"finalizers\":null}}", V1Patch.PatchType.MergePatch), "c", ns);
        var e = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.ReadNamespacedConfigMapAsync("c", ns));
        Assert.Equal(HttpStatusCode.NotFound, e.Response.StatusCode);
    }

    [Fact]
    public async Task CreateInMissingNamespaceIsNotFound()
    {
        using var client = f.Client();
        var e = await Assert.ThrowsAsync<HttpOperationException>(() =>
            client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "c" } }, "does-not-exist"));
        Assert.Equal(HttpStatusCode.NotFound, e.Response.StatusCode);
        Assert.Contains("namespaces \\\"does-not-exist\\\" not found", e.Response.Content);
    }

    [Fact]
    public async Task DeletedNamespaceIsTerminatingAndRefusesNewContent()
    {
        using var client = f.Client();
        var ns = await f.NewNamespaceAsync("term");
        await client.CoreV1.DeleteNamespaceAsync(ns);
        var got = await client.CoreV1.ReadNamespaceAsync(ns);
        Assert.Equal("Terminating", got.Status.Phase);
        Assert.NotNull(got.Metadata.DeletionTimestamp);
        var e = await Assert.ThrowsAsync<HttpOperationException>(() =>
            client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "c" } }, ns));
        Assert.Equal(HttpStatusCode.Forbidden, e.Response.StatusCode);
        Assert.Contains($"unable to create new content in namespace {ns} because it is being terminated", e.Response.Content);
    }

    [Fact]
    public async Task FinalizeWithoutTheKubernetesFinalizerRemovesATerminatingNamespace()
    {
        using var client = f.Client();
        var ns = await f.NewNamespaceAsync("fin");
        await client.CoreV1.DeleteNamespaceAsync(ns);
        var got = await client.CoreV1.ReadNamespaceAsync(ns);
        got.Spec.Finalizers = [];
        await client.CoreV1.ReplaceNamespaceFinalizeAsync(got, ns);
        var e = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.ReadNamespaceAsync(ns));
        Assert.Equal(HttpStatusCode.NotFound, e.Response.StatusCode);
    }

    [Fact]
    public async Task SystemNamespacesCannotBeDeleted()
    {
        using var client = f.Client();
        var e = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.DeleteNamespaceAsync("kube-system"));
        Assert.Equal(HttpStatusCode.Forbidden, e.Response.StatusCode);
    }

    [Fact]
    public async Task TimesHaveSecondPrecisionAndMicroTimesMicroseconds()
    {
        using var http = RawHttp.Create(f);
        var ev = await http.PostAsync("/api/v1/namespaces/default/events", RawHttp.Json(
            "{\"metadata\":{\"name\":\"t1\"},\"involvedObject\":{\"kind\":\"Pod\",\"name\":\"p\",\"namespace\":\"default\"}," +
            "\"reason\":\"R\",\"message\":\"m\",\"firstTimestamp\":\"2026-01-01T00:00:00.123456Z\",\"eventTime\":\"2026-01-01T00:00:00.123456Z\"," +
            "\"reportingComponent\":\"test\",\"reportingInstance\":\"i\",\"action\":\"A\"}"));
        var body = await ev.Content.ReadAsStringAsync();
        Assert.True(ev.StatusCode == HttpStatusCode.Created, body);
        Assert.Contains("\"firstTimestamp\":\"2026-01-01T00:00:00Z\"", body);
        Assert.Contains("\"eventTime\":\"2026-01-01T00:00:00.123456Z\"", body);

        var lease = await http.PostAsync("/apis/coordination.k8s.io/v1/namespaces/default/leases", RawHttp.Json(
            "{\"metadata\":{\"name\":\"l1\"},\"spec\":{\"holderIdentity\":\"a\",\"renewTime\":\"2026-01-01T00:00:00.654321Z\"}}"));
        var leaseBody = await lease.Content.ReadAsStringAsync();
        Assert.Contains("\"renewTime\":\"2026-01-01T00:00:00.654321Z\"", leaseBody);
    }
}
