using k8s.Models;

namespace KubeSharp.Kubelet.Volumes;

/// <summary>hostPath with upstream's type checks; the OrCreate types create what is missing (dirs 0755, files 0644).</summary>
internal static class HostPathVolume
{
    public static string SetUp(V1HostPathVolumeSource source)
    {
        var path = source.Path;
        var type = source.Type ?? "";
        switch (type)
        {
            case "":
                return path;
            case "DirectoryOrCreate":
                if (!Directory.Exists(path))
                {
                    if (File.Exists(path)) throw new VolumeException($"hostPath type check failed: {path} is not a directory");
                    Directory.CreateDirectory(path);
                }
                return path;
            case "Directory":
                if (!Directory.Exists(path)) throw new VolumeException($"hostPath type check failed: {path} is not a directory");
                return path;
            case "FileOrCreate":
                if (Directory.Exists(path)) throw new VolumeException($"hostPath type check failed: {path} is not a file");
                if (!File.Exists(path))
                {
                    File.WriteAllBytes(path, []);
                    File.SetUnixFileMode(path, (UnixFileMode)Convert.ToInt32("644", 8));
                }
                return path;
            case "File":
                if (!File.Exists(path)) throw new VolumeException($"hostPath type check failed: {path} is not a file");
                return path;
            case "Socket":
            case "CharDevice":
            case "BlockDevice":
                // .NET exposes no st_mode file type, so these three are checked as "exists and is neither a
                // directory nor a regular file": enough to catch the usual mistake of a missing path.
                var attributes = File.Exists(path) || Directory.Exists(path) ? File.GetAttributes(path) : (FileAttributes?)null;
                if (attributes == null || (attributes & FileAttributes.Directory) != 0 || IsRegularFile(path))
                {
                    throw new VolumeException($"hostPath type check failed: {path} is not a {type}");
                }
                return path;
            default:
                throw new VolumeException($"hostPath type \"{type}\" is not supported");
        }
    }

    private static bool IsRegularFile(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.None);
            return stream.CanSeek;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return false;
        }
    }
}
