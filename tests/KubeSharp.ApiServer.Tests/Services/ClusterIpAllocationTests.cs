using k8s;
using k8s.Models;
using KubeSharp.ApiServer.Tests.Infrastructure;
using static KubeSharp.ApiServer.Tests.Services.ServiceSpecs;

namespace KubeSharp.ApiServer.Tests.Services;

/// <summary>Cluster IP allocation from the default 10.96.0.0/12 range through the real client. Explicit addresses
/// come from the static band (10.96.0.2-10.96.1.0), which dynamic allocation leaves alone while it can.</summary>
public sealed class ClusterIpAllocationTests(ApiServerFixture f) : IClassFixture<ApiServerFixture>
{
    [Fact]
    public async Task SequentialCreatesGetDistinctIpsInTheRangeWithDefaults()
    {
        using var client = f.Client();
        var ns = await f.NewNamespaceAsync("seq");
        var seen = new HashSet<string>();
        for (var i = 0; i < 10; i++)
        {
            var svc = await client.CoreV1.CreateNamespacedServiceAsync(ClusterIp($"s{i}"), ns);
            Assert.True(InRange(svc.Spec.ClusterIP, "10.96.0.0", 12), svc.Spec.ClusterIP);
            Assert.NotEqual("10.96.0.1", svc.Spec.ClusterIP);
            Assert.Equal([svc.Spec.ClusterIP], svc.Spec.ClusterIPs);
            Assert.True(seen.Add(svc.Spec.ClusterIP), $"{svc.Spec.ClusterIP} handed out twice");
        }

        var read = await client.CoreV1.ReadNamespacedServiceAsync("s0", ns);
        Assert.Equal("ClusterIP", read.Spec.Type);
        Assert.Equal("SingleStack", read.Spec.IpFamilyPolicy);
        Assert.Equal(["IPv4"], read.Spec.IpFamilies);
        Assert.Equal("None", read.Spec.SessionAffinity);
        Assert.Equal("Cluster", read.Spec.InternalTrafficPolicy);
        Assert.Null(read.Spec.ExternalTrafficPolicy);
        Assert.Equal("TCP", read.Spec.Ports[0].Protocol);
        Assert.Equal("80", read.Spec.Ports[0].TargetPort.Value);
        Assert.Null(read.Spec.Ports[0].NodePort);
    }

