using k8s.Models;
using KubeSharp.ApiMachinery.Quota;
using KubeSharp.ApiMachinery.Resources;

namespace KubeSharp.ApiMachinery.Tests.Quota;

public sealed class QuotaMatchingTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static IQuotaEvaluator For(string resource, string group = "") => QuotaEvaluators.For(ResourceTable.Find(group, resource)!)!;

    private static V1ResourceQuota Quota(Dictionary<string, string> hard, params string[] scopes) => new()
    {
        Metadata = new V1ObjectMeta { Name = "q", NamespaceProperty = "ns" },
        Spec = new V1ResourceQuotaSpec
        {
            Hard = hard.ToDictionary(e => e.Key, e => new ResourceQuantity(e.Value)),
            Scopes = scopes.Length > 0 ? scopes : null,
        },
    };

    [Fact]
    public void Usage_of_a_quota_lists_every_tracked_name_and_skips_pods_outside_its_scope()
    {
        var quota = Quota(new() { ["pods"] = "10", ["requests.cpu"] = "4", ["secrets"] = "3" }, "NotBestEffort");
        var bestEffort = PodEvaluatorTests.Pod(PodEvaluatorTests.Container("a"));
        var burstable = PodEvaluatorTests.Pod(PodEvaluatorTests.Container("a", "250m"));
        var finished = PodEvaluatorTests.Pod(PodEvaluatorTests.Container("a", "1"));
        finished.Status = new V1PodStatus { Phase = "Failed" };

        var used = QuotaMatching.Usage(quota, quota.Spec.Hard, For("pods"), [bestEffort, burstable, finished], Now);

        Assert.Equal(["pods", "requests.cpu"], used.Keys.Order().ToArray());
        Assert.Equal("1", used["pods"].ToString());
        Assert.Equal("250m", used["requests.cpu"].ToString());
    }

    [Fact]
    public void Unscoped_quota_counts_zero_when_nothing_is_there()
    {
        var quota = Quota(new() { ["configmaps"] = "2", ["count/configmaps"] = "2" });
        var used = QuotaMatching.Usage(quota, quota.Spec.Hard, For("configmaps"), [], Now);
        Assert.Equal("0", used["configmaps"].ToString());
        Assert.Equal("0", used["count/configmaps"].ToString());
    }

    [Fact]
    public void Scoped_quotas_never_match_objects_other_than_pods()
    {
        var quota = Quota(new() { ["services"] = "1", ["pods"] = "1" }, "BestEffort");
        var service = new V1Service { Metadata = new V1ObjectMeta { Name = "s" }, Spec = new V1ServiceSpec { Type = "ClusterIP" } };
        Assert.False(QuotaMatching.Matches(quota, quota.Spec.Hard, For("services"), service));
        Assert.True(QuotaMatching.Matches(quota, quota.Spec.Hard, For("pods"), PodEvaluatorTests.Pod(PodEvaluatorTests.Container("a"))));
    }

    [Fact]
    public void Services_count_node_ports_and_load_balancers_by_type()
    {
        var svc = new V1Service
        {
            Metadata = new V1ObjectMeta { Name = "s" },
            Spec = new V1ServiceSpec { Type = "LoadBalancer", Ports = [new V1ServicePort { Port = 80 }, new V1ServicePort { Port = 443 }] },
        };
        var usage = For("services").Usage(svc, Now);
        Assert.Equal("2", usage["services.nodeports"].ToString());
        Assert.Equal("1", usage["services.loadbalancers"].ToString());
        svc.Spec.Type = "ClusterIP";
        usage = For("services").Usage(svc, Now);
        Assert.Equal("0", usage["services.nodeports"].ToString());
        Assert.Equal("1", usage["services"].ToString());
    }

    [Fact]
    public void Claims_charge_storage_and_their_storage_class()
    {
        var pvc = new V1PersistentVolumeClaim
        {
            Metadata = new V1ObjectMeta { Name = "c" },
            Spec = new V1PersistentVolumeClaimSpec
            {
                StorageClassName = "fast",
                Resources = new V1VolumeResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { ["storage"] = new("5Gi") } },
            },
        };
        var evaluator = For("persistentvolumeclaims");
        var usage = evaluator.Usage(pvc, Now);
        Assert.Equal("5Gi", usage["requests.storage"].ToString());
        Assert.Equal("5Gi", usage["fast.storageclass.storage.k8s.io/requests.storage"].ToString());
        Assert.Equal("1", usage["fast.storageclass.storage.k8s.io/persistentvolumeclaims"].ToString());
        Assert.True(evaluator.Tracks("fast.storageclass.storage.k8s.io/requests.storage"));
    }

    [Fact]
    public void Other_resources_are_counted_by_group_qualified_name()
    {
        var deployments = For("deployments", "apps");
        Assert.True(deployments.Tracks("count/deployments.apps"));
        Assert.Equal(["count/deployments.apps"], deployments.Usage(new V1Deployment(), Now).Keys.ToArray());
        Assert.True(For("secrets").Tracks("secrets"));
        Assert.Null(QuotaEvaluators.For(ResourceTable.Find("", "events")!));
    }
}
