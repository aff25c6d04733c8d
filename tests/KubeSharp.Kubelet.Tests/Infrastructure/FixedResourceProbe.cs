using KubeSharp.Kubelet.Nodes;

namespace KubeSharp.Kubelet.Tests.Infrastructure;

/// <summary>Host figures a test chooses (4 CPUs, 8 GiB, 100 GiB disk unless changed), so capacity is predictable.</summary>
public sealed class FixedResourceProbe : INodeResourceProbe
{
    public NodeResourceFigures Figures { get; set; } = new(
        CpuCount: 4,
        MemoryTotalBytes: 8L << 30,
        MemoryAvailableBytes: 6L << 30,
        FsTotalBytes: 100L << 30,
        FsAvailableBytes: 60L << 30,
        PidMax: 4_194_304,
        PidsInUse: 300);

    public NodeResourceFigures Read() => Figures;
}
