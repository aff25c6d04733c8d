using k8s.Models;
using KubeSharp.Scheduler.Cache;
using KubeSharp.Scheduler.Framework;

namespace KubeSharp.Scheduler.Plugins.ImageLocality;

/// <summary>
/// Upstream's ImageLocality: prefers nodes that already have the pod's images (node.status.images). Each image
/// present counts its size scaled by the share of nodes having it (so an image on every node does not pull pods
/// together); the sum is clamped to [23 MiB, 1000 MiB × containers] and mapped linearly to [0, 100].
/// </summary>
public sealed class ImageLocalityPlugin : IPreScorePlugin, IScorePlugin
{
    private const long Mb = 1024 * 1024;
    private const long MinThreshold = 23 * Mb;
    private const long MaxContainerThreshold = 1000 * Mb;
    private const string StateKey = "PreScore" + PluginNames.ImageLocality;

    public string Name => PluginNames.ImageLocality;

    /// <summary>The pod's normalized image names (one entry per container) and on how many nodes each is.</summary>
    private sealed record PreScoreState(List<string> Images, Dictionary<string, int> NumNodes, int TotalNodes);

    public Status PreScore(CycleState state, V1Pod pod, IReadOnlyList<NodeInfo> nodes)
    {
        var images = (pod.Spec?.InitContainers ?? []).Concat(pod.Spec?.Containers ?? []).Select(c => Normalize(c.Image ?? "")).ToList();
        var wanted = images.ToHashSet(StringComparer.Ordinal);
        var numNodes = new Dictionary<string, int>(StringComparer.Ordinal);
        var all = state.Nodes.Count > 0 ? state.Nodes : nodes;
        foreach (var node in state.Nodes.Count > 0 ? state.NodesWithImages ?? all : all)
        {
            // Most nodes report no images (or none are wanted): skip them without allocating, since this visits
            // every node of the cluster for every pod.
            if (node.Node.Status?.Images is not { Count: > 0 }) continue;
            foreach (var name in NamesOn(node.Node, wanted)) numNodes[name] = numNodes.GetValueOrDefault(name) + 1;
        }
        // No node has any of the pod's images: every node would score the minimum, 0, which adds nothing to any
        // node's total; skipping saves a call per node (thousands per pod in a large cluster).
        if (numNodes.Count == 0) return Status.Skip;
        state.Write(StateKey, new PreScoreState(images, numNodes, all.Count));
        return Status.Success;
    }

    public (long Score, Status Status) Score(CycleState state, V1Pod pod, NodeInfo node)
    {
        var s = state.Read<PreScoreState>(StateKey);
        if (s == null) return (0, Status.Error($"reading \"{StateKey}\" from cycleState: not found"));
        long sum = 0;
        var nodeImages = node.Node.Status?.Images;
        if (nodeImages is { Count: > 0 })
        {
            foreach (var image in s.Images)
            {
                if (SizeOn(nodeImages, image) is not { } size) continue;
                var spread = (double)s.NumNodes.GetValueOrDefault(image) / s.TotalNodes;
                sum += (long)(size * spread);
            }
        }
        var maxThreshold = MaxContainerThreshold * s.Images.Count;
        if (maxThreshold <= MinThreshold) return (0, Status.Success);
        sum = Math.Clamp(sum, MinThreshold, maxThreshold);
        return (NodeScore.MaxScore * (sum - MinThreshold) / (maxThreshold - MinThreshold), Status.Success);
    }

    /// <summary>Upstream normalizedImageName: a name without a tag (the last ':' not after the last '/') gets ":latest".</summary>
    public static string Normalize(string image) =>
        image.LastIndexOf(':') <= image.LastIndexOf('/') ? image + ":latest" : image;

    private static long? SizeOn(IList<V1ContainerImage> images, string name)
    {
        foreach (var image in images)
        {
            if (image.Names?.Contains(name) == true) return image.SizeBytes ?? 0;
        }
        return null;
    }

    private static IEnumerable<string> NamesOn(V1Node node, HashSet<string> wanted)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var image in node.Status?.Images ?? [])
        {
            foreach (var name in image.Names ?? [])
            {
                if (wanted.Contains(name) && seen.Add(name)) yield return name;
            }
        }
    }
}
