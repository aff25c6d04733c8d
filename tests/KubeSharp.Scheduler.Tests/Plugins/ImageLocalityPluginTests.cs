using k8s.Models;
using KubeSharp.Scheduler.Cache;
using KubeSharp.Scheduler.Framework;
using KubeSharp.Scheduler.Plugins.ImageLocality;

namespace KubeSharp.Scheduler.Tests.Plugins;

public class ImageLocalityPluginTests
{
    private const long Mb = 1024 * 1024;

    private static NodeInfo Node(string name, params (string[] Names, long Size)[] images)
    {
        var node = Make.Node(name);
        node.Status.Images = images.Select(i => new V1ContainerImage { Names = i.Names, SizeBytes = i.Size }).ToList();
        return new NodeInfo(node);
    }

    private static V1Pod Pod(params string[] images)
    {
        var pod = Make.Pod("p");
        pod.Spec.Containers = images.Select((image, i) => new V1Container { Name = $"c{i}", Image = image }).ToList();
        return pod;
    }

    public static TheoryData<string, V1Pod, long[]> Cases => new()
    {
        // 500 MiB on 2 of 3 nodes: 333 MiB after spread scaling → 100 × (333 − 23) / (1000 − 23) = 31.
        { "an image on two of three nodes", Pod("nginx:1.25"), [31, 31, 0] },
        // With two containers the range is 23 MiB to 2000 MiB: 333 MiB → 15; busybox, 300 MiB on one node of three, is 100 MiB → 3.
        { "two containers add up", Pod("nginx:1.25", "example.com/tools/busybox"), [15, 15, 3] },
        { "an image everywhere larger than the cap scores 100", Pod("huge:1"), [100, 100, 100] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Score(string name, V1Pod pod, long[] expected)
    {
        var nodes = Nodes();
        var plugin = new ImageLocalityPlugin();
        var state = new CycleState { Nodes = nodes };
        Assert.True(plugin.PreScore(state, pod, nodes).IsSuccess);
        Assert.True(expected.SequenceEqual(nodes.Select(n => plugin.Score(state, pod, n).Score)),
            $"{name}: {string.Join(",", nodes.Select(n => plugin.Score(state, pod, n).Score))}");
    }

    /// <summary>
    /// "redis" means redis:latest, which no node has (n2 has redis:7): every node would score 0, so the plugin
    /// skips scoring altogether.
    /// </summary>
    [Fact]
    public void SkipsWhenNoNodeHasAnImageOfThePod()
    {
        var nodes = Nodes();
        var state = new CycleState { Nodes = nodes };
        Assert.Equal(StatusCode.Skip, new ImageLocalityPlugin().PreScore(state, Pod("redis"), nodes).Code);
        Assert.True(new ImageLocalityPlugin().PreScore(state, Pod("redis:7"), nodes).IsSuccess);
    }

    private static NodeInfo[] Nodes() =>
        new[]
        {
            Node("n1", (["nginx:1.25", "docker.io/library/nginx:1.25"], 500 * Mb), (["huge:1"], 3000 * Mb)),
            Node("n2", (["nginx:1.25"], 500 * Mb), (["redis:7"], 100 * Mb), (["huge:1"], 3000 * Mb)),
            Node("n3", (["example.com/tools/busybox:latest"], 300 * Mb), (["huge:1"], 3000 * Mb)),
        };
}
