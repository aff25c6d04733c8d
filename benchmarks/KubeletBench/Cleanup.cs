using KubeSharp.Agent.Host;

namespace KubeSharp.Benchmarks.KubeletBench;

internal static class Cleanup
{
    /// <summary>Unmounts what containerd left mounted under the dir, then deletes it.</summary>
    public static async Task DataDirAsync(string dir)
    {
        var mounts = File.ReadAllLines("/proc/self/mountinfo")
            .Select(l => l.Split(' ')[4])
            .Where(m => m.StartsWith(dir + "/", StringComparison.Ordinal))
            .OrderByDescending(m => m.Length)
            .ToList();
        foreach (var m in mounts) await HostCommand.RunAsync("umount", ["-l", m], TimeSpan.FromSeconds(10), CancellationToken.None);
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
    }

    /// <summary>Shims of a containerd that is gone keep their pods alive: the last resort after a failed run.</summary>
    public static void KillShims(string containerdSocket)
    {
        foreach (var pid in ProcStats.RuntimePids(containerdSocket))
        {
            try
            {
                System.Diagnostics.Process.GetProcessById(pid).Kill();
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
            }
        }
    }
}
