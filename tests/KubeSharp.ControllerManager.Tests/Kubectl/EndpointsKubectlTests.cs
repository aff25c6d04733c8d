using k8s.Models;

namespace KubeSharp.ControllerManager.Tests.Kubectl;

/// <summary>Endpoints and EndpointSlices as kubectl shows them.</summary>
[Collection(ClusterCollection.Name)]
public sealed class EndpointsKubectlTests(ClusterFixture cluster)
{
    [Fact]
    public async Task Kubectl_gets_endpoints_and_slices_and_describes_the_service()
    {
        var ns = await cluster.NewNamespaceAsync("kubectl-ep");
        var node = "kubectl-ep-" + Guid.NewGuid().ToString("N")[..8];
        var kubelet = new FakeKubelet(cluster.Client);
        await kubelet.RegisterNodeAsync(node);
        await cluster.Client.For<V1Service>().CreateAsync(FakeKubelet.Service(ns, "shop", "shop", FakeKubelet.Port("http", 80, "web")));
        await kubelet.RunAsync(FakeKubelet.Pod(ns, "shop-1", "shop", node, ("web", 8080)), "10.60.0.1", ready: true);
        await kubelet.RunAsync(FakeKubelet.Pod(ns, "shop-2", "shop", node, ("web", 8080)), "10.60.0.2", ready: true);

        string endpoints = "";
        await Eventually.WaitAsync(async () =>
            (endpoints = await cluster.Kubectl.OkAsync("get", "endpoints", "shop", "-n", ns)).Contains("10.60.0.1:8080,10.60.0.2:8080", StringComparison.Ordinal),
            "kubectl get endpoints to list both pods");
        Assert.Matches(@"(?m)^NAME\s+ENDPOINTS\s+AGE$", endpoints);

        string slices = "";
        await Eventually.WaitAsync(async () =>
            (slices = await cluster.Kubectl.OkAsync("get", "endpointslices", "-n", ns, "-l", "kubernetes.io/service-name=shop"))
                .Contains("10.60.0.1,10.60.0.2", StringComparison.Ordinal),
            "kubectl get endpointslices to list both pods");
        Assert.Matches(@"(?m)^shop-\w+\s+IPv4\s+8080\s+10\.60\.0\.1,10\.60\.0\.2\s+\S+$", slices);

        var describe = await cluster.Kubectl.OkAsync("describe", "svc", "shop", "-n", ns);
        Assert.Matches(@"(?m)^Endpoints:\s+10\.60\.0\.1:8080,10\.60\.0\.2:8080$", describe);
    }
}
