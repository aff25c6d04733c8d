namespace KubeSharp.Kubelet.Nodes;

/// <summary>Figures of the host the node status is computed from. Implemented over /proc; tests inject their own.</summary>
public interface INodeResourceProbe
{
    NodeResourceFigures Read();
}

/// <summary>One reading. Bytes for memory and disk; counts for CPUs and PIDs.</summary>
public sealed record NodeResourceFigures(
    int CpuCount,
    long MemoryTotalBytes,
    long MemoryAvailableBytes,
    long FsTotalBytes,
    long FsAvailableBytes,
    long PidMax,
    long PidsInUse);
