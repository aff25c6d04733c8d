using k8s.Models;

namespace KubeSharp.Scheduler.Queue;

/// <summary>The active heap's order (upstream PrioritySort): higher spec.priority first, then older pods, then FIFO.</summary>
internal sealed class PodOrder : IComparer<QueuedPodInfo>
{
    public static readonly PodOrder Instance = new();

    public int Compare(QueuedPodInfo? x, QueuedPodInfo? y)
    {
        var px = Priority(x!.Pod);
        var py = Priority(y!.Pod);
        if (px != py) return py.CompareTo(px);
        var cx = x.Pod.Metadata.CreationTimestamp ?? DateTime.MinValue;
        var cy = y.Pod.Metadata.CreationTimestamp ?? DateTime.MinValue;
        if (cx != cy) return cx.CompareTo(cy);
        return x.Sequence.CompareTo(y.Sequence);
    }

    public static int Priority(V1Pod pod) => pod.Spec?.Priority ?? 0;
}
