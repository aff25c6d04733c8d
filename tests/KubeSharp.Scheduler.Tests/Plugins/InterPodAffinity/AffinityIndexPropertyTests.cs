using k8s.Models;
using KubeSharp.Scheduler.Cache;
using KubeSharp.Scheduler.Framework;
using KubeSharp.Scheduler.Plugins.InterPodAffinity;

namespace KubeSharp.Scheduler.Tests.Plugins.InterPodAffinity;

/// <summary>
/// The plugin's answers from the snapshot's incrementally kept index (term groups, memoized terms) equal the
/// answers worked out from scratch by <see cref="AffinityOracle"/>, after every step of long random sequences of
/// cache changes; so do its what-if answers after AddPod/RemovePod. One plugin instance and one cache live through
/// each sequence, as in the scheduler, so memos built early must stay correct through later changes.
/// </summary>
public class AffinityIndexPropertyTests
{
    private const int Steps = 250;

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(2024)]
    public void FilterAndScoreMatchARecountAfterEveryChange(int seed)
    {
        var world = new RandomAffinityCluster(seed);
        world.Start();
        var plugin = new InterPodAffinityPlugin(world.Objects, new InterPodAffinityArgs { HardPodAffinityWeight = 3 });
        var log = new List<string>();
        for (var step = 0; step < Steps; step++)
        {
            log.Add(world.Step());
            var snapshot = world.Cache.UpdateSnapshot();
            for (var k = 0; k < 2; k++)
            {
                var incoming = world.NewPod("incoming");
                var where = $"seed {seed}, step {step} ({string.Join("; ", log.TakeLast(3))}), incoming {Describe(incoming)}";
                CheckFilter(plugin, world.Objects, snapshot.Nodes, incoming, where);
                CheckScore(plugin, world.Objects, snapshot.Nodes, incoming, where);
            }
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(11)]
    public void WhatIfsMatchARecountOfTheChangedCluster(int seed)
    {
        var world = new RandomAffinityCluster(seed);
        world.Start();
        var plugin = new InterPodAffinityPlugin(world.Objects);
        for (var step = 0; step < Steps; step++)
        {
            world.Step();
            var snapshot = world.Cache.UpdateSnapshot();
            var nodes = snapshot.Nodes;
            if (nodes.Count == 0) continue;
            var incoming = world.NewPod("incoming");
            var state = new CycleState { Nodes = nodes };
            if (plugin.PreFilter(state, incoming).Code == StatusCode.Skip) continue;
            var at = world.Random.Next(nodes.Count);
            var changed = nodes[at].Clone();
            var whatIf = state.Clone();
            string what;
            if (changed.Pods.Count > 0 && world.Random.Next(2) == 0)
            {
                var victim = changed.Pods[world.Random.Next(changed.Pods.Count)];
                changed.RemovePod(victim.Metadata.Uid);
                Assert.True(plugin.RemovePod(whatIf, incoming, victim, changed).IsSuccess);
                what = $"without {victim.Metadata.Name} on {changed.Name}";
            }
            else
            {
                var added = world.NewPod("nominated");
                added.Spec.NodeName = changed.Name;
                changed.AddPod(added);
                Assert.True(plugin.AddPod(whatIf, incoming, added, changed).IsSuccess);
                what = $"with {Describe(added)} on {changed.Name}";
            }
            var after = nodes.Select((n, i) => i == at ? changed : n).ToList();
            for (var i = 0; i < after.Count; i++)
            {
                Assert.True(AffinityOracle.Filter(incoming, after, after[i], world.Objects) == Outcome(plugin.Filter(whatIf, incoming, after[i])),
                    $"seed {seed}, step {step}, what-if {what}, node {after[i].Name}, incoming {Describe(incoming)}");
            }
            // The what-if went into the clone's overlay: the cycle's own state and the shared counts are untouched.
            foreach (var n in nodes) Assert.Equal(AffinityOracle.Filter(incoming, nodes, n, world.Objects), Outcome(plugin.Filter(state, incoming, n)));
        }
    }

    private static void CheckFilter(InterPodAffinityPlugin plugin, IClusterObjects cluster, List<NodeInfo> nodes, V1Pod incoming, string where)
    {
        var state = new CycleState { Nodes = nodes };
        var pre = plugin.PreFilter(state, incoming);
        foreach (var node in nodes)
        {
            var expected = AffinityOracle.Filter(incoming, nodes, node, cluster);
            var actual = pre.Code == StatusCode.Skip ? "ok" : Outcome(plugin.Filter(state, incoming, node));
            Assert.True(expected == actual, $"{where}: node {node.Name} expected {expected}, got {actual}");
        }
    }

    private static void CheckScore(InterPodAffinityPlugin plugin, IClusterObjects cluster, List<NodeInfo> nodes, V1Pod incoming, string where)
    {
        var state = new CycleState { Nodes = nodes };
        var pre = plugin.PreScore(state, incoming, nodes);
        foreach (var node in nodes)
        {
            var expected = AffinityOracle.Score(incoming, nodes, node, cluster, 3);
            var actual = pre.Code == StatusCode.Skip ? 0 : plugin.Score(state, incoming, node).Score;
            Assert.True(expected == actual, $"{where}: node {node.Name} expected score {expected}, got {actual} (PreScore {pre.Code})");
        }
    }

    internal static string Outcome(Status s) => s.Code switch
    {
        StatusCode.Success => "ok",
        StatusCode.UnschedulableAndUnresolvable when s.Reasons.SequenceEqual([InterPodAffinityPlugin.ReasonAffinity]) => "aff",
        StatusCode.Unschedulable when s.Reasons.SequenceEqual([InterPodAffinityPlugin.ReasonAntiAffinity]) => "anti",
        StatusCode.Unschedulable when s.Reasons.SequenceEqual([InterPodAffinityPlugin.ReasonExistingAntiAffinity]) => "existing",
        _ => $"{s.Code}:{s.Message}",
    };

    private static string Describe(V1Pod pod) => k8s.KubernetesJson.Serialize(new { pod.Metadata.NamespaceProperty, pod.Metadata.Labels, pod.Spec.Affinity });
}
