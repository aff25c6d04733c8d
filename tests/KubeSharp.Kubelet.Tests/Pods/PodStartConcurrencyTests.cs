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
}
