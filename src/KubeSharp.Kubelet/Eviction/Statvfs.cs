using System.Runtime.InteropServices;

namespace KubeSharp.Kubelet.Eviction;

/// <summary>statvfs(3): block and inode counts of the filesystem holding a path (DriveInfo has no inode figures).</summary>
internal static partial class Statvfs
{
    /// <summary>glibc's struct statvfs on 64-bit Linux: eleven unsigned longs, then spare ints.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Native
    {
        public ulong Bsize, Frsize, Blocks, Bfree, Bavail, Files, Ffree, Favail, Fsid, Flag, Namemax;
        public int Spare0, Spare1, Spare2, Spare3, Spare4, Spare5;
    }

    [LibraryImport("libc", EntryPoint = "statvfs", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int NativeStatvfs(string path, out Native buf);

    public sealed record Result(long CapacityBytes, long AvailableBytes, long Inodes, long InodesFree);

    public static Result? Read(string path)
    {
        if (NativeStatvfs(path, out var s) != 0) return null;
        var frsize = (long)(s.Frsize == 0 ? s.Bsize : s.Frsize);
        return new Result((long)s.Blocks * frsize, (long)s.Bavail * frsize, (long)s.Files, (long)s.Ffree);
    }
}
