using System.Diagnostics;
using System.Globalization;

namespace KubeSharp.Testing;

/// <summary>The inotify watches this process holds, read from /proc/self/fdinfo (one "inotify wd:" line per watch).</summary>
public static class InotifyWatches
{
    /// <summary>How many of this process's inotify watches are on <paramref name="directory"/> itself.</summary>
    public static int On(string directory)
    {
        var inode = InodeOf(directory);
        var count = 0;
        foreach (var fdinfo in Directory.EnumerateFiles("/proc/self/fdinfo"))
        {
            IEnumerable<string> lines;
            try
            {
                lines = File.ReadAllLines(fdinfo);
            }
            catch (IOException)
            {
                continue; // the descriptor was closed meanwhile
            }
            foreach (var line in lines)
            {
                if (!line.StartsWith("inotify wd:", StringComparison.Ordinal)) continue;
                var ino = line.Split(' ').FirstOrDefault(f => f.StartsWith("ino:", StringComparison.Ordinal));
                if (ino != null && ulong.Parse(ino[4..], NumberStyles.HexNumber, CultureInfo.InvariantCulture) == inode) count++;
            }
        }
        return count;
    }

    private static ulong InodeOf(string path)
    {
        using var stat = Process.Start(new ProcessStartInfo("stat", ["-c", "%i", path]) { RedirectStandardOutput = true })!;
        var text = stat.StandardOutput.ReadToEnd().Trim();
        stat.WaitForExit();
        return ulong.Parse(text, CultureInfo.InvariantCulture);
    }
}
