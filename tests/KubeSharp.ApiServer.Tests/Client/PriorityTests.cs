using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using KubeSharp.ApiServer.Tests.Infrastructure;

namespace KubeSharp.ApiServer.Tests.Client;

/// <summary>The Priority admission plugin and the built-in priority classes.</summary>
public sealed class PriorityTests(ApiServerFixture f) : IClassFixture<ApiServerFixture>
{
    private static V1Pod Pod(string name, string? priorityClass = null, int? priority = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Spec = new V1PodSpec
        {
            Containers = [new V1Container { Name = "c", Image = "busybox" }],
            PriorityClassName = priorityClass,
            Priority = priority,
        },
    };

    [Fact]
    public async Task BuiltInClassesExist()
    {
        using var client = f.Client();
        var node = await client.SchedulingV1.ReadPriorityClassAsync("system-node-critical");
        Assert.Equal(2000001000, node.Value);
        var cluster = await client.SchedulingV1.ReadPriorityClassAsync("system-cluster-critical");
        Assert.Equal(2000000000, cluster.Value);
    }

    [Fact]
    public async Task PriorityComesFromTheClassOrIsZero()
    {
        using var client = f.Client();
        var ns = await f.NewNamespaceAsync("prio");
        var name = "high-" + ns;
        await client.SchedulingV1.CreatePriorityClassAsync(new V1PriorityClass { Metadata = new V1ObjectMeta { Name = name }, Value = 1000 });
        var high = await client.CoreV1.CreateNamespacedPodAsync(Pod("high", name), ns);
        Assert.Equal(1000, high.Spec.Priority);
        Assert.Equal("PreemptLowerPriority", high.Spec.PreemptionPolicy);
        var plain = await client.CoreV1.CreateNamespacedPodAsync(Pod("plain"), ns);
        Assert.Equal(0, plain.Spec.Priority);

        var missing = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.CreateNamespacedPodAsync(Pod("x", "no-such-class"), ns));
        Assert.Equal(HttpStatusCode.Forbidden, missing.Response.StatusCode);
        Assert.Contains("no PriorityClass with name no-such-class was found", missing.Response.Content);

        var mismatch = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.CreateNamespacedPodAsync(Pod("y", name, 5), ns));
        Assert.Equal(HttpStatusCode.Forbidden, mismatch.Response.StatusCode);
    }
}
