namespace KubeSharp.Agent.Host;

/// <summary>
/// Last-resort cleanup of what a node runtime can leave on the host after a crash or a failed teardown: shims of
/// its containerd (they keep pods alive without it) and mounts under its data dir. Used by tests and benchmarks
/// that run node runtimes side by side; every match is by this runtime's own socket or directory.
/// </summary>
public static class NodeLeftovers
{
    /// <summary>PIDs of containerd shims serving the containerd at <paramref name="containerdSocket"/>.</summary>
    public static IReadOnlyList<int> ShimPids(string containerdSocket)
    {
        var pids = new List<int>();
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            var cmdline = Signals.CommandLine(pid);
            if (cmdline is not null && cmdline.Contains("containerd-shim", StringComparison.Ordinal) &&
                cmdline.Contains("-address " + containerdSocket, StringComparison.Ordinal))
                pids.Add(pid);
        }
        return pids;
    }

    /// <summary>SIGKILLs the shims of that containerd; returns the PIDs killed.</summary>
    public static IReadOnlyList<int> KillShims(string containerdSocket)
    {
        var pids = ShimPids(containerdSocket);
        foreach (var pid in pids) Signals.Send(pid, Signals.SIGKILL);
        return pids;
    }

    /// <summary>Unmounts whatever containerd left mounted under the dir (deepest first), then deletes it.</summary>
    public static async Task DeleteDataDirAsync(string dir)
    {
        var mounts = File.ReadAllLines("/proc/self/mountinfo")
            .Select(l => l.Split(' ')[4])
            .Where(m => m.StartsWith(dir + "/", StringComparison.Ordinal))
            .OrderByDescending(m => m.Length)
            .ToList();
        foreach (var m in mounts)
            await HostCommand.RunAsync("umount", ["-l", m], TimeSpan.FromSeconds(10), CancellationToken.None);
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
    }
}
