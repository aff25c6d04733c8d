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
        var meminfo = ReadMeminfo();
        var (fsTotal, fsAvailable) = ReadFs();
        return new NodeResourceFigures(Environment.ProcessorCount, meminfo.GetValueOrDefault("MemTotal"), meminfo.GetValueOrDefault("MemAvailable"), fsTotal, fsAvailable, ReadPidMax(), CountProcesses());
    }

    /// <summary>/proc/meminfo as bytes by field name ("MemTotal: 16318480 kB" → MemTotal = 16710123520); also
    /// read by the eviction manager for memory.available.</summary>
    internal static Dictionary<string, long> ReadMeminfo()
    {
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines("/proc/meminfo"))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var parts = line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (colon > 0 && parts.Length > 0 && long.TryParse(parts[0], CultureInfo.InvariantCulture, out var v))
                result[line[..colon]] = parts.Length > 1 && parts[1] == "kB" ? v * 1024 : v;
        }
        return result;
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

    /// <summary>Processes on the host (numeric /proc entries); also the eviction manager's pid.available.</summary>
    internal static long CountProcesses()
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
