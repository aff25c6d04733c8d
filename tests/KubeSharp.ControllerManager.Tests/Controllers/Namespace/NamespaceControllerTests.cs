using k8s.Models;
using KubeSharp.Client.Rest;

namespace KubeSharp.ControllerManager.Tests.Controllers.Namespace;

[Collection(ClusterCollection.Name)]
public sealed class NamespaceControllerTests(ClusterFixture cluster)
{
    [Fact]
    public async Task Deleting_a_namespace_removes_its_content_and_then_the_namespace()
    {
        var ns = await cluster.NewNamespaceAsync("ns-delete");
        await cluster.Client.For<V1ConfigMap>().CreateAsync(new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = "settings", NamespaceProperty = ns },
            Data = new Dictionary<string, string> { ["k"] = "v" },
        });
        await cluster.Client.For<V1Pod>().CreateAsync(Workloads.Pod(ns, "loose", "none"));
        await cluster.Client.For<V1ReplicationController>().CreateAsync(Workloads.Rc(ns, "web", 2));
        await Eventually.WaitAsync(async () => (await cluster.Client.For<V1Pod>().ListAsync(ns)).Items.Count == 3, "the RC's pods");

        await cluster.Client.For<V1Namespace>().DeleteAsync(null, ns);

        await Eventually.WaitAsync(async () =>
        {
            try
            {
                await cluster.Client.For<V1Namespace>().GetAsync(null, ns);
                return false;
            }
            catch (KubeApiException e) when (ApiErrors.IsNotFound(e))
            {
                return true;
            }
        }, "the namespace to disappear", TimeSpan.FromSeconds(30));
        Assert.Empty((await cluster.Client.For<V1ConfigMap>().ListAsync(ns)).Items);
        Assert.Empty((await cluster.Client.For<V1Pod>().ListAsync(ns)).Items);
        Assert.Empty((await cluster.Client.For<V1ReplicationController>().ListAsync(ns)).Items);
    }

    [Fact]
    public async Task Content_held_by_a_finalizer_keeps_the_namespace_and_is_reported_in_conditions()
    {
        var ns = await cluster.NewNamespaceAsync("ns-held");
        var configMaps = cluster.Client.For<V1ConfigMap>();
        await configMaps.CreateAsync(new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = "held", NamespaceProperty = ns, Finalizers = ["example.com/hold"] },
        });

        await cluster.Client.For<V1Namespace>().DeleteAsync(null, ns);

        await Eventually.WaitAsync(async () =>
        {
            var cur = await cluster.Client.For<V1Namespace>().GetAsync(null, ns);
            var conditions = cur.Status?.Conditions ?? [];
            return conditions.Any(c => c.Type == "NamespaceContentRemaining" && c.Status == "True"
                    && c.Message == "Some resources are remaining: configmaps. has 1 resource instances")
                && conditions.Any(c => c.Type == "NamespaceFinalizersRemaining" && c.Status == "True"
                    && c.Message == "Some content in the namespace has finalizers remaining: example.com/hold in 1 resource instances");
        }, "conditions naming the remaining content");

        await configMaps.PatchAsync(ns, "held", PatchType.Merge, """{"metadata":{"finalizers":null}}""");

        await Eventually.WaitAsync(async () =>
        {
            try
            {
                await cluster.Client.For<V1Namespace>().GetAsync(null, ns);
                return false;
            }
            catch (KubeApiException e) when (ApiErrors.IsNotFound(e))
            {
                return true;
            }
        }, "the namespace to disappear once the finalizer is gone", TimeSpan.FromSeconds(30));
    }
}
