using System.Text.RegularExpressions;
using k8s.Models;
using KubeSharp.Client.Rest;

namespace KubeSharp.ControllerManager.Tests.Controllers.ResourceQuota;

/// <summary>The resourcequota controller and the API server's quota admission together.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ResourceQuotaTests(ClusterFixture cluster)
{
    private ResourceClient<V1Pod> Pods => cluster.Client.For<V1Pod>();

    private ResourceClient<V1ResourceQuota> Quotas => cluster.Client.For<V1ResourceQuota>();

    /// <summary>The controller's work is asynchronous; on a loaded 2-core machine it can take a while.</summary>
    private static readonly TimeSpan StatusTimeout = TimeSpan.FromSeconds(60);

    private static Dictionary<string, ResourceQuantity> L(params (string Name, string Value)[] e) =>
        e.ToDictionary(x => x.Name, x => new ResourceQuantity(x.Value));

    private static V1Pod Pod(string ns, string name, Dictionary<string, ResourceQuantity>? requests = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
        Spec = new V1PodSpec
        {
            Containers = [new V1Container { Name = "c", Image = "busybox", Resources = requests == null ? null : new V1ResourceRequirements { Requests = requests } }],
        },
    };

    private async Task<V1ResourceQuota> CreateQuotaAsync(string ns, string name, Dictionary<string, ResourceQuantity> hard)
    {
        await Quotas.CreateAsync(new V1ResourceQuota
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
            Spec = new V1ResourceQuotaSpec { Hard = hard },
        });
        return await WaitForUsedAsync(ns, name, _ => true, "status.hard to mirror spec.hard");
    }

    /// <summary>Waits until the controller has written status.hard (= spec.hard) and status.used satisfies <paramref name="condition"/>.</summary>
    private async Task<V1ResourceQuota> WaitForUsedAsync(string ns, string name, Func<IDictionary<string, ResourceQuantity>, bool> condition, string what)
    {
        V1ResourceQuota? quota = null;
        await Eventually.WaitAsync(async () =>
        {
            quota = await Quotas.GetAsync(ns, name);
            var status = quota.Status;
            return status?.Hard != null && status.Used != null && status.Hard.Count == quota.Spec.Hard.Count
                && status.Hard.Keys.All(status.Used.ContainsKey) && condition(status.Used);
        }, what, StatusTimeout);
        return quota!;
    }

    private static bool Used(IDictionary<string, ResourceQuantity> used, string name, string value) =>
        used.TryGetValue(name, out var q) && q.ToString() == value;

    private static async Task<string> ForbiddenAsync(Func<Task> call)
    {
        var e = await Assert.ThrowsAsync<KubeApiException>(call);
        Assert.Equal(403, e.Code);
        Assert.Equal("Forbidden", e.Reason);
        return e.Status.Message;
    }

    [Fact]
    public async Task Controller_computes_status_from_the_namespaces_objects()
    {
        var ns = await cluster.NewNamespaceAsync("quota-status");
        await Pods.CreateAsync(Pod(ns, "a", L(("cpu", "250m"), ("memory", "64Mi"))));
        await Pods.CreateAsync(Pod(ns, "b", L(("cpu", "500m"))));
        await cluster.Client.For<V1ConfigMap>().CreateAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "cm", NamespaceProperty = ns } });

        var quota = await CreateQuotaAsync(ns, "q", L(("pods", "10"), ("requests.cpu", "4"), ("requests.memory", "1Gi"),
            ("configmaps", "20"), ("count/deployments.apps", "3"), ("services.loadbalancers", "1")));

        var used = quota.Status.Used;
        Assert.Equal("2", used["pods"].ToString());
        Assert.Equal("750m", used["requests.cpu"].ToString());
        Assert.Equal("64Mi", used["requests.memory"].ToString());
        // Other controllers may add configmaps of their own to a namespace: compare with what is there now.
        Assert.True(used["configmaps"].ToDecimal() >= 1);
        await Eventually.WaitAsync(async () =>
            (await Quotas.GetAsync(ns, "q")).Status.Used["configmaps"].ToDecimal() == (await cluster.Client.For<V1ConfigMap>().ListAsync(ns)).Items.Count,
            "configmaps used to equal the configmaps in the namespace", StatusTimeout);
        Assert.Equal("0", used["count/deployments.apps"].ToString());
        Assert.Equal("0", used["services.loadbalancers"].ToString());
        Assert.Equal(quota.Spec.Hard.Keys.Order(), quota.Status.Hard.Keys.Order());

        // A new spec.hard is picked up and recalculated.
        quota.Spec.Hard["count/pods"] = new ResourceQuantity("5");
        await Quotas.UpdateAsync(quota);
        await WaitForUsedAsync(ns, "q", u => Used(u, "count/pods", "2"), "count/pods to be measured");
    }

    [Fact]
    public async Task Third_pod_beyond_pods_2_is_forbidden_with_upstreams_message()
    {
        var ns = await cluster.NewNamespaceAsync("quota-pods");
        await CreateQuotaAsync(ns, "q", L(("pods", "2")));
        await Pods.CreateAsync(Pod(ns, "p1"));
        await Pods.CreateAsync(Pod(ns, "p2"));

        var message = await ForbiddenAsync(() => Pods.CreateAsync(Pod(ns, "p3")));

        Assert.Equal("pods \"p3\" is forbidden: exceeded quota: q, requested: pods=1, used: pods=2, limited: pods=2", message);
        Assert.Equal(2, (await Pods.ListAsync(ns)).Items.Count);
    }

    [Fact]
    public async Task Twenty_concurrent_creates_against_pods_5_admit_exactly_5()
    {
        var ns = await cluster.NewNamespaceAsync("quota-race");
        await CreateQuotaAsync(ns, "q", L(("pods", "5")));
        using var start = new ManualResetEventSlim(false);

        var attempts = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            start.Wait();
            try
            {
                await Pods.CreateAsync(Pod(ns, $"p{i}"));
                return "created";
            }
            catch (KubeApiException e) when (e.Code == 403)
            {
                return e.Status.Message;
            }
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(attempts);

        Assert.Equal(5, results.Count(r => r == "created"));
        Assert.All(results.Where(r => r != "created"), m => Assert.Matches(
            "^pods \"p\\d+\" is forbidden: exceeded quota: q, requested: pods=1, used: pods=5, limited: pods=5$", m));
        Assert.Equal(5, (await Pods.ListAsync(ns)).Items.Count);
        Assert.Equal("5", (await Quotas.GetAsync(ns, "q")).Status.Used["pods"].ToString());
    }

    [Fact]
    public async Task Deleting_a_pod_frees_its_usage_so_a_new_create_succeeds()
    {
        var ns = await cluster.NewNamespaceAsync("quota-free");
        await CreateQuotaAsync(ns, "q", L(("pods", "1")));
        await Pods.CreateAsync(Pod(ns, "first"));
        await ForbiddenAsync(() => Pods.CreateAsync(Pod(ns, "second")));

        await Pods.DeleteAsync(ns, "first");
        await WaitForUsedAsync(ns, "q", u => Used(u, "pods", "0"), "the controller to return the deleted pod's usage");

        await Pods.CreateAsync(Pod(ns, "second"));
        Assert.Equal("1", (await Quotas.GetAsync(ns, "q")).Status.Used["pods"].ToString());
    }

    [Fact]
    public async Task Finished_pods_stop_counting()
    {
        var ns = await cluster.NewNamespaceAsync("quota-done");
        await CreateQuotaAsync(ns, "q", L(("pods", "1"), ("count/pods", "5")));
        var pod = await Pods.CreateAsync(Pod(ns, "job"));
        await ForbiddenAsync(() => Pods.CreateAsync(Pod(ns, "next")));

        pod.Status.Phase = "Succeeded";
        await Pods.UpdateStatusAsync(pod);
        // pods tracks live pods; count/pods every stored pod.
        await WaitForUsedAsync(ns, "q", u => Used(u, "pods", "0") && Used(u, "count/pods", "1"), "a finished pod to stop counting as pods");

        await Pods.CreateAsync(Pod(ns, "next"));
    }

    [Fact]
    public async Task Cpu_and_memory_quotas_require_requests_on_every_container()
    {
        var ns = await cluster.NewNamespaceAsync("quota-compute");
        await CreateQuotaAsync(ns, "compute", L(("requests.cpu", "1"), ("requests.memory", "1Gi")));

        var message = await ForbiddenAsync(() => Pods.CreateAsync(Pod(ns, "bare")));
        Assert.Equal("pods \"bare\" is forbidden: failed quota: compute: must specify requests.cpu for: c; requests.memory for: c", message);

        await Pods.CreateAsync(Pod(ns, "sized", L(("cpu", "500m"), ("memory", "512Mi"))));
        message = await ForbiddenAsync(() => Pods.CreateAsync(Pod(ns, "big", L(("cpu", "600m"), ("memory", "128Mi")))));
        Assert.Equal("pods \"big\" is forbidden: exceeded quota: compute, requested: requests.cpu=600m, used: requests.cpu=500m, limited: requests.cpu=1", message);
    }

    [Fact]
    public async Task Kubectl_create_quota_and_describe_show_used_and_hard()
    {
        var ns = await cluster.NewNamespaceAsync("quota-kubectl");
        await Pods.CreateAsync(Pod(ns, "p"));

        var created = await cluster.Kubectl.OkAsync("create", "quota", "q", "--hard=pods=3,count/secrets=4", "-n", ns);
        Assert.Equal("resourcequota/q created", created.Trim());
        await WaitForUsedAsync(ns, "q", u => Used(u, "pods", "1"), "the controller to measure the kubectl-created quota");

        var described = await cluster.Kubectl.OkAsync("describe", "quota", "q", "-n", ns);
        Assert.Matches(Row("pods", "1", "3"), described);
        Assert.Matches(Row("count/secrets", "0", "4"), described);
        Assert.Matches(new Regex(@"^Resource\s+Used\s+Hard\s*$", RegexOptions.Multiline), described);

        var table = await cluster.Kubectl.OkAsync("get", "quota", "q", "-n", ns);
        Assert.Contains("count/secrets: 0/4, pods: 1/3", table);
    }

    private static Regex Row(string resource, string used, string hard) =>
        new($@"^{Regex.Escape(resource)}\s+{used}\s+{hard}\s*$", RegexOptions.Multiline);
}
