using k8s;
using k8s.Models;
using KubeSharp.ApiMachinery.Defaulting;

namespace KubeSharp.ApiMachinery.Tests.Defaulting;

public class CreateDefaultsTests
{
    private static V1Pod Pod(params V1ResourceRequirements?[] resources) => new()
    {
        Metadata = new V1ObjectMeta { Name = "p" },
        Spec = new V1PodSpec { Containers = resources.Select((r, i) => new V1Container { Name = $"c{i}", Image = "x", Resources = r }).ToList() },
        Status = new V1PodStatus { Phase = "Running" },
    };

    private static V1ResourceRequirements R(string? reqCpu, string? reqMem, string? limCpu, string? limMem)
    {
        static Dictionary<string, ResourceQuantity>? L(string? cpu, string? mem)
        {
            var d = new Dictionary<string, ResourceQuantity>();
            if (cpu is not null)
            {
                d["cpu"] = new ResourceQuantity(cpu);
            }
            if (mem is not null)
            {
                d["memory"] = new ResourceQuantity(mem);
            }
            return d.Count == 0 ? null : d;
        }
        return new V1ResourceRequirements { Requests = L(reqCpu, reqMem), Limits = L(limCpu, limMem) };
    }

    public static TheoryData<string, V1Pod, string> QosRows => new()
    {
        { "no resources is BestEffort", Pod(new V1ResourceRequirements()), "BestEffort" },
        { "limits only defaults requests: Guaranteed", Pod(R(null, null, "1", "1Gi")), "Guaranteed" },
        { "requests equal limits: Guaranteed", Pod(R("500m", "128Mi", "0.5", "128Mi")), "Guaranteed" },
        { "requests below limits: Burstable", Pod(R("100m", "64Mi", "1", "128Mi")), "Burstable" },
        { "memory limit only: Burstable", Pod(R(null, null, null, "128Mi")), "Burstable" },
        { "one container without limits: Burstable", Pod(R(null, null, "1", "1Gi"), new V1ResourceRequirements()), "Burstable" },
    };

    [Theory]
    [MemberData(nameof(QosRows))]
    public void PodStatusIsPendingWithQos(string name, V1Pod pod, string qos)
    {
        Assert.NotEmpty(name);
        Defaulter.Apply(pod);
        CreateDefaults.PrepareForCreate(pod);
        Assert.Equal($"{{\"phase\":\"Pending\",\"qosClass\":\"{qos}\"}}", KubernetesJson.Serialize(pod.Status));
    }

    [Fact]
    public void GatedPodStartsWithSchedulingGatedCondition()
    {
        var created = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        var pod = Pod(new V1ResourceRequirements());
        pod.Metadata.CreationTimestamp = created;
        pod.Spec.SchedulingGates = [new V1PodSchedulingGate { Name = "example.com/wait" }];
        CreateDefaults.PrepareForCreate(pod);
        var condition = Assert.Single(pod.Status.Conditions);
        Assert.Equal(("PodScheduled", "False", "SchedulingGated", "Scheduling is blocked due to non-empty scheduling gates"),
            (condition.Type, condition.Status, condition.Reason, condition.Message));
        Assert.Equal(created, condition.LastTransitionTime);
    }

    [Fact]
    public void UngatedPodStartsWithoutConditions()
    {
        var pod = Pod(new V1ResourceRequirements());
        pod.Spec.SchedulingGates = [];
        CreateDefaults.PrepareForCreate(pod);
        Assert.Null(pod.Status.Conditions);
    }

    [Fact]
    public void ControllersStartAtGenerationOneWithEmptyStatus()
    {
        var deployment = new V1Deployment { Metadata = new V1ObjectMeta { Name = "d" }, Status = new V1DeploymentStatus { Replicas = 3 } };
        CreateDefaults.PrepareForCreate(deployment);
        Assert.Equal(1, deployment.Metadata.Generation);
        Assert.Equal("{}", KubernetesJson.Serialize(deployment.Status));
    }
}
