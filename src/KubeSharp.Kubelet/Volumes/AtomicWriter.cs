namespace KubeSharp.Kubelet.Volumes;

/// <summary>
/// Writes a set of files into a volume directory so that readers never see a half-updated set (upstream's
/// AtomicWriter): the payload goes into a fresh hidden "..&lt;timestamp&gt;" directory, the "..data" symlink is
/// swapped to it with one rename, and each user-visible top-level name is a symlink through "..data".
/// Rewriting the same payload is a no-op.
/// </summary>
internal static partial class AtomicWriter
{
    [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "rename", SetLastError = true, StringMarshalling = System.Runtime.InteropServices.StringMarshalling.Utf8)]
    private static partial int Rename(string oldPath, string newPath);

    private const string DataLink = "..data";

    public sealed record FileEntry(string Path, byte[] Content, int Mode);

    public static void Write(string targetDir, IReadOnlyList<FileEntry> files)
    {
        Directory.CreateDirectory(targetDir);
        foreach (var f in files) Validate(f.Path);
        var dataLink = Path.Combine(targetDir, DataLink);
        var currentTarget = File.Exists(dataLink) || Directory.Exists(dataLink) ? new FileInfo(dataLink).LinkTarget : null;
        if (currentTarget != null && SameContent(Path.Combine(targetDir, currentTarget), files)) return;

        var stamp = ".." + DateTime.UtcNow.ToString("yyyy_MM_dd_HH_mm_ss.fffffff", System.Globalization.CultureInfo.InvariantCulture);
        var payloadDir = Path.Combine(targetDir, stamp);
        Directory.CreateDirectory(payloadDir);
        foreach (var f in files)
        {
            var path = Path.Combine(payloadDir, f.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, f.Content);
            File.SetUnixFileMode(path, (UnixFileMode)f.Mode);
        }
        var tmpLink = Path.Combine(targetDir, "..data_tmp");
        if (File.Exists(tmpLink) || new FileInfo(tmpLink).LinkTarget != null) File.Delete(tmpLink);
        File.CreateSymbolicLink(tmpLink, stamp);
        // rename(2) replaces the old link in one step; File.Move would refuse a destination that resolves to a directory.
        if (Rename(tmpLink, dataLink) != 0) throw new IOException($"rename {tmpLink} -> {dataLink} failed: errno {System.Runtime.InteropServices.Marshal.GetLastPInvokeError()}");

        var wanted = files.Select(f => f.Path.Split('/')[0]).ToHashSet();
        foreach (var name in wanted)
        {
            var link = Path.Combine(targetDir, name);
            if (new FileInfo(link).LinkTarget == null) File.CreateSymbolicLink(link, Path.Combine(DataLink, name));
        }
        // Names no longer in the payload go, and so does the previous payload directory.
        foreach (var entry in new DirectoryInfo(targetDir).EnumerateFileSystemInfos())
        {
            if (entry.Name.StartsWith("..", StringComparison.Ordinal))
            {
                if (entry.Name != DataLink && entry.Name != stamp && entry is DirectoryInfo old) old.Delete(true);
                continue;
            }
            if (!wanted.Contains(entry.Name) && entry.LinkTarget != null) entry.Delete();
        }
    }

    private static bool SameContent(string dir, IReadOnlyList<FileEntry> files)
    {
        if (!Directory.Exists(dir)) return false;
        var existing = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Count();
        if (existing != files.Count) return false;
        foreach (var f in files)
        {
            var path = Path.Combine(dir, f.Path);
            if (!File.Exists(path) || !File.ReadAllBytes(path).AsSpan().SequenceEqual(f.Content)) return false;
            if ((int)File.GetUnixFileMode(path) != f.Mode) return false;
        }
        return true;
    }

    /// <summary>Paths are relative, without ".." elements, and do not start with ".." (reserved for our links).</summary>
    private static void Validate(string path)
    {
        if (path.Length == 0 || path.StartsWith('/') || path.Split('/').Any(p => p == ".." || p.Length == 0) || path.StartsWith("..", StringComparison.Ordinal))
        {
            throw new VolumeException($"invalid path \"{path}\" in volume payload");
        }
    }
}

/// <summary>A volume cannot be set up (upstream's FailedMount): missing source object, bad hostPath type...</summary>
internal sealed class VolumeException(string message) : Exception(message);
