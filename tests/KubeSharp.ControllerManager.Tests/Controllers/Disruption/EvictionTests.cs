using k8s;
using k8s.Autorest;
using k8s.Models;

namespace KubeSharp.ControllerManager.Tests.Controllers.Disruption;

/// <summary>
/// pods/eviction through the official client against the disruption controller's budgets: one disruption is
/// spent and recorded, the next eviction is refused with upstream's 429 until the controller has seen the pod go.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class EvictionTests(ClusterFixture cluster)
{
    [Fact]
    public async Task Eviction_spends_the_budget_and_is_refused_with_429_when_none_is_left()
    {
        var ns = await cluster.NewNamespaceAsync("evict");
        await using var kubelet = KubeletStandIn.Start(cluster.Client, ns);
        await cluster.Client.For<V1ReplicaSet>().CreateAsync(Workloads.Rs(ns, "api", 3));
        var budgets = cluster.Client.For<V1PodDisruptionBudget>();
        await budgets.CreateAsync(new V1PodDisruptionBudget
        {
            Metadata = new V1ObjectMeta { Name = "api", NamespaceProperty = ns },
            Spec = new V1PodDisruptionBudgetSpec
            {
                MinAvailable = (IntOrString)"2",
                Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "api" } },
            },
        });
        await Eventually.WaitAsync(async () => (await budgets.GetAsync(ns, "api")).Status?.DisruptionsAllowed == 1, "one disruption allowed",
            TimeSpan.FromSeconds(30));
        // Hold the replacement pod unready, so the budget stays spent after the first eviction.
        kubelet.Paused = true;

        using var client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(cluster.KubeconfigPath));
        var pods = (await cluster.Client.For<V1Pod>().ListAsync(ns)).Items.Select(p => p.Metadata.Name).OrderBy(n => n, StringComparer.Ordinal).ToList();
        await client.CreateNamespacedPodEvictionAsync(new V1Eviction { Metadata = new V1ObjectMeta { Name = pods[0], NamespaceProperty = ns } }, pods[0], ns);

        // The eviction spent the disruption (the controller may already have dropped the deleted pod from
        // disruptedPods, so only the count is certain here).
        Assert.Equal(0, (await budgets.GetAsync(ns, "api")).Status.DisruptionsAllowed);

        var refused = await Assert.ThrowsAsync<HttpOperationException>(() =>
            client.CreateNamespacedPodEvictionAsync(new V1Eviction { Metadata = new V1ObjectMeta { Name = pods[1], NamespaceProperty = ns } }, pods[1], ns));
        Assert.Equal(429, (int)refused.Response.StatusCode);
        var status = KubernetesJson.Deserialize<V1Status>(refused.Response.Content);
        Assert.Equal(("TooManyRequests", "Cannot evict pod as it would violate the pod's disruption budget."), (status.Reason, status.Message));
        var cause = Assert.Single(status.Details.Causes);
        Assert.Equal("DisruptionBudget", cause.Reason);
        Assert.StartsWith("The disruption budget api needs 2 healthy pods and has ", cause.Message, StringComparison.Ordinal);
        Assert.Null((await cluster.Client.For<V1Pod>().GetAsync(ns, pods[1])).Metadata.DeletionTimestamp);

        // The evicted pod went (no node: deleted at once); the controller drops it from disruptedPods.
        await Eventually.WaitAsync(async () => (await budgets.GetAsync(ns, "api")).Status?.DisruptedPods is not { Count: > 0 }, "disruptedPods cleared",
            TimeSpan.FromSeconds(30));
        // Once the replacement is ready the budget allows one disruption again.
        kubelet.Paused = false;
        await Eventually.WaitAsync(async () => (await budgets.GetAsync(ns, "api")).Status?.DisruptionsAllowed == 1, "one disruption allowed again",
            TimeSpan.FromSeconds(30));
        await client.CreateNamespacedPodEvictionAsync(new V1Eviction { Metadata = new V1ObjectMeta { Name = pods[1], NamespaceProperty = ns } }, pods[1], ns);
    }

    private static V1PodDisruptionBudget MinAvailable(string ns, string name, string app, string min) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
        Spec = new V1PodDisruptionBudgetSpec
        {
            MinAvailable = (IntOrString)min,
            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = app } },
        },
    };

    [Fact]
    public async Task A_pending_pod_is_evicted_without_looking_at_its_budget()
    {
        var ns = await cluster.NewNamespaceAsync("evict");
        var pods = cluster.Client.For<V1Pod>();
        await pods.CreateAsync(Workloads.Pod(ns, "waiting", "job"));
        await cluster.Client.For<V1PodDisruptionBudget>().CreateAsync(MinAvailable(ns, "job", "job", "1"));
        using var client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(cluster.KubeconfigPath));
        await client.CreateNamespacedPodEvictionAsync(new V1Eviction { Metadata = new V1ObjectMeta { Name = "waiting", NamespaceProperty = ns } }, "waiting", ns);
        Assert.Empty((await pods.ListAsync(ns)).Items);
    }

    [Fact]
    public async Task A_running_pod_selected_by_two_budgets_cannot_be_evicted()
    {
        var ns = await cluster.NewNamespaceAsync("evict");
        await using var kubelet = KubeletStandIn.Start(cluster.Client, ns);
        var pods = cluster.Client.For<V1Pod>();
        await pods.CreateAsync(Workloads.Pod(ns, "web-0", "web"));
        await Eventually.WaitAsync(async () => (await pods.GetAsync(ns, "web-0")).Status?.Phase == "Running", "pod running");
        await cluster.Client.For<V1PodDisruptionBudget>().CreateAsync(MinAvailable(ns, "a", "web", "0"));
        await cluster.Client.For<V1PodDisruptionBudget>().CreateAsync(MinAvailable(ns, "b", "web", "0"));
        using var client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(cluster.KubeconfigPath));
        // The API server reads budgets from its watch cache: wait until both are there (the error names neither).
        HttpOperationException? refused = null;
        await Eventually.WaitAsync(async () =>
        {
            try
            {
                await client.CreateNamespacedPodEvictionAsync(new V1Eviction { Metadata = new V1ObjectMeta { Name = "web-0", NamespaceProperty = ns } }, "web-0", ns,
                    dryRun: "All");
                return false;
            }
            catch (HttpOperationException e)
            {
                refused = e;
                return (int)e.Response.StatusCode == 500;
            }
        }, "500 for two budgets");
        Assert.Contains("This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.", refused!.Response.Content);
        Assert.Null((await pods.GetAsync(ns, "web-0")).Metadata.DeletionTimestamp);
    }
}
