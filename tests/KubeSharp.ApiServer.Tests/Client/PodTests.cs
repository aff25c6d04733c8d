using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using KubeSharp.ApiServer.Tests.Infrastructure;

namespace KubeSharp.ApiServer.Tests.Client;

/// <summary>Pod-specific registry behaviour: status on create, binding, graceful deletion, status subresource.</summary>
public sealed class PodTests(ApiServerFixture f) : IClassFixture<ApiServerFixture>
{
    private static V1Pod Pod(string name) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Spec = new V1PodSpec { Containers = [new V1Container { Name = "main", Image = "busybox" }] },
    };

    [Fact]
    public async Task NewPodIsPendingWithQosAndDefaultTolerations()
    {
        using var client = f.Client();
        var ns = await f.NewNamespaceAsync("pod");
        var pod = Pod("p");
        pod.Status = new V1PodStatus { Phase = "Running" }; // clients cannot set status on create
        var created = await client.CoreV1.CreateNamespacedPodAsync(pod, ns);
        Assert.Equal("Pending", created.Status.Phase);
        Assert.Equal("BestEffort", created.Status.QosClass);
        Assert.Contains(created.Spec.Tolerations, t => t.Key == "node.kubernetes.io/not-ready" && t.TolerationSeconds == 300);
        Assert.Contains(created.Spec.Tolerations, t => t.Key == "node.kubernetes.io/unreachable" && t.Effect == "NoExecute");
    }

    [Fact]
    public async Task BindingAssignsNodeOnceAndSetsPodScheduled()
    {
        using var client = f.Client();
        var ns = await f.NewNamespaceAsync("bind");
        await client.CoreV1.CreateNamespacedPodAsync(Pod("p"), ns);
        await client.CoreV1.CreateNamespacedPodBindingAsync(new V1Binding
        {
            Metadata = new V1ObjectMeta { Name = "p" },
            Target = new V1ObjectReference { Kind = "Node", Name = "node-1" },
        }, "p", ns);
        var pod = await client.CoreV1.ReadNamespacedPodAsync("p", ns);
        Assert.Equal("node-1", pod.Spec.NodeName);
        Assert.Contains(pod.Status.Conditions, c => c.Type == "PodScheduled" && c.Status == "True");

        var e = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.CreateNamespacedPodBindingAsync(new V1Binding
        {
            Metadata = new V1ObjectMeta { Name = "p" },
            Target = new V1ObjectReference { Kind = "Node", Name = "node-2" },
        }, "p", ns));
        Assert.Equal(HttpStatusCode.Conflict, e.Response.StatusCode);
        Assert.Contains("is already assigned to node", e.Response.Content);
    }

    [Fact]
    public async Task BoundPodIsDeletedGracefullyUnboundPodAtOnce()
    {
        using var client = f.Client();
        var ns = await f.NewNamespaceAsync("grace");
        await client.CoreV1.CreateNamespacedPodAsync(Pod("unbound"), ns);
        await client.CoreV1.DeleteNamespacedPodAsync("unbound", ns);
        var gone = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.ReadNamespacedPodAsync("unbound", ns));
        Assert.Equal(HttpStatusCode.NotFound, gone.Response.StatusCode);

        await client.CoreV1.CreateNamespacedPodAsync(Pod("bound"), ns);
        await client.CoreV1.CreateNamespacedPodBindingAsync(new V1Binding
        {
            Metadata = new V1ObjectMeta { Name = "bound" },
            Target = new V1ObjectReference { Kind = "Node", Name = "node-1" },
        }, "bound", ns);
        await client.CoreV1.DeleteNamespacedPodAsync("bound", ns);
        var marked = await client.CoreV1.ReadNamespacedPodAsync("bound", ns);
        Assert.NotNull(marked.Metadata.DeletionTimestamp);
        Assert.Equal(30, marked.Metadata.DeletionGracePeriodSeconds);

        // The kubelet's final delete, with grace period 0, removes it.
        await client.CoreV1.DeleteNamespacedPodAsync("bound", ns, new V1DeleteOptions { GracePeriodSeconds = 0 });
        var e = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.ReadNamespacedPodAsync("bound", ns));
        Assert.Equal(HttpStatusCode.NotFound, e.Response.StatusCode);
    }

    [Fact]
    public async Task StatusSubresourceChangesOnlyStatus()
    {
        using var client = f.Client();
        var ns = await f.NewNamespaceAsync("status");
        var pod = await client.CoreV1.CreateNamespacedPodAsync(Pod("p"), ns);
        pod.Status.Phase = "Running";
        pod.Metadata.Labels = new Dictionary<string, string> { ["ignored"] = "yes" };
        var updated = await client.CoreV1.ReplaceNamespacedPodStatusAsync(pod, "p", ns);
        Assert.Equal("Running", updated.Status.Phase);
        Assert.Null(updated.Metadata.Labels);

        // A main-resource update cannot change status.
        updated.Status.Phase = "Failed";
        updated.Metadata.Labels = new Dictionary<string, string> { ["kept"] = "yes" };
        var main = await client.CoreV1.ReplaceNamespacedPodAsync(updated, "p", ns);
        Assert.Equal("Running", main.Status.Phase);
        Assert.Equal("yes", main.Metadata.Labels["kept"]);
    }
}
