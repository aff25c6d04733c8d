namespace KubeSharp.Kubelet.Tests.Pods;

/// <summary>
/// The CRI calls a pod start costs the runtime (issue 6: each one is containerd CPU). PLEG is held still (one relist
/// at start, the next an hour later) so that only the pod path calls the runtime while the pods start.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RuntimeCallBudgetTests(ApiServerFixture api)
{
    private static readonly string[] PodPath =
        ["list_podsandbox", "list_containers", "run_podsandbox", "podsandbox_status", "image_status", "create_container", "start_container", "container_status"];

    [Fact]
    public async Task A_pod_start_costs_eight_CRI_calls_and_the_sync_after_its_status_write_none()
    {
        await using var node = await TestNode.StartAsync(api, o => o with { PlegRelistPeriod = TimeSpan.FromHours(1) });
        var kubelet = node.Kubelet!;
        await Eventually.WaitAsync(() => kubelet.RuntimeOperations.GetValueOrDefault("list_podsandbox") >= 1, "PLEG's first relist");
        var before = kubelet.RuntimeOperations;
        var syncsBefore = kubelet.PodSyncs;
        var ns = await api.NewNamespaceAsync("budget");
        var pods = new List<k8s.Models.V1Pod>();
        for (var i = 0; i < 3; i++) pods.Add(await node.CreateAsync(node.Pod(ns, $"p{i}", TestNode.Container("c"))));
        foreach (var pod in pods) await node.WaitForAsync(pod, p => p.Status?.Phase == "Running" && TestNode.IsReady(p), "Running and Ready");
        // Each pod is synced once when it arrives and once more when its status write comes back from the informer.
        await Eventually.WaitAsync(() => kubelet.PodSyncs - syncsBefore >= 6, "two syncs per pod");

        var after = kubelet.RuntimeOperations;
        foreach (var operation in PodPath)
        {
            var calls = after.GetValueOrDefault(operation) - before.GetValueOrDefault(operation);
            Assert.True(calls == 3, $"{operation}: {calls} calls for 3 pod starts, expected 3");
        }
        // Before the runtime view was cached and patched it was 17 a pod: three full reloads in the first sync
        // (list sandboxes and containers, a status call each) and one more in every later sync.
        Assert.Equal(8 * 3, PodPath.Sum(o => after.GetValueOrDefault(o) - before.GetValueOrDefault(o)));
    }
}
