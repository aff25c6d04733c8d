using Microsoft.Extensions.Time.Testing;

namespace KubeSharp.Kubelet.Tests.Pods;

/// <summary>
/// The CRI calls pod starts cost the runtime (issue 6: each one is containerd CPU). The kubelet runs on a fake clock
/// that the test never moves: PLEG relists once at start and not again, so only the pod path calls the runtime, and
/// an image found present stays "recently checked" for the whole test.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RuntimeCallBudgetTests(ApiServerFixture api)
{
    // Per operation, for three pods of one container each with the same image.
    private static readonly Dictionary<string, long> Budget = new()
    {
        ["list_podsandbox"] = 3,   // the first sync of each pod reads what the runtime has for it ...
        ["list_containers"] = 3,
        ["run_podsandbox"] = 3,    // ... creates the sandbox and reads its status (for the IP) ...
        ["podsandbox_status"] = 3,
        ["image_status"] = 1,      // ... checks the image once for all three ...
        ["create_container"] = 3,  // ... starts the container and reads its status; later syncs use that view.
        ["start_container"] = 3,
        ["container_status"] = 3,
    };

    [Fact]
    public async Task Three_pod_starts_cost_22_CRI_calls_and_the_syncs_after_their_status_writes_none()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var node = await TestNode.StartAsync(api, o => o with
        {
            NodeStatusUpdateFrequency = TimeSpan.FromHours(1),
            NodeLeaseDuration = TimeSpan.FromHours(1),
        }, clock);
        var kubelet = node.Kubelet!;
        // A relist lists sandboxes, then containers: once containers were listed the first relist is over.
        await Eventually.WaitAsync(() => kubelet.RuntimeOperations.GetValueOrDefault("list_containers") >= 1, "PLEG's first relist");
        var before = kubelet.RuntimeOperations;
        var syncsBefore = kubelet.PodSyncs;
        var ns = await api.NewNamespaceAsync("budget");
        var pods = new List<k8s.Models.V1Pod>();
        // One after the other: two starts at once may both check the image before either has the answer.
        for (var i = 0; i < 3; i++)
        {
            var pod = await node.CreateAsync(node.Pod(ns, $"p{i}", TestNode.Container("c")));
            await node.WaitForAsync(pod, p => p.Status?.Phase == "Running" && TestNode.IsReady(p), "Running and Ready");
            pods.Add(pod);
        }
        // Each pod is synced once when it arrives and once more when its status write comes back from the informer.
        await Eventually.WaitAsync(() => kubelet.PodSyncs - syncsBefore >= 6, "two syncs per pod");

        var after = kubelet.RuntimeOperations;
        var calls = after.Where(a => a.Value != before.GetValueOrDefault(a.Key))
            .ToDictionary(a => a.Key, a => a.Value - before.GetValueOrDefault(a.Key));
        Assert.Equal(Budget.OrderBy(b => b.Key), calls.OrderBy(c => c.Key));
        // Before the runtime view was cached and patched and image checks reused it was 17 a pod (51): three full
        // reloads in the first sync (list sandboxes and containers, a status call each) and one in every later sync.
        Assert.Equal(22, calls.Values.Sum());
    }
}
