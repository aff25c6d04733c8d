using k8s.Models;
using KubeSharp.Client.Rest;

namespace KubeSharp.ControllerManager.Tests.Controllers.Endpoints;

[Collection(ClusterCollection.Name)]
public sealed class EndpointsTests(ClusterFixture cluster)
{
    private readonly FakeKubelet _kubelet = new(cluster.Client);

    [Fact]
    public async Task Endpoints_group_ready_and_not_ready_addresses_by_the_ports_each_pod_resolves()
    {
        var ns = await cluster.NewNamespaceAsync("ep");
        await cluster.Client.For<V1Service>().CreateAsync(FakeKubelet.Service(ns, "web", "web",
            FakeKubelet.Port("http", 80, "web"), FakeKubelet.Port("metrics", 9090, "9090")));
        var p1 = await _kubelet.RunAsync(FakeKubelet.Pod(ns, "p1", "web", "node-a", ("web", 8080)), "10.1.0.1", ready: true);
        var p2 = await _kubelet.RunAsync(FakeKubelet.Pod(ns, "p2", "web", "node-b", ("web", 8081)), "10.1.0.2", ready: false);
        // No port named "web": p3 serves only the numeric metrics port.
        var p3 = await _kubelet.RunAsync(FakeKubelet.Pod(ns, "p3", "web", "node-a", ("other", 7000)), "10.1.0.3", ready: true);
        // Not selected by the Service.
        await _kubelet.RunAsync(FakeKubelet.Pod(ns, "stranger", "db", "node-a", ("web", 8080)), "10.1.0.9", ready: true);

        // Three subsets exist as soon as p1 and p2 are in; p3 (metrics port only) may land in a later sync.
        var ep = await WaitForEndpointsAsync(ns, "web", e => e.Subsets?.Count == 3 &&
            e.Subsets.Any(s => s.Ports?.Any(p => p.Port == 9090) == true && s.Addresses?.Count == 2));

        var http8080 = Assert.Single(ep.Subsets, s => s.Ports?.Any(p => p.Port == 8080) == true);
        Assert.Equal(["10.1.0.1"], http8080.Addresses.Select(a => a.Ip));
        Assert.Null(http8080.NotReadyAddresses);
        var port = Assert.Single(http8080.Ports);
        Assert.Equal(("http", "TCP"), (port.Name, port.Protocol));
        var address = http8080.Addresses[0];
        Assert.Equal("node-a", address.NodeName);
        Assert.Equal(("Pod", ns, "p1", p1.Metadata.Uid), (address.TargetRef.Kind, address.TargetRef.NamespaceProperty, address.TargetRef.Name, address.TargetRef.Uid));

        var http8081 = Assert.Single(ep.Subsets, s => s.Ports?.Any(p => p.Port == 8081) == true);
        Assert.Null(http8081.Addresses);
        Assert.Equal(["10.1.0.2"], http8081.NotReadyAddresses.Select(a => a.Ip));
        Assert.Equal(p2.Metadata.Uid, http8081.NotReadyAddresses[0].TargetRef.Uid);

        var metrics = Assert.Single(ep.Subsets, s => s.Ports?.Any(p => p.Port == 9090) == true);
        Assert.Equal("metrics", Assert.Single(metrics.Ports).Name);
        Assert.Equal(["10.1.0.1", "10.1.0.3"], metrics.Addresses.Select(a => a.Ip));
        Assert.Equal(p3.Metadata.Uid, metrics.Addresses[1].TargetRef.Uid);
        Assert.Equal(["10.1.0.2"], metrics.NotReadyAddresses.Select(a => a.Ip));

        Assert.Equal("blue", ep.Metadata.Labels["team"]);
        // Headless means "no cluster IP" (IsServiceIPSet); the API server may or may not allocate one for this Service.
        var clusterIp = (await cluster.Client.For<V1Service>().GetAsync(ns, "web")).Spec.ClusterIP;
        Assert.Equal(string.IsNullOrEmpty(clusterIp) || clusterIp == "None", ep.Metadata.Labels.ContainsKey("service.kubernetes.io/headless"));
        Assert.True(DateTime.TryParse(ep.Metadata.Annotations["endpoints.kubernetes.io/last-change-trigger-time"], out _));
    }

