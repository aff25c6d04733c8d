using k8s.Models;
using KubeSharp.Scheduler.Cache;

namespace KubeSharp.Scheduler.Tests.Cache;

public class PodResourcesTests
{
    private static V1Container C(string cpu, string? restartPolicy = null) => new()
    {
        Name = "c" + Guid.NewGuid().ToString("N")[..4],
        RestartPolicy = restartPolicy,
        Resources = new V1ResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new(cpu) } },
    };

    public static TheoryData<string, string[], (string Cpu, string? Policy)[], string?, long> Cases => new()
    {
        { "sum of app containers", ["100m", "200m"], [], null, 300 },
        { "init larger than apps", ["100m"], [("500m", null)], null, 500 },
        { "init smaller than apps", ["800m"], [("500m", null)], null, 800 },
        { "overhead added", ["100m"], [], "50m", 150 },
        { "sidecar adds to apps", ["100m"], [("200m", "Always")], null, 300 },
        { "init after sidecar runs beside it", ["100m"], [("200m", "Always"), ("500m", null)], null, 700 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Requests(string name, string[] apps, (string Cpu, string? Policy)[] inits, string? overhead, long milliCpu)
    {
        var pod = new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = "p" },
            Spec = new V1PodSpec
            {
                Containers = apps.Select(a => C(a)).ToList(),
                InitContainers = inits.Select(i => C(i.Cpu, i.Policy)).ToList(),
                Overhead = overhead == null ? null : new Dictionary<string, ResourceQuantity> { ["cpu"] = new(overhead) },
            },
        };
        Assert.True(milliCpu == PodResources.Requests(pod).MilliCpu, name);
    }

    [Fact]
    public void NonZeroDefaultsOnlyForMissingRequests()
    {
        var pod = Make.Pod("p", cpu: "0");
        var nz = PodResources.NonZeroRequests(pod);
        Assert.Equal(0, nz.MilliCpu);
        Assert.Equal(PodResources.DefaultMemoryRequest, nz.Memory);
        Assert.Equal(0, PodResources.Requests(pod).Memory);
    }
}
