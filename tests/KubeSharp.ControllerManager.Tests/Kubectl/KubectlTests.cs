using k8s.Models;
using KubeSharp.Client.Rest;

namespace KubeSharp.ControllerManager.Tests.Kubectl;

/// <summary>The controllers as a kubectl user sees them (style.md habit 12: test against the real consumer).</summary>
[Collection(ClusterCollection.Name)]
public sealed class KubectlTests(ClusterFixture cluster)
{
    [Fact]
    public async Task Kubectl_scale_and_namespace_delete_are_carried_out()
    {
        var ns = await cluster.NewNamespaceAsync("kubectl");
        await cluster.Client.For<V1ReplicationController>().CreateAsync(Workloads.Rc(ns, "web", 1));

        await cluster.Kubectl.OkAsync("scale", "rc", "web", "--replicas=3", "-n", ns);

        await Eventually.WaitAsync(async () =>
            (await cluster.Kubectl.OkAsync("get", "rc", "web", "-n", ns, "-o", "jsonpath={.status.replicas}")).Trim() == "3",
            "kubectl to report status.replicas 3");
        var pods = await cluster.Kubectl.OkAsync("get", "pods", "-n", ns, "-l", "app=web", "-o", "name");
        Assert.Equal(3, pods.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        // kubectl waits for the namespace to be gone: the namespace controller must finish.
        await cluster.Kubectl.OkAsync("delete", "namespace", ns, "--wait=true", "--timeout=20s");
        await Assert.ThrowsAsync<KubeApiException>(() => cluster.Client.For<V1Namespace>().GetAsync(null, ns));
    }
}
