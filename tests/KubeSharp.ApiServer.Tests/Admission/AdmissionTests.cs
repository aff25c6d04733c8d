using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using KubeSharp.ApiServer.Tests.Infrastructure;

namespace KubeSharp.ApiServer.Tests.Admission;

/// <summary>LimitRanger and ResourceQuota admission through the real API server (no controller manager: where a
/// quota must be enforced, the test writes its status.hard/used as the resourcequota controller would).</summary>
public sealed class AdmissionTests(ApiServerFixture f) : IClassFixture<ApiServerFixture>
{
    private static Dictionary<string, ResourceQuantity> L(params (string Name, string Value)[] e) =>
        e.ToDictionary(x => x.Name, x => new ResourceQuantity(x.Value));

    private static V1Pod Pod(string name, Dictionary<string, ResourceQuantity>? requests = null, Dictionary<string, ResourceQuantity>? limits = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Spec = new V1PodSpec
        {
            Containers = [new V1Container { Name = "c", Image = "busybox", Resources = new V1ResourceRequirements { Requests = requests, Limits = limits } }],
        },
    };

    private static async Task<string> ForbiddenAsync(Func<Task> call)
    {
        var e = await Assert.ThrowsAsync<HttpOperationException>(call);
        Assert.Equal(HttpStatusCode.Forbidden, e.Response.StatusCode);
        var status = KubernetesJson.Deserialize<V1Status>(e.Response.Content);
        Assert.Equal("Forbidden", status.Reason);
        return status.Message;
    }

    /// <summary>A quota whose status says what the controller would: hard = spec.hard, used as given.</summary>
    private static async Task CreateQuotaAsync(Kubernetes client, string ns, string name, Dictionary<string, ResourceQuantity> hard,
        Dictionary<string, ResourceQuantity> used)
    {
        var quota = await client.CoreV1.CreateNamespacedResourceQuotaAsync(
            new V1ResourceQuota { Metadata = new V1ObjectMeta { Name = name }, Spec = new V1ResourceQuotaSpec { Hard = hard } }, ns);
        quota.Status = new V1ResourceQuotaStatus { Hard = hard, Used = used };
        await client.CoreV1.ReplaceNamespacedResourceQuotaStatusAsync(quota, name, ns);
    }

