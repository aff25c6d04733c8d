using k8s.Models;
using KubeSharp.Kubelet.Cri;
using KubeSharp.Kubelet.Nodes;
using KubeSharp.Kubelet.Pods;
using KubeSharp.Kubelet.Volumes;

namespace KubeSharp.Kubelet.Eviction;

/// <summary>
/// The real node, read the way upstream's summary provider does: memory.available = machine memory − working set of
/// the root cgroup (usage − inactive file pages); nodefs = statvfs of the kubelet's root dir; imagefs = statvfs of
/// the runtime's image filesystem (CRI ImageFsInfo); pid.available = pid_max − processes. Pod memory and processes
/// come from the pod's cgroup (containers are its children, named by container id under containerd's cgroupfs
/// driver); pod disk usage is its log files plus its directory under the root dir (emptyDir and projected volumes).
/// Containers' writable layers are not counted: CRI container stats are not implemented yet.
/// </summary>
internal sealed class HostEvictionStats(KubeletOptions options, IRuntimeService runtime, IImageService images, PodDirs dirs, Func<V1Pod, string> cgroupParent)
    : IEvictionStatsProvider
{
    public async Task<EvictionStats> ReadAsync(IReadOnlyList<V1Pod> pods, CancellationToken ct)
    {
        var signals = new Dictionary<string, SignalObservation>(StringComparer.Ordinal);
        if (ReadMemory() is { } memory) signals[EvictionSignals.MemoryAvailable] = memory;
        if (Statvfs.Read(ExistingDir(options.RootDir)) is { } nodefs)
        {
            signals[EvictionSignals.NodeFsAvailable] = new(nodefs.AvailableBytes, nodefs.CapacityBytes);
            if (nodefs.Inodes > 0) signals[EvictionSignals.NodeFsInodesFree] = new(nodefs.InodesFree, nodefs.Inodes);
        }
        var imageFsPath = await ImageFsMountpointAsync(ct);
        if (imageFsPath != null && Statvfs.Read(ExistingDir(imageFsPath)) is { } imagefs)
        {
            signals[EvictionSignals.ImageFsAvailable] = new(imagefs.AvailableBytes, imagefs.CapacityBytes);
            if (imagefs.Inodes > 0) signals[EvictionSignals.ImageFsInodesFree] = new(imagefs.InodesFree, imagefs.Inodes);
        }
        var pidMax = ReadLong("/proc/sys/kernel/pid_max");
        if (pidMax is > 0) signals[EvictionSignals.PidAvailable] = new(pidMax.Value - HostResourceProbe.CountProcesses(), pidMax.Value);

        var containers = await runtime.ListContainersAsync(null, ct);
        var byPod = containers.GroupBy(c => c.Labels.GetValueOrDefault(KubeletLabels.PodUid, "")).ToDictionary(g => g.Key, g => g.ToList());
        var usage = new Dictionary<string, PodUsage>(StringComparer.Ordinal);
        foreach (var pod in pods)
        {
            var uid = pod.Metadata.Uid;
            var memoryDir = CgroupDir("memory", cgroupParent(pod));
            var logs = dirs.PodLogs(pod.Metadata.NamespaceProperty, pod.Metadata.Name, uid);
            var running = byPod.GetValueOrDefault(uid, [])
                .Where(c => c.State == Cri.V1.ContainerState.ContainerRunning)
                .ToList();
            var containerUsage = running.Select(c => new ContainerUsage(c.Metadata.Name,
                    WorkingSet(Path.Combine(memoryDir, c.Id)),
                    DirectorySize(Path.Combine(logs, c.Metadata.Name))))
                .ToList();
            usage[uid] = new PodUsage(
                WorkingSet(memoryDir),
                DirectorySize(logs) + DirectorySize(dirs.Pod(uid)),
                ReadLong(Path.Combine(CgroupDir("pids", cgroupParent(pod)), "pids.current")),
                containerUsage);
        }
        return new EvictionStats(signals, usage);
    }

    private async Task<string?> ImageFsMountpointAsync(CancellationToken ct)
    {
        try
        {
            var info = await images.ImageFsInfoAsync(ct);
            return info.ImageFilesystems.FirstOrDefault()?.FsId?.Mountpoint is { Length: > 0 } m ? m : null;
        }
        catch (CriException)
        {
            return null;
        }
    }

    // The hierarchy does not change while the kubelet runs: checked once, not per read.
    private readonly Lazy<bool> _unified = new(() => File.Exists(Path.Combine(options.CgroupRoot, "cgroup.controllers")));

    private bool IsUnified => _unified.Value;

    private string CgroupDir(string controller, string parent) =>
        (IsUnified ? options.CgroupRoot : Path.Combine(options.CgroupRoot, controller)) + parent;

    /// <summary>Root cgroup: usage_in_bytes on v1; v2 has no root memory.current, so usage is MemTotal − MemFree.</summary>
    private SignalObservation? ReadMemory()
    {
        var meminfo = HostResourceProbe.ReadMeminfo();
        if (!meminfo.TryGetValue("MemTotal", out var capacity)) return null;
        long usage;
        long inactiveFile;
        if (IsUnified)
        {
            usage = capacity - meminfo.GetValueOrDefault("MemFree");
            inactiveFile = ReadStat(Path.Combine(options.CgroupRoot, "memory.stat"), "inactive_file") ?? meminfo.GetValueOrDefault("Inactive(file)");
        }
        else
        {
            var root = Path.Combine(options.CgroupRoot, "memory");
            usage = ReadLong(Path.Combine(root, "memory.usage_in_bytes")) ?? capacity - meminfo.GetValueOrDefault("MemFree");
            inactiveFile = ReadStat(Path.Combine(root, "memory.stat"), "total_inactive_file") ?? 0;
        }
        var workingSet = Math.Max(0, usage - inactiveFile);
        return new SignalObservation(capacity - workingSet, capacity);
    }

    /// <summary>A cgroup's working set (cAdvisor's): usage minus inactive file pages; null when the cgroup is not there.</summary>
    private long? WorkingSet(string dir)
    {
        if (!Directory.Exists(dir)) return null;
        var usage = ReadLong(Path.Combine(dir, IsUnified ? "memory.current" : "memory.usage_in_bytes"));
        if (usage == null) return null;
        var inactive = ReadStat(Path.Combine(dir, "memory.stat"), IsUnified ? "inactive_file" : "total_inactive_file") ?? 0;
        return Math.Max(0, usage.Value - inactive);
    }

    private static long? ReadStat(string file, string key) => CgroupFiles.ReadKeyed(file, key);

    private static long? ReadLong(string file) => CgroupFiles.ReadNumber(file);

    /// <summary>Bytes of the regular files under a directory (symlinks are not followed: hostPath and atomic-writer links).</summary>
    private static long DirectorySize(string dir)
    {
        if (!Directory.Exists(dir)) return 0;
        long total = 0;
        try
        {
            var enumeration = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
            foreach (var file in new DirectoryInfo(dir).EnumerateFiles("*", enumeration)) total += file.Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Files come and go while a pod runs; a partial sum is still a useful ranking.
        }
        return total;
    }

    private static string ExistingDir(string path)
    {
        var dir = path;
        while (!Directory.Exists(dir))
        {
            var parent = Path.GetDirectoryName(dir);
            if (string.IsNullOrEmpty(parent)) return "/";
            dir = parent;
        }
        return dir;
    }
}