    [Fact]
    public async Task FiftyConcurrentCreatesGetFiftyDistinctIps()
    {
        using var client = f.Client();
        var ns = await f.NewNamespaceAsync("conc");
        var created = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => client.CoreV1.CreateNamespacedServiceAsync(ClusterIp($"c{i}"), ns)));
        Assert.Equal(50, created.Select(s => s.Spec.ClusterIP).Distinct().Count());
        var listed = await client.CoreV1.ListNamespacedServiceAsync(ns);
        Assert.Equal(50, listed.Items.Select(s => s.Spec.ClusterIP).Distinct().Count());
    }

    [Fact]
    public async Task ExplicitIpIsHonouredThenRefusedWhileTaken()
    {
        using var client = f.Client();
        var ns = await f.NewNamespaceAsync("explicit");
        var svc = await client.CoreV1.CreateNamespacedServiceAsync(ClusterIp("a", "10.96.0.50"), ns);
        Assert.Equal("10.96.0.50", svc.Spec.ClusterIP);
        Assert.Equal(["10.96.0.50"], svc.Spec.ClusterIPs);

        var taken = await InvalidAsync(() => client.CoreV1.CreateNamespacedServiceAsync(ClusterIp("b", "10.96.0.50"), ns));
        Assert.Equal("Service \"b\" is invalid: spec.clusterIPs: Invalid value: []string{\"10.96.0.50\"}: failed to allocate IP 10.96.0.50: provided IP is already allocated", taken);

        var outside = await InvalidAsync(() => client.CoreV1.CreateNamespacedServiceAsync(ClusterIp("c", "10.0.0.5"), ns));
        Assert.Equal("Service \"c\" is invalid: spec.clusterIPs: Invalid value: []string{\"10.0.0.5\"}: failed to allocate IP 10.0.0.5: provided IP is not in the valid range. The range of valid IPs is 10.96.0.0/12", outside);
        // The network address is not allocatable either.
        await InvalidAsync(() => client.CoreV1.CreateNamespacedServiceAsync(ClusterIp("d", "10.96.0.0"), ns));
    }

    [Fact]
    public async Task DeleteFreesTheIpForReuse()
    {
        using var client = f.Client();
        var ns = await f.NewNamespaceAsync("reuse");
        await client.CoreV1.CreateNamespacedServiceAsync(ClusterIp("a", "10.96.0.51"), ns);
        await InvalidAsync(() => client.CoreV1.CreateNamespacedServiceAsync(ClusterIp("b", "10.96.0.51"), ns));
        await client.CoreV1.DeleteNamespacedServiceAsync("a", ns);
        var b = await client.CoreV1.CreateNamespacedServiceAsync(ClusterIp("b", "10.96.0.51"), ns);
        Assert.Equal("10.96.0.51", b.Spec.ClusterIP);
    }

    [Fact]
    public async Task FailedCreatesLeaveNothingAllocated()
    {
        using var client = f.Client();
        var ns = await f.NewNamespaceAsync("noleak");
        await client.CoreV1.CreateNamespacedServiceAsync(ClusterIp("a", "10.96.0.52"), ns);
        // Same name: 409 after the IP was taken; the IP must come back.
        await FailsAsync(() => client.CoreV1.CreateNamespacedServiceAsync(ClusterIp("a", "10.96.0.53"), ns), System.Net.HttpStatusCode.Conflict);
        // A node port conflict after the cluster IP was taken: 422, and the IP must come back.
        await client.CoreV1.CreateNamespacedServiceAsync(NodePort("np", 30011), ns);
        var conflict = NodePort("np2", 30011);
        conflict.Spec.ClusterIP = "10.96.0.54";
        await InvalidAsync(() => client.CoreV1.CreateNamespacedServiceAsync(conflict, ns));
        // Dry run takes nothing.
        await client.CoreV1.CreateNamespacedServiceAsync(ClusterIp("dry", "10.96.0.55"), ns, dryRun: "All");

        foreach (var (name, ip) in new[] { ("x", "10.96.0.53"), ("y", "10.96.0.54"), ("z", "10.96.0.55") })
        {
            var svc = await client.CoreV1.CreateNamespacedServiceAsync(ClusterIp(name, ip), ns);
            Assert.Equal(ip, svc.Spec.ClusterIP);
        }
        // Dry run still reports a taken address.
        await InvalidAsync(() => client.CoreV1.CreateNamespacedServiceAsync(ClusterIp("dry2", "10.96.0.55"), ns, dryRun: "All"));
    }

    [Fact]
    public async Task AServiceHeldByAFinalizerKeepsItsIpUntilItIsGone()
    {
        using var client = f.Client();
        var ns = await f.NewNamespaceAsync("fin");
        var svc = ClusterIp("a", "10.96.0.56");
        svc.Metadata.Finalizers = ["example.com/hold"];
        await client.CoreV1.CreateNamespacedServiceAsync(svc, ns);
        await client.CoreV1.DeleteNamespacedServiceAsync("a", ns);
        await InvalidAsync(() => client.CoreV1.CreateNamespacedServiceAsync(ClusterIp("b", "10.96.0.56"), ns));

        var release = new V1Patch("{\"metadata\":{\"finalizers\":null}}", V1Patch.PatchType.MergePatch);
        await client.CoreV1.PatchNamespacedServiceAsync(release, "a", ns);
        var b = await client.CoreV1.CreateNamespacedServiceAsync(ClusterIp("b", "10.96.0.56"), ns);
        Assert.Equal("10.96.0.56", b.Spec.ClusterIP);
    }

    [Fact]
    public async Task HeadlessServicesGetNoIp()
    {
        using var client = f.Client();
        var ns = await f.NewNamespaceAsync("headless");
        var svc = await client.CoreV1.CreateNamespacedServiceAsync(ClusterIp("h", "None"), ns);
        Assert.Equal("None", svc.Spec.ClusterIP);
        Assert.Equal(["None"], svc.Spec.ClusterIPs);
        Assert.Equal("SingleStack", svc.Spec.IpFamilyPolicy);
        Assert.Equal(["IPv4"], svc.Spec.IpFamilies);

        // Headless without a selector: upstream makes it RequireDualStack with both families, even single-stack.
        var bare = ClusterIp("bare", "None");
        bare.Spec.Selector = null;
        var created = await client.CoreV1.CreateNamespacedServiceAsync(bare, ns);
        Assert.Equal("RequireDualStack", created.Spec.IpFamilyPolicy);
        Assert.Equal(["IPv4", "IPv6"], created.Spec.IpFamilies);

        var np = NodePort("hnp", [null]);
        np.Spec.ClusterIP = "None";
        var message = await InvalidAsync(() => client.CoreV1.CreateNamespacedServiceAsync(np, ns));
        Assert.Contains("may not be set to 'None' for NodePort services", message);
    }

    [Fact]
    public async Task ClusterIpIsImmutableButMayBeOmittedOnUpdate()
    {
        using var client = f.Client();
        var ns = await f.NewNamespaceAsync("immut");
        var svc = await client.CoreV1.CreateNamespacedServiceAsync(ClusterIp("a"), ns);
        var ip = svc.Spec.ClusterIP;

        svc.Spec.ClusterIP = "10.96.0.60";
        svc.Spec.ClusterIPs = ["10.96.0.60"];
        var message = await InvalidAsync(() => client.CoreV1.ReplaceNamespacedServiceAsync(svc, "a", ns));
        Assert.Contains("spec.clusterIPs[0]: Invalid value: []string{\"10.96.0.60\"}: may not change once set", message);

        // A replace that leaves the allocated values out keeps them (kubectl replace of a hand-written manifest).
        var fresh = ClusterIp("a");
        fresh.Spec.Ports[0].Port = 8080;
        var replaced = await client.CoreV1.ReplaceNamespacedServiceAsync(fresh, "a", ns);
        Assert.Equal(ip, replaced.Spec.ClusterIP);
        Assert.Equal([ip], replaced.Spec.ClusterIPs);
        Assert.Equal(8080, replaced.Spec.Ports[0].Port);
    }

    [Fact]
    public async Task TypeChangesToAndFromExternalNameAllocateAndRelease()
    {
        using var client = f.Client();
        var ns = await f.NewNamespaceAsync("extname");
        var ext = await client.CoreV1.CreateNamespacedServiceAsync(new V1Service
        {
            Metadata = new V1ObjectMeta { Name = "ext" },
            Spec = new V1ServiceSpec { Type = "ExternalName", ExternalName = "db.example.com" },
        }, ns);
        Assert.Null(ext.Spec.ClusterIP);
        Assert.Null(ext.Spec.IpFamilies);

        var patch = new V1Patch("{\"spec\":{\"type\":\"ClusterIP\",\"externalName\":null,\"clusterIP\":\"10.96.0.61\",\"ports\":[{\"port\":80}]}}", V1Patch.PatchType.MergePatch);
        var toClusterIp = await client.CoreV1.PatchNamespacedServiceAsync(patch, "ext", ns);
        Assert.Equal("10.96.0.61", toClusterIp.Spec.ClusterIP);
        Assert.Equal(["IPv4"], toClusterIp.Spec.IpFamilies);
        await InvalidAsync(() => client.CoreV1.CreateNamespacedServiceAsync(ClusterIp("other", "10.96.0.61"), ns));

        var back = new V1Patch("{\"spec\":{\"type\":\"ExternalName\",\"externalName\":\"db.example.com\"}}", V1Patch.PatchType.MergePatch);
        var toExternal = await client.CoreV1.PatchNamespacedServiceAsync(back, "ext", ns);
        Assert.Null(toExternal.Spec.ClusterIP);
        Assert.Null(toExternal.Spec.ClusterIPs);
        Assert.Null(toExternal.Spec.IpFamilyPolicy);
        var reused = await client.CoreV1.CreateNamespacedServiceAsync(ClusterIp("other", "10.96.0.61"), ns);
        Assert.Equal("10.96.0.61", reused.Spec.ClusterIP);
    }

    [Fact]
    public async Task DualStackAndForeignFamiliesAreRefusedOnASingleStackCluster()
    {
        using var client = f.Client();
        var ns = await f.NewNamespaceAsync("family");
        var dual = ClusterIp("dual");
        dual.Spec.IpFamilyPolicy = "RequireDualStack";
        Assert.Contains("spec.ipFamilyPolicy: Invalid value: \"RequireDualStack\": this cluster is not configured for dual-stack services",
            await InvalidAsync(() => client.CoreV1.CreateNamespacedServiceAsync(dual, ns)));

        var v6 = ClusterIp("v6");
        v6.Spec.IpFamilies = ["IPv6"];
        Assert.Contains("spec.ipFamilies[0]: Invalid value: \"IPv6\": not configured on this cluster",
            await InvalidAsync(() => client.CoreV1.CreateNamespacedServiceAsync(v6, ns)));

        // PreferDualStack falls back to one family here.
        var prefer = ClusterIp("prefer");
        prefer.Spec.IpFamilyPolicy = "PreferDualStack";
        var created = await client.CoreV1.CreateNamespacedServiceAsync(prefer, ns);
        Assert.Equal(["IPv4"], created.Spec.IpFamilies);
        Assert.Single(created.Spec.ClusterIPs);
    }

    [Fact]
    public async Task TheKubernetesServiceAddressIsTaken()
    {
        using var client = f.Client();
        var ns = await f.NewNamespaceAsync("first");
        var message = await InvalidAsync(() => client.CoreV1.CreateNamespacedServiceAsync(ClusterIp("a", "10.96.0.1"), ns));
        Assert.Contains("provided IP is already allocated", message);
    }
}
