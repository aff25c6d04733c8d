using k8s;
using k8s.Autorest;
using k8s.Models;
using KubeSharp.Client.Rest;

namespace KubeSharp.Scheduler.Tests.Integration;

/// <summary>Scheduling gates end to end: the API server marks the pod, the scheduler leaves it until the gates go.</summary>
public class SchedulingGatesScenarioTests
{
    [Fact]
    public async Task AGatedPodStaysUnboundUntilItsGatesAreRemoved()
    {
        await using var c = await TestCluster.StartAsync();
        await c.AddNodeAsync(Make.Node("n1"));
        var gated = Make.Pod("gated", "100m");
        gated.Spec.SchedulingGates = [new V1PodSchedulingGate { Name = "example.com/quota" }, new V1PodSchedulingGate { Name = "example.com/data" }];
        var created = await c.AddPodAsync(gated);
        var condition = Assert.Single(created.Status.Conditions);
        Assert.Equal(("PodScheduled", "False", "SchedulingGated", "Scheduling is blocked due to non-empty scheduling gates"),
            (condition.Type, condition.Status, condition.Reason, condition.Message));

        // A pod created after the gated one binds: the scheduler has been through its queue and left the gated pod.
        await c.AddPodAsync(Make.Pod("free", "100m"));
        Assert.Equal("n1", await c.WaitForNodeAsync("free"));
        await Eventually.WaitAsync(() => Task.FromResult(c.Scheduler!.GatedCount == 1), "the gated pod parked in the queue");

        // Nobody may bind a gated pod (upstream's binding refuses it).
        using (var official = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(c.Server.KubeconfigPath)))
        {
            var bind = await Assert.ThrowsAsync<HttpOperationException>(() => official.CreateNamespacedPodBindingAsync(new V1Binding
            {
                Metadata = new V1ObjectMeta { Name = "gated" },
                Target = new V1ObjectReference { Kind = "Node", Name = "n1" },
            }, "gated", TestCluster.Namespace));
            Assert.Equal(500, (int)bind.Response.StatusCode);
            Assert.Contains("pod gated has non-empty .spec.schedulingGates", bind.Response.Content);
        }

        // Adding a gate after creation is forbidden; removing one is allowed and keeps the pod gated.
        var current = await c.GetPodAsync("gated");
        current.Spec.SchedulingGates.Add(new V1PodSchedulingGate { Name = "example.com/late" });
        var refused = await Assert.ThrowsAsync<KubeApiException>(() => c.Pods.UpdateAsync(current));
        Assert.Equal(422, refused.Code);
        Assert.Contains("only deletion is allowed, but found new scheduling gate 'example.com/late'", refused.Message);
        current = await c.GetPodAsync("gated");
        current.Spec.SchedulingGates.RemoveAt(0);
        await c.Pods.UpdateAsync(current);
        await c.AddPodAsync(Make.Pod("free-2", "100m"));
        Assert.Equal("n1", await c.WaitForNodeAsync("free-2"));
        var still = await c.GetPodAsync("gated");
        Assert.Null(still.Spec.NodeName);
        Assert.Equal("SchedulingGated", still.Status.Conditions.Single(x => x.Type == "PodScheduled").Reason);

        current = await c.GetPodAsync("gated");
        current.Spec.SchedulingGates = null;
        await c.Pods.UpdateAsync(current);
        Assert.Equal("n1", await c.WaitForNodeAsync("gated"));
        var bound = await c.GetPodAsync("gated");
        Assert.Equal("True", bound.Status.Conditions.Single(x => x.Type == "PodScheduled").Status);
        Assert.Equal(0, c.Scheduler!.GatedCount);
    }
}
