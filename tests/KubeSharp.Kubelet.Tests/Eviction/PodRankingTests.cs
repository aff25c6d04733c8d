using k8s.Models;
using KubeSharp.Kubelet.Eviction;

namespace KubeSharp.Kubelet.Tests.Eviction;

public sealed class PodRankingTests
{
    /// <summary>
    /// Each row: pods as "name:priority:request:usage" (usage "-" = no stats), the signal, the expected order.
    /// Requests and usage are MiB of memory (memory.available) or of ephemeral storage (disk signals).
    /// </summary>
    [Theory]
    // Over-request pods go first even at higher priority; then lower priority; then larger usage above request.
    [InlineData("a:0:100:50,b:1000:100:150", "memory.available", "b,a")]
    [InlineData("a:10:0:10,b:0:0:5", "memory.available", "b,a")]
    [InlineData("a:0:0:10,b:0:0:500,c:0:0:100", "memory.available", "b,c,a")]
    [InlineData("a:0:400:500,b:0:0:200", "memory.available", "b,a")]
    [InlineData("a:0:100:100,b:0:100:100", "memory.available", "a,b")]
    [InlineData("a:0:0:10,b:0:0:-", "memory.available", "b,a")]
    [InlineData("guaranteed:0:500:400,besteffort:0:0:1", "memory.available", "besteffort,guaranteed")]
    [InlineData("a:5:0:10,b:1:0:10,c:3:0:10", "nodefs.available", "b,c,a")]
    [InlineData("a:0:0:10,b:0:0:900", "imagefs.available", "b,a")]
    [InlineData("a:0:1000:900,b:0:0:1", "nodefs.inodesFree", "b,a")]
    [InlineData("a:0:0:10,b:0:0:20", "pid.available", "b,a")]
    [InlineData("a:0:0:10,b:-1:0:1", "pid.available", "b,a")]
    public void Pods_are_ranked_as_upstream_ranks_them(string pods, string signal, string expected)
    {
        const long MiB = 1 << 20;
        var resource = EvictionSignals.Resource(signal) == "memory" ? "memory" : "ephemeral-storage";
        var usage = new Dictionary<string, PodUsage>();
        var list = new List<V1Pod>();
        foreach (var spec in pods.Split(','))
        {
            var p = spec.Split(':');
            var pod = new V1Pod
            {
                Metadata = new V1ObjectMeta { Name = p[0], Uid = p[0] },
                Spec = new V1PodSpec
                {
                    Priority = int.Parse(p[1]),
                    Containers = [new V1Container { Name = "c", Resources = new V1ResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { [resource] = new($"{p[2]}Mi") } } }],
                },
            };
            list.Add(pod);
            if (p[3] != "-")
            {
                var used = long.Parse(p[3]);
                usage[p[0]] = new PodUsage(used * MiB, used * MiB, used, []);
            }
        }
        var ranked = PodRanking.Rank(signal, list, pod => usage.GetValueOrDefault(pod.Metadata.Uid));
        Assert.Equal(expected, string.Join(",", ranked.Select(p => p.Metadata.Name)));
    }

    [Fact]
    public void A_pods_request_is_the_larger_of_its_containers_sum_and_its_largest_init_container()
    {
        static V1Container C(string memory) => new() { Name = "c" + memory, Resources = new V1ResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { ["memory"] = new(memory) } } };
        var pod = new V1Pod { Spec = new V1PodSpec { Containers = [C("100Mi"), C("50Mi")], InitContainers = [C("120Mi")] } };
        Assert.Equal(150L << 20, PodRanking.Request(pod, "memory"));
        pod.Spec.InitContainers = [C("200Mi")];
        Assert.Equal(200L << 20, PodRanking.Request(pod, "memory"));
        Assert.Equal(0, PodRanking.Request(pod, "ephemeral-storage"));
    }
}
