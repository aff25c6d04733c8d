namespace KubeSharp.Kubelet.Eviction;

/// <summary>
/// The eviction signals upstream's kubelet knows on Linux, the resource each one reclaims (named in eviction
/// messages and used to rank pods) and the node condition it drives.
/// </summary>
public static class EvictionSignals
{
    public const string MemoryAvailable = "memory.available";
    public const string NodeFsAvailable = "nodefs.available";
    public const string NodeFsInodesFree = "nodefs.inodesFree";
    public const string ImageFsAvailable = "imagefs.available";
    public const string ImageFsInodesFree = "imagefs.inodesFree";
    public const string PidAvailable = "pid.available";

    public static readonly IReadOnlyList<string> All =
        [MemoryAvailable, NodeFsAvailable, NodeFsInodesFree, ImageFsAvailable, ImageFsInodesFree, PidAvailable];

    /// <summary>upstream's signalToResource.</summary>
    public static string Resource(string signal) => signal switch
    {
        MemoryAvailable => "memory",
        NodeFsAvailable or ImageFsAvailable => "ephemeral-storage",
        NodeFsInodesFree or ImageFsInodesFree => "inodes",
        PidAvailable => "pids",
        _ => throw new ArgumentException($"unknown eviction signal {signal}"),
    };

    /// <summary>upstream's signalToNodeCondition.</summary>
    public static string Condition(string signal) => signal switch
    {
        MemoryAvailable => "MemoryPressure",
        PidAvailable => "PIDPressure",
        _ => "DiskPressure",
    };

    public static bool IsDisk(string signal) => Condition(signal) == "DiskPressure";
}
