using System.Globalization;

namespace KubeSharp.Kubelet.Nodes;

/// <summary>
/// Reads the real host: CPUs from the runtime, MemTotal/MemAvailable from /proc/meminfo, the root dir's filesystem
/// for disk (ephemeral-storage), /proc/sys/kernel/pid_max and the number of processes for PIDs.
/// </summary>
public sealed class HostResourceProbe(string rootDir) : INodeResourceProbe
{
    public NodeResourceFigures Read()
    {
        var (total, available) = ReadMeminfo();
        var (fsTotal, fsAvailable) = ReadFs();
        return new NodeResourceFigures(Environment.ProcessorCount, total, available, fsTotal, fsAvailable, ReadPidMax(), CountProcesses());
    }

    private static (long Total, long Available) ReadMeminfo()
    {
        long total = 0, available = 0;
        foreach (var line in File.ReadLines("/proc/meminfo"))
        {
            // "MemTotal:       16318480 kB"
            if (line.StartsWith("MemTotal:", StringComparison.Ordinal)) total = KiloBytes(line);
            else if (line.StartsWith("MemAvailable:", StringComparison.Ordinal)) available = KiloBytes(line);
        }
        return (total, available);
    }

    private static long KiloBytes(string line)
    {
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return long.Parse(parts[1], CultureInfo.InvariantCulture) * 1024;
    }

    private (long Total, long Available) ReadFs()
    {
        var dir = rootDir;
        while (!Directory.Exists(dir))
        {
            var parent = Path.GetDirectoryName(dir);
            if (string.IsNullOrEmpty(parent)) break;
            dir = parent;
        }
        var drive = new DriveInfo(Directory.Exists(dir) ? dir : "/");
        return (drive.TotalSize, drive.AvailableFreeSpace);
    }

    private static long ReadPidMax()
    {
        try
        {
            return long.Parse(File.ReadAllText("/proc/sys/kernel/pid_max").Trim(), CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 32768;
        }
    }

    private static long CountProcesses()
    {
        long count = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            var name = Path.GetFileName(dir);
            if (name.Length > 0 && char.IsAsciiDigit(name[0])) count++;
        }
        return count;
    }
}
