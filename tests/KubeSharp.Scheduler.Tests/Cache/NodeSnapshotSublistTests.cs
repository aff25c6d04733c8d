using KubeSharp.Scheduler.Cache;
using KubeSharp.Scheduler.Tests.Plugins.InterPodAffinity;

namespace KubeSharp.Scheduler.Tests.Cache;

/// <summary>
/// The snapshot's sublists are updated node by node as clones are replaced (not rebuilt over every node): after
/// every random cache change they hold exactly the nodes a full rebuild would, in name order, as the same clones.
/// </summary>
public class NodeSnapshotSublistTests
{
    [Theory]
    [InlineData(5)]
    [InlineData(42)]
    public void SublistsEqualAFullRebuildAfterEveryChange(int seed)
    {
        var world = new RandomAffinityCluster(seed);
        world.Start();
        for (var step = 0; step < 400; step++)
        {
            var what = world.Step();
            var snapshot = world.Cache.UpdateSnapshot();
            var where = $"seed {seed}, step {step}: {what}";
            Assert.True(snapshot.Nodes.Select(n => n.Name).SequenceEqual(snapshot.Nodes.Select(n => n.Name).Order(StringComparer.Ordinal)), where);
            Same(snapshot.Nodes.Where(n => n.PodsWithAffinity.Count > 0), snapshot.WithPodAffinity, where);
            Same(snapshot.Nodes.Where(n => n.PodsWithRequiredAntiAffinity.Count > 0), snapshot.WithRequiredAntiAffinity, where);
            Same(snapshot.Nodes.Where(n => n.Node.Status?.Images is { Count: > 0 }), snapshot.WithImages, where);
        }
    }

    [Fact]
    public void ABindMovesANodeIntoTheSublistInNameOrder()
    {
        var cache = new SchedulerCache();
        foreach (var name in new[] { "c", "a", "b" }) cache.AddNode(Make.Node(name));
        cache.UpdateSnapshot();
        foreach (var name in new[] { "c", "a", "b" })
        {
            cache.AddPod(Make.Pod($"on-{name}", nodeName: name, affinity: Make.RequiredAntiAffinity(Make.Term("kubernetes.io/hostname", "app", "web"))));
            cache.UpdateSnapshot();
        }
        var snapshot = cache.UpdateSnapshot();
        Assert.Equal(["a", "b", "c"], snapshot.WithRequiredAntiAffinity.Select(n => n.Name));
        Assert.Equal(["a", "b", "c"], snapshot.WithPodAffinity.Select(n => n.Name));
        Assert.Same(snapshot.Nodes[1], snapshot.WithRequiredAntiAffinity[1]);
    }

    private static void Same(IEnumerable<NodeInfo> expected, List<NodeInfo> actual, string where)
    {
        var e = expected.ToList();
        Assert.True(e.Count == actual.Count && e.Zip(actual).All(p => ReferenceEquals(p.First, p.Second)),
            $"{where}: expected [{string.Join(",", e.Select(n => n.Name))}], got [{string.Join(",", actual.Select(n => n.Name))}]");
    }
}
