namespace KubeSharp.Kubelet.Tests.Pods;

[Collection(ApiCollection.Name)]
public sealed class PodStartConcurrencyTests(ApiServerFixture api)
{
    // runtime-notes "Many pods at once": the kubelet bounds sandbox creations in flight so pods become Running
    // progressively instead of all sharing the CPU and finishing together.
    [Fact]
    public async Task At_most_MaxParallelPodStarts_sandboxes_are_created_at_once_and_all_pods_start()
    {
        await using var node = await TestNode.StartAsync(api, o => o with { MaxParallelPodStarts = 2 });
        node.Runtime.SandboxDelay = TimeSpan.FromSeconds(1);
        var ns = await api.NewNamespaceAsync("burst");
        var pods = new List<k8s.Models.V1Pod>();
        for (var i = 0; i < 8; i++) pods.Add(await node.CreateAsync(node.Pod(ns, $"p{i}", TestNode.Container("c"))));

        foreach (var pod in pods) await node.WaitForAsync(pod, p => p.Status?.Phase == "Running", "Running", TimeSpan.FromSeconds(40));
        Assert.Equal(8, node.Runtime.Sandboxes.Count);
        Assert.Equal(2, node.Runtime.MaxSandboxesInFlight);
    }

    // The slot covers the sandbox only: a pod whose sandbox is up but whose image is still being pulled must not keep
    // the next pod's sandbox waiting (the runtime would sit idle while the pull waits on the network).
    [Fact]
    public async Task A_start_slot_is_free_again_once_the_sandbox_is_up()
    {
        await using var node = await TestNode.StartAsync(api, o => o with { MaxParallelPodStarts = 1 });
        node.Runtime.PullDelay = TimeSpan.FromSeconds(5);
        var ns = await api.NewNamespaceAsync("slot");
        var first = await node.CreateAsync(node.Pod(ns, "first", TestNode.Container("c", "example.com/slow:1")));
        var second = await node.CreateAsync(node.Pod(ns, "second", TestNode.Container("c", "example.com/slow:1")));

        // Both sandboxes while no container exists yet: only possible if the first pod gave its slot back before its
        // pull finished. Holding the slot through the whole start never shows this state.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(4);
        while (!(node.Runtime.Sandboxes.Count == 2 && node.Runtime.Containers.Count == 0))
        {
            Assert.True(DateTime.UtcNow < deadline,
                $"expected two sandboxes and no container; have {node.Runtime.Sandboxes.Count} sandboxes, {node.Runtime.Containers.Count} containers");
            await Task.Delay(20);
        }
        foreach (var pod in new[] { first, second }) await node.WaitForAsync(pod, p => p.Status?.Phase == "Running", "Running", TimeSpan.FromSeconds(40));
    }
}