    [Fact]
    public async Task LimitRange_defaults_appear_on_created_pods_and_out_of_range_limits_are_forbidden()
    {
        using var client = f.Client();
        var ns = await f.NewNamespaceAsync("limits");
        await client.CoreV1.CreateNamespacedLimitRangeAsync(new V1LimitRange
        {
            Metadata = new V1ObjectMeta { Name = "limits" },
            Spec = new V1LimitRangeSpec
            {
                Limits = [new V1LimitRangeItem { Type = "Container", Max = L(("cpu", "1")), DefaultProperty = L(("cpu", "500m"), ("memory", "128Mi")) }],
            },
        }, ns);

        var created = await client.CoreV1.CreateNamespacedPodAsync(Pod("plain"), ns);
        var resources = created.Spec.Containers[0].Resources;
        Assert.Equal("500m", resources.Limits["cpu"].ToString());
        Assert.Equal("128Mi", resources.Limits["memory"].ToString());
        // The LimitRange's own defaulting made defaultRequest = default.
        Assert.Equal("500m", resources.Requests["cpu"].ToString());
        Assert.Equal("LimitRanger plugin set: cpu, memory request for container c; cpu, memory limit for container c",
            created.Metadata.Annotations["kubernetes.io/limit-ranger"]);
        Assert.Equal("Guaranteed", created.Status.QosClass);

        // A limit alone: the request defaults to it (pod defaulting runs before LimitRanger), so no cpu note.
        var limited = await client.CoreV1.CreateNamespacedPodAsync(Pod("limited", limits: L(("cpu", "800m"))), ns);
        Assert.Equal("800m", limited.Spec.Containers[0].Resources.Requests["cpu"].ToString());
        Assert.Equal("LimitRanger plugin set: memory request for container c; memory limit for container c",
            limited.Metadata.Annotations["kubernetes.io/limit-ranger"]);

        var message = await ForbiddenAsync(() => client.CoreV1.CreateNamespacedPodAsync(Pod("big", limits: L(("cpu", "2"))), ns));
        Assert.Equal("pods \"big\" is forbidden: maximum cpu usage per Container is 1, but limit is 2", message);
        await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.ReadNamespacedPodAsync("big", ns));
    }

    [Fact]
    public async Task LimitRange_bounds_claim_storage_on_create_and_update()
    {
        using var client = f.Client();
        var ns = await f.NewNamespaceAsync("pvc-limits");
        await client.CoreV1.CreateNamespacedLimitRangeAsync(new V1LimitRange
        {
            Metadata = new V1ObjectMeta { Name = "storage" },
            Spec = new V1LimitRangeSpec { Limits = [new V1LimitRangeItem { Type = "PersistentVolumeClaim", Min = L(("storage", "1Gi")), Max = L(("storage", "2Gi")) }] },
        }, ns);
        V1PersistentVolumeClaim Claim(string name, string size) => new()
        {
            Metadata = new V1ObjectMeta { Name = name },
            Spec = new V1PersistentVolumeClaimSpec
            {
                AccessModes = ["ReadWriteOnce"],
                Resources = new V1VolumeResourceRequirements { Requests = L(("storage", size)) },
            },
        };

        var message = await ForbiddenAsync(() => client.CoreV1.CreateNamespacedPersistentVolumeClaimAsync(Claim("huge", "5Gi"), ns));
        Assert.Equal("persistentvolumeclaims \"huge\" is forbidden: maximum storage usage per PersistentVolumeClaim is 2Gi, but request is 5Gi", message);
        message = await ForbiddenAsync(() => client.CoreV1.CreateNamespacedPersistentVolumeClaimAsync(Claim("tiny", "100Mi"), ns));
        Assert.Equal("persistentvolumeclaims \"tiny\" is forbidden: minimum storage usage per PersistentVolumeClaim is 1Gi, but request is 100Mi", message);
        await client.CoreV1.CreateNamespacedPersistentVolumeClaimAsync(Claim("ok", "1Gi"), ns);
    }

    [Fact]
    public async Task Quota_rejects_the_pod_beyond_hard_with_upstreams_message_and_charges_status_used()
    {
        using var client = f.Client();
        var ns = await f.NewNamespaceAsync("quota-pods");
        await CreateQuotaAsync(client, ns, "q", L(("pods", "2")), L(("pods", "0")));

        await client.CoreV1.CreateNamespacedPodAsync(Pod("p1"), ns);
        await client.CoreV1.CreateNamespacedPodAsync(Pod("p2"), ns);
        var message = await ForbiddenAsync(() => client.CoreV1.CreateNamespacedPodAsync(Pod("p3"), ns));

        Assert.Equal("pods \"p3\" is forbidden: exceeded quota: q, requested: pods=1, used: pods=2, limited: pods=2", message);
        var quota = await client.CoreV1.ReadNamespacedResourceQuotaAsync("q", ns);
        Assert.Equal("2", quota.Status.Used["pods"].ToString());
    }

    [Fact]
    public async Task Quota_is_enforced_only_once_status_hard_is_set()
    {
        using var client = f.Client();
        var ns = await f.NewNamespaceAsync("quota-unsynced");
        await client.CoreV1.CreateNamespacedResourceQuotaAsync(
            new V1ResourceQuota { Metadata = new V1ObjectMeta { Name = "q" }, Spec = new V1ResourceQuotaSpec { Hard = L(("configmaps", "0")) } }, ns);

        // As upstream: the controller has not acknowledged spec.hard yet, so nothing is enforced.
        await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "before" } }, ns);

        var quota = await client.CoreV1.ReadNamespacedResourceQuotaAsync("q", ns);
        quota.Status = new V1ResourceQuotaStatus { Hard = L(("configmaps", "1")) };
        await client.CoreV1.ReplaceNamespacedResourceQuotaStatusAsync(quota, "q", ns);
        var message = await ForbiddenAsync(() => client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "after" } }, ns));
        Assert.Equal("configmaps \"after\" is forbidden: status unknown for quota: q, resources: configmaps", message);
    }

    [Fact]
    public async Task Dry_run_and_failed_creates_do_not_keep_a_charge()
    {
        using var client = f.Client();
        var ns = await f.NewNamespaceAsync("quota-dry");
        await CreateQuotaAsync(client, ns, "q", L(("count/configmaps", "5")), L(("count/configmaps", "0")));
        V1ConfigMap Cm(string name) => new() { Metadata = new V1ObjectMeta { Name = name } };

        await client.CoreV1.CreateNamespacedConfigMapAsync(Cm("a"), ns, dryRun: "All");
        await client.CoreV1.CreateNamespacedConfigMapAsync(Cm("a"), ns);
        var e = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.CreateNamespacedConfigMapAsync(Cm("a"), ns));
        Assert.Equal(HttpStatusCode.Conflict, e.Response.StatusCode);

        var quota = await client.CoreV1.ReadNamespacedResourceQuotaAsync("q", ns);
        Assert.Equal("1", quota.Status.Used["count/configmaps"].ToString());
    }

    [Fact]
    public async Task Compute_quota_requires_each_container_to_state_the_resource()
    {
        using var client = f.Client();
        var ns = await f.NewNamespaceAsync("quota-compute");
        await CreateQuotaAsync(client, ns, "compute", L(("requests.cpu", "1"), ("limits.memory", "1Gi")), L(("requests.cpu", "0"), ("limits.memory", "0")));

        var message = await ForbiddenAsync(() => client.CoreV1.CreateNamespacedPodAsync(Pod("bare"), ns));
        Assert.Equal("pods \"bare\" is forbidden: failed quota: compute: must specify limits.memory for: c; requests.cpu for: c", message);

        await client.CoreV1.CreateNamespacedPodAsync(Pod("sized", L(("cpu", "600m")), L(("memory", "512Mi"))), ns);
        message = await ForbiddenAsync(() => client.CoreV1.CreateNamespacedPodAsync(Pod("more", L(("cpu", "600m")), L(("memory", "256Mi"))), ns));
        Assert.Equal("pods \"more\" is forbidden: exceeded quota: compute, requested: requests.cpu=600m, used: requests.cpu=600m, limited: requests.cpu=1", message);
        var quota = await client.CoreV1.ReadNamespacedResourceQuotaAsync("compute", ns);
        Assert.Equal("512Mi", quota.Status.Used["limits.memory"].ToString());
    }

    [Fact]
    public async Task Service_type_change_to_NodePort_is_charged_against_services_nodeports()
    {
        using var client = f.Client();
        var ns = await f.NewNamespaceAsync("quota-svc");
        await CreateQuotaAsync(client, ns, "q", L(("services.nodeports", "1")), L(("services.nodeports", "0")));
        var svc = await client.CoreV1.CreateNamespacedServiceAsync(new V1Service
        {
            Metadata = new V1ObjectMeta { Name = "web" },
            Spec = new V1ServiceSpec
            {
                Selector = new Dictionary<string, string> { ["app"] = "web" },
                Ports = [new V1ServicePort { Name = "http", Port = 80 }, new V1ServicePort { Name = "https", Port = 443 }],
            },
        }, ns);

        svc.Spec.Type = "NodePort";
        var message = await ForbiddenAsync(() => client.CoreV1.ReplaceNamespacedServiceAsync(svc, "web", ns));
        Assert.Equal("services \"web\" is forbidden: exceeded quota: q, requested: services.nodeports=2, used: services.nodeports=0, limited: services.nodeports=1", message);
    }
    [Fact]
    public async Task LimitRange_defaults_satisfy_a_compute_quota()
    {
        using var client = f.Client();
        var ns = await f.NewNamespaceAsync("quota-defaults");
        await client.CoreV1.CreateNamespacedLimitRangeAsync(new V1LimitRange
        {
            Metadata = new V1ObjectMeta { Name = "defaults" },
            Spec = new V1LimitRangeSpec { Limits = [new V1LimitRangeItem { Type = "Container", DefaultRequest = L(("cpu", "300m")), DefaultProperty = L(("cpu", "400m")) }] },
        }, ns);
        await CreateQuotaAsync(client, ns, "compute", L(("requests.cpu", "1"), ("limits.cpu", "1")), L(("requests.cpu", "0"), ("limits.cpu", "0")));

        // LimitRanger (mutating) runs before ResourceQuota (validating): the defaults are what quota charges.
        await client.CoreV1.CreateNamespacedPodAsync(Pod("a"), ns);
        await client.CoreV1.CreateNamespacedPodAsync(Pod("b"), ns);
        var message = await ForbiddenAsync(() => client.CoreV1.CreateNamespacedPodAsync(Pod("c"), ns));
        Assert.Equal("pods \"c\" is forbidden: exceeded quota: compute, requested: limits.cpu=400m, used: limits.cpu=800m, limited: limits.cpu=1", message);
        var quota = await client.CoreV1.ReadNamespacedResourceQuotaAsync("compute", ns);
        Assert.Equal("600m", quota.Status.Used["requests.cpu"].ToString());
    }

    [Fact]
    public async Task Scoped_quota_limits_only_the_pods_in_its_scope()
    {
        using var client = f.Client();
        var ns = await f.NewNamespaceAsync("quota-scope");
        var quota = await client.CoreV1.CreateNamespacedResourceQuotaAsync(new V1ResourceQuota
        {
            Metadata = new V1ObjectMeta { Name = "besteffort" },
            Spec = new V1ResourceQuotaSpec { Hard = L(("pods", "1")), Scopes = ["BestEffort"] },
        }, ns);
        quota.Status = new V1ResourceQuotaStatus { Hard = L(("pods", "1")), Used = L(("pods", "0")) };
        await client.CoreV1.ReplaceNamespacedResourceQuotaStatusAsync(quota, "besteffort", ns);

        await client.CoreV1.CreateNamespacedPodAsync(Pod("free1"), ns);
        var message = await ForbiddenAsync(() => client.CoreV1.CreateNamespacedPodAsync(Pod("free2"), ns));
        Assert.Equal("pods \"free2\" is forbidden: exceeded quota: besteffort, requested: pods=1, used: pods=1, limited: pods=1", message);
        // A pod with requests is not BestEffort: outside the quota's scope, and not charged to it.
        await client.CoreV1.CreateNamespacedPodAsync(Pod("sized", L(("cpu", "100m"))), ns);
        Assert.Equal("1", (await client.CoreV1.ReadNamespacedResourceQuotaAsync("besteffort", ns)).Status.Used["pods"].ToString());
    }
}
