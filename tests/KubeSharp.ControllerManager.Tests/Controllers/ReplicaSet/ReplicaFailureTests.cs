using k8s.Models;
using KubeSharp.Client.Rest;

namespace KubeSharp.ControllerManager.Tests.Controllers.ReplicaSet;

/// <summary>
/// The ReplicaFailure condition: a create refused by the API server (here the ResourceQuota admission's 403)
/// shows on the owner's status and as a FailedCreate event, and goes away once a later sync succeeds.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ReplicaFailureTests(ClusterFixture cluster)
{
    /// <summary>Quota status and retries with back-off are asynchronous; a loaded 2-core machine needs slack.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private ResourceClient<V1Pod> Pods => cluster.Client.For<V1Pod>();

    private ResourceClient<V1ResourceQuota> Quotas => cluster.Client.For<V1ResourceQuota>();

    private async Task CreatePodQuotaAsync(string ns, int pods)
    {
        await Quotas.CreateAsync(new V1ResourceQuota
        {
            Metadata = new V1ObjectMeta { Name = "pods", NamespaceProperty = ns },
            Spec = new V1ResourceQuotaSpec { Hard = new Dictionary<string, ResourceQuantity> { ["pods"] = new($"{pods}") } },
        });
        // Admission only enforces a quota whose status.hard the resourcequota controller has written.
        await Eventually.WaitAsync(async () => (await Quotas.GetAsync(ns, "pods")).Status?.Hard?.ContainsKey("pods") == true,
            "the quota's status.hard", Timeout);
    }

    private async Task<int> ActivePodsAsync(string ns) =>
        (await Pods.ListAsync(ns)).Items.Count(p => p.Metadata.DeletionTimestamp == null);

    [Fact]
    public async Task Rc_over_quota_gets_FailedCreate_condition_and_event_then_recovers_when_quota_is_raised()
    {
        var ns = await cluster.NewNamespaceAsync("rc-quota");
        await CreatePodQuotaAsync(ns, 2);
        var rcs = cluster.Client.For<V1ReplicationController>();
        var rc = await rcs.CreateAsync(Workloads.Rc(ns, "web", 3));

        V1ReplicationControllerCondition? failure = null;
        await Eventually.WaitAsync(async () =>
        {
            var cur = await rcs.GetAsync(ns, "web");
            failure = cur.Status?.Conditions?.FirstOrDefault(c => c.Type == "ReplicaFailure");
            return failure != null && cur.Status!.Replicas == 2;
        }, "a ReplicaFailure condition with 2 replicas", Timeout);
        Assert.Equal(("True", "FailedCreate"), (failure!.Status, failure.Reason));
        Assert.Contains("exceeded quota: pods, requested: pods=1, used: pods=2, limited: pods=2", failure.Message, StringComparison.Ordinal);
        Assert.NotNull(failure.LastTransitionTime);
        Assert.Equal(2, await ActivePodsAsync(ns));
        await Eventually.WaitAsync(async () => (await cluster.Client.For<Corev1Event>().ListAsync(ns)).Items.Any(e =>
            e.Reason == "FailedCreate" && e.Type == "Warning" && e.InvolvedObject.Uid == rc.Uid()
            && e.Message.StartsWith("Error creating: ", StringComparison.Ordinal) && e.Message.Contains("exceeded quota", StringComparison.Ordinal)),
            "a FailedCreate warning event with the quota message", Timeout);

        await Quotas.PatchAsync(ns, "pods", PatchType.Merge, """{"spec":{"hard":{"pods":"3"}}}""");

        await Eventually.WaitAsync(async () =>
        {
            var cur = await rcs.GetAsync(ns, "web");
            return cur.Status?.Replicas == 3 && cur.Status.Conditions?.Any(c => c.Type == "ReplicaFailure") != true;
        }, "3 replicas and the ReplicaFailure condition cleared", Timeout);
        Assert.Equal(3, await ActivePodsAsync(ns));
    }

    [Fact]
    public async Task ReplicaSet_over_quota_gets_the_same_condition_and_keeps_its_other_fields()
    {
        var ns = await cluster.NewNamespaceAsync("rs-quota");
        await CreatePodQuotaAsync(ns, 1);
        var rss = cluster.Client.For<V1ReplicaSet>();
        await rss.CreateAsync(Workloads.Rs(ns, "api", 2));

        await Eventually.WaitAsync(async () =>
        {
            var cur = await rss.GetAsync(ns, "api");
            var c = cur.Status?.Conditions?.FirstOrDefault(c => c.Type == "ReplicaFailure");
            return c is { Status: "True", Reason: "FailedCreate" } && c.Message.Contains("exceeded quota", StringComparison.Ordinal)
                && cur.Status!.Replicas == 1 && cur.Status.ObservedGeneration == cur.Metadata.Generation;
        }, "ReplicaFailure/FailedCreate on the ReplicaSet", Timeout);

        await rss.PatchAsync(ns, "api", PatchType.Merge, """{"spec":{"replicas":1}}""");

        // At 1 replica nothing needs creating: the next sync succeeds and clears the condition.
        await Eventually.WaitAsync(async () =>
        {
            var cur = await rss.GetAsync(ns, "api");
            return cur.Status?.Conditions?.Any(c => c.Type == "ReplicaFailure") != true && cur.Status?.ObservedGeneration == cur.Metadata.Generation;
        }, "the condition cleared after scaling down to what the quota allows", Timeout);
        Assert.Equal(1, await ActivePodsAsync(ns));
    }
}
