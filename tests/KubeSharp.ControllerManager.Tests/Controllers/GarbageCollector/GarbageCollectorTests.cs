using k8s.Models;
using KubeSharp.Client.Rest;

namespace KubeSharp.ControllerManager.Tests.Controllers.GarbageCollector;

[Collection(ClusterCollection.Name)]
public sealed class GarbageCollectorTests(ClusterFixture cluster)
{
    private ResourceClient<V1Pod> Pods => cluster.Client.For<V1Pod>();

    private ResourceClient<V1ReplicationController> Rcs => cluster.Client.For<V1ReplicationController>();

    private async Task<List<V1Pod>> PodsAsync(string ns) => (await Pods.ListAsync(ns)).Items.ToList();

    private async Task<bool> RcGoneAsync(string ns, string name)
    {
        try
        {
            await Rcs.GetAsync(ns, name);
            return false;
        }
        catch (KubeApiException e) when (ApiErrors.IsNotFound(e))
        {
            return true;
        }
    }

    private async Task<V1ReplicationController> RcWithPodsAsync(string ns, int replicas)
    {
        var rc = await Rcs.CreateAsync(Workloads.Rc(ns, "web", replicas));
        await Eventually.WaitAsync(async () => (await PodsAsync(ns)).Count(p => p.Metadata.OwnerReferences?.Any(r => r.Uid == rc.Uid()) == true) == replicas,
            $"{replicas} pods owned by the rc");
        return rc;
    }

    [Fact]
    public async Task Kubectl_delete_collects_the_pods_in_the_background()
    {
        var ns = await cluster.NewNamespaceAsync("gc-background");
        await RcWithPodsAsync(ns, 3);

        await cluster.Kubectl.OkAsync("delete", "rc", "web", "-n", ns, "--wait=false");

        Assert.True(await RcGoneAsync(ns, "web"));
        await Eventually.WaitAsync(async () => (await PodsAsync(ns)).Count == 0, "the rc's pods deleted");
    }

    [Fact]
    public async Task Orphan_deletion_keeps_the_pods_and_drops_their_owner_reference()
    {
        var ns = await cluster.NewNamespaceAsync("gc-orphan");
        await RcWithPodsAsync(ns, 3);

        await cluster.Kubectl.OkAsync("delete", "rc", "web", "-n", ns, "--cascade=orphan", "--wait=false");

        await Eventually.WaitAsync(() => RcGoneAsync(ns, "web"), "the rc removed once its pods are orphaned");
        var pods = await PodsAsync(ns);
        Assert.Equal(3, pods.Count);
        Assert.All(pods, p =>
        {
            Assert.Null(p.Metadata.DeletionTimestamp);
            Assert.True(p.Metadata.OwnerReferences is null or { Count: 0 });
        });
    }

    [Fact]
    public async Task Foreground_deletion_removes_the_pods_before_the_rc()
    {
        var ns = await cluster.NewNamespaceAsync("gc-foreground");
        await RcWithPodsAsync(ns, 3);

        await cluster.Kubectl.OkAsync("delete", "rc", "web", "-n", ns, "--cascade=foreground", "--wait=false");

        var marked = await Rcs.GetAsync(ns, "web");
        Assert.NotNull(marked.Metadata.DeletionTimestamp);
        Assert.Contains("foregroundDeletion", marked.Metadata.Finalizers);
        await Eventually.WaitAsync(() => RcGoneAsync(ns, "web"), "the rc removed after its pods");
        // The pods block the owner's deletion, so none can outlive it.
        Assert.Empty(await PodsAsync(ns));
    }

    [Fact]
    public async Task Collects_a_dependent_whose_owner_name_now_belongs_to_another_object()
    {
        var ns = await cluster.NewNamespaceAsync("gc-uid");
        var owner = await cluster.Client.For<V1ConfigMap>().CreateAsync(new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = "owner", NamespaceProperty = ns },
        });

        var stale = await Pods.CreateAsync(Pod(ns, "stale", Guid.NewGuid().ToString()));
        var kept = await Pods.CreateAsync(Pod(ns, "kept", owner.Uid()));

        await Eventually.WaitAsync(async () => (await PodsAsync(ns)).All(p => p.Uid() != stale.Uid()), "the stale pod collected");
        var left = Assert.Single(await PodsAsync(ns));
        Assert.Equal(kept.Uid(), left.Uid());
    }

    [Fact]
    public async Task Drops_a_dangling_reference_but_keeps_a_dependent_with_a_live_owner()
    {
        var ns = await cluster.NewNamespaceAsync("gc-partial");
        var owner = await cluster.Client.For<V1ConfigMap>().CreateAsync(new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = "owner", NamespaceProperty = ns },
        });
        var pod = Pod(ns, "two-owners", owner.Uid());
        pod.Metadata.OwnerReferences.Add(new V1OwnerReference { ApiVersion = "v1", Kind = "Secret", Name = "gone", Uid = Guid.NewGuid().ToString() });

        await Pods.CreateAsync(pod);

        await Eventually.WaitAsync(async () => (await Pods.GetAsync(ns, "two-owners")).Metadata.OwnerReferences?.Count == 1,
            "the dangling reference dropped");
        var left = Assert.Single((await Pods.GetAsync(ns, "two-owners")).Metadata.OwnerReferences);
        Assert.Equal(owner.Uid(), left.Uid);
    }

    [Fact]
    public async Task Foreground_deletion_cascades_through_a_blocking_rc_to_its_pods()
    {
        var ns = await cluster.NewNamespaceAsync("gc-chain");
        var top = await cluster.Client.For<V1ConfigMap>().CreateAsync(new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = "top", NamespaceProperty = ns },
        });
        var rc = Workloads.Rc(ns, "web", 2);
        rc.Metadata.OwnerReferences =
            [new V1OwnerReference { ApiVersion = "v1", Kind = "ConfigMap", Name = "top", Uid = top.Uid(), BlockOwnerDeletion = true }];
        var created = await Rcs.CreateAsync(rc);
        await Eventually.WaitAsync(async () => (await PodsAsync(ns)).Count(p => p.Metadata.OwnerReferences?.Any(r => r.Uid == created.Uid()) == true) == 2,
            "2 pods owned by the rc");

        await cluster.Client.For<V1ConfigMap>().DeleteAsync(ns, "top", new V1DeleteOptions { PropagationPolicy = "Foreground" });

        await Eventually.WaitAsync(async () => (await cluster.Client.For<V1ConfigMap>().ListAsync(ns)).Items.All(c => c.Name() != "top"),
            "the top owner removed last");
        Assert.True(await RcGoneAsync(ns, "web"));
        Assert.Empty(await PodsAsync(ns));
    }

    private static V1Pod Pod(string ns, string name, string ownerUid) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = ns,
            OwnerReferences = [new V1OwnerReference { ApiVersion = "v1", Kind = "ConfigMap", Name = "owner", Uid = ownerUid }],
        },
        Spec = new V1PodSpec { Containers = [new V1Container { Name = "c", Image = "busybox" }] },
    };
}
