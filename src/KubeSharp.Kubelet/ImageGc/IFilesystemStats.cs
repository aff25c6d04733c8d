namespace KubeSharp.Kubelet.ImageGc;

/// <summary>Capacity and free bytes of the filesystem holding a path (statfs), or null when it cannot be read.</summary>
public interface IFilesystemStats
{
    (long Capacity, long Available)? Stat(string path);
}

/// <summary>The host's filesystems, through statfs (DriveInfo).</summary>
public sealed class HostFilesystemStats : IFilesystemStats
{
    public (long Capacity, long Available)? Stat(string path)
    {
        try
        {
            var drive = new DriveInfo(path);
            return (drive.TotalSize, drive.AvailableFreeSpace);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }
}
