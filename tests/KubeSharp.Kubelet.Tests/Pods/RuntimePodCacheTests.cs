using KubeSharp.Kubelet.Cri.Fake;
using KubeSharp.Kubelet.Cri.V1;
using KubeSharp.Kubelet.Pods;
using Microsoft.Extensions.Logging.Abstractions;

namespace KubeSharp.Kubelet.Tests.Pods;

/// <summary>When a sync may reuse what an earlier sync knew about a pod in the runtime, and when PLEG takes it away.</summary>
public sealed class RuntimePodCacheTests
{
    private const string Uid = "11111111-2222-3333-4444-555555555555";

    [Fact]
    public async Task A_stored_view_is_reused_until_invalidated()
    {
        var (runtime, _) = await RuntimeWithPodAsync();
        var cache = new RuntimePodCache();
        var first = cache.Begin(Uid);
        Assert.Null(first.Pod);
        var loaded = await RuntimePod.LoadAsync(runtime, Uid, CancellationToken.None);
        cache.End(first, loaded);

        var second = cache.Begin(Uid);
        Assert.Same(loaded, second.Pod);
        cache.End(second, second.Pod);

        cache.Invalidate(Uid);
        var third = cache.Begin(Uid);
        Assert.Null(third.Pod);
        cache.End(third, null);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public async Task A_sync_does_not_store_what_it_read_before_an_invalidation_that_happened_while_it_ran()
    {
        var (runtime, _) = await RuntimeWithPodAsync();
        var cache = new RuntimePodCache();
        var lease = cache.Begin(Uid);
        var loaded = await RuntimePod.LoadAsync(runtime, Uid, CancellationToken.None);
        cache.Invalidate(Uid);
        cache.End(lease, loaded);

        var next = cache.Begin(Uid);
        Assert.Null(next.Pod);
        cache.End(next, null);
    }

    [Fact]
    public async Task A_relist_keeps_a_view_that_shows_what_it_lists_and_drops_one_that_does_not()
    {
        var (runtime, containerId) = await RuntimeWithPodAsync();
        var cache = new RuntimePodCache();
        var changed = new List<string>();
        var pleg = new KubeSharp.Kubelet.Pleg.Pleg(runtime, TimeSpan.FromHours(1), TimeProvider.System, cache, changed.Add, NullLogger.Instance);
        var lease = cache.Begin(Uid);
        cache.End(lease, await RuntimePod.LoadAsync(runtime, Uid, CancellationToken.None));

        // The first relist reports the pod (new to PLEG), but the cached view already shows its sandbox and container.
        await pleg.RelistAsync(CancellationToken.None);
        Assert.Equal([Uid], changed);
        var kept = cache.Begin(Uid);
        Assert.NotNull(kept.Pod);
        cache.End(kept, kept.Pod);

        // The container stops behind the kubelet's back: the next relist drops the view, and the pod is synced again.
        await runtime.StopContainerAsync(containerId, 0, CancellationToken.None);
        await pleg.RelistAsync(CancellationToken.None);
        Assert.Equal([Uid, Uid], changed);
        var dropped = cache.Begin(Uid);
        Assert.Null(dropped.Pod);
        cache.End(dropped, null);
    }

    private static async Task<(FakeRuntime Runtime, string ContainerId)> RuntimeWithPodAsync()
    {
        var runtime = new FakeRuntime(new FakeRuntimeOptions { PodCidr = "10.244.9.0/24" });
        var sandboxConfig = new PodSandboxConfig { Metadata = new PodSandboxMetadata { Name = "p", Namespace = "ns", Uid = Uid } };
        sandboxConfig.Labels[KubeletLabels.PodUid] = Uid;
        var sandbox = await runtime.RunPodSandboxAsync(sandboxConfig, "", CancellationToken.None);
        var config = new ContainerConfig { Metadata = new ContainerMetadata { Name = "c" }, Image = new ImageSpec { Image = "busybox" } };
        config.Labels[KubeletLabels.PodUid] = Uid;
        var id = await runtime.CreateContainerAsync(sandbox, config, sandboxConfig, CancellationToken.None);
        await runtime.StartContainerAsync(id, CancellationToken.None);
        return (runtime, id);
    }
}