    [Fact]
    public async Task Readiness_changes_move_the_address_and_deleted_or_terminating_pods_leave()
    {
        var ns = await cluster.NewNamespaceAsync("ep-flip");
        await cluster.Client.For<V1Service>().CreateAsync(FakeKubelet.Service(ns, "api", "api", FakeKubelet.Port("", 80, "8080")));
        await _kubelet.RunAsync(FakeKubelet.Pod(ns, "a", "api", "node-a"), "10.2.0.1", ready: false);
        await _kubelet.RunAsync(FakeKubelet.Pod(ns, "b", "api", "node-a"), "10.2.0.2", ready: true);
        await WaitForEndpointsAsync(ns, "api", e => Ips(e, ready: true) == "10.2.0.2" && Ips(e, ready: false) == "10.2.0.1");

        await _kubelet.SetStatusAsync(ns, "a", "10.2.0.1", ready: true);
        await WaitForEndpointsAsync(ns, "api", e => Ips(e, ready: true) == "10.2.0.1,10.2.0.2" && Ips(e, ready: false) == "");

        await cluster.Client.For<V1Pod>().DeleteAsync(ns, "a", new V1DeleteOptions { GracePeriodSeconds = 0 });
        await WaitForEndpointsAsync(ns, "api", e => Ips(e, ready: true) == "10.2.0.2" && Ips(e, ready: false) == "");

        // A bound pod deleted gracefully stays (Terminating) until its kubelet confirms; it must leave at once.
        await cluster.Client.For<V1Pod>().DeleteAsync(ns, "b");
        Assert.NotNull((await cluster.Client.For<V1Pod>().GetAsync(ns, "b")).Metadata.DeletionTimestamp);
        var empty = await WaitForEndpointsAsync(ns, "api", e => Ips(e, ready: true) == "" && Ips(e, ready: false) == "");
        Assert.True(empty.Subsets == null || empty.Subsets.Count == 0);
    }

    [Fact]
    public async Task Headless_services_publish_hostnames_and_not_ready_addresses_when_asked()
    {
        var ns = await cluster.NewNamespaceAsync("ep-headless");
        var svc = FakeKubelet.Service(ns, "db", "db");
        svc.Spec.ClusterIP = "None";
        svc.Spec.PublishNotReadyAddresses = true;
        await cluster.Client.For<V1Service>().CreateAsync(svc);
        var pod = FakeKubelet.Pod(ns, "db-0", "db", "node-a");
        pod.Spec.Hostname = "db-0";
        pod.Spec.Subdomain = "db";
        await _kubelet.RunAsync(pod, "10.3.0.1", ready: false);

        var ep = await WaitForEndpointsAsync(ns, "db", e => Ips(e, ready: true) == "10.3.0.1");
        var subset = Assert.Single(ep.Subsets);
        Assert.Null(subset.Ports);
        Assert.Equal("db-0", subset.Addresses[0].Hostname);
        Assert.Equal("", ep.Metadata.Labels["service.kubernetes.io/headless"]);
    }

    [Fact]
    public async Task Selectorless_services_are_left_to_their_users_and_endpoints_go_with_their_service()
    {
        var ns = await cluster.NewNamespaceAsync("ep-manual");
        var services = cluster.Client.For<V1Service>();
        var endpoints = cluster.Client.For<V1Endpoints>();
        await services.CreateAsync(FakeKubelet.Service(ns, "external", null, FakeKubelet.Port("", 80, "80")));
        var manual = await endpoints.CreateAsync(new V1Endpoints
        {
            Metadata = new V1ObjectMeta { Name = "external", NamespaceProperty = ns },
            Subsets = [new V1EndpointSubset { Addresses = [new V1EndpointAddress { Ip = "192.0.2.10" }], Ports = [new Corev1EndpointPort { Port = 80 }] }],
        });
        await services.CreateAsync(FakeKubelet.Service(ns, "empty-manual", null, FakeKubelet.Port("", 80, "80")));
        // A Service with a selector in the same namespace, synced after the others: proof the controller ran here.
        await services.CreateAsync(FakeKubelet.Service(ns, "marker", "none", FakeKubelet.Port("", 80, "80")));
        await WaitForEndpointsAsync(ns, "marker", _ => true);

        var after = await endpoints.GetAsync(ns, "external");
        Assert.Equal(manual.Metadata.ResourceVersion, after.Metadata.ResourceVersion);
        Assert.Equal("192.0.2.10", after.Subsets[0].Addresses[0].Ip);
        var listed = (await endpoints.ListAsync(ns)).Items.Select(e => e.Metadata.Name).Order();
        Assert.Equal(["external", "marker"], listed);

        await services.DeleteAsync(ns, "marker");
        await Eventually.WaitAsync(async () => !(await endpoints.ListAsync(ns)).Items.Any(e => e.Metadata.Name == "marker"), "marker Endpoints deleted");
    }

    private async Task<V1Endpoints> WaitForEndpointsAsync(string ns, string name, Func<V1Endpoints, bool> condition)
    {
        V1Endpoints? last = null;
        try
        {
            await Eventually.WaitAsync(async () =>
            {
                try
                {
                    last = await cluster.Client.For<V1Endpoints>().GetAsync(ns, name);
                }
                catch (KubeApiException e) when (ApiErrors.IsNotFound(e))
                {
                    return false;
                }
                return condition(last);
            }, $"Endpoints {ns}/{name}");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}; last seen: {(last == null ? "none" : System.Text.Json.JsonSerializer.Serialize(last.Subsets))}");
        }
        return last!;
    }

    private static string Ips(V1Endpoints e, bool ready) =>
        string.Join(",", (e.Subsets ?? []).SelectMany(s => (ready ? s.Addresses : s.NotReadyAddresses) ?? []).Select(a => a.Ip).Distinct().Order());
}
