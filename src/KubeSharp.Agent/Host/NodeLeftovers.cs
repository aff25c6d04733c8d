namespace KubeSharp.Agent.Host;

/// <summary>
/// Last-resort cleanup of what a node runtime can leave on the host after a crash or a failed teardown: shims of
/// its containerd (they keep pods alive without it), mounts under its data dir, and its kubelet's cgroup parent (the
/// kubelet removes pod cgroups but, like upstream, keeps the node-level parent). Used by tests and benchmarks
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

    /// <summary>
    /// Removes a kubelet's cgroup parent (its QoS and pod cgroups included) from every hierarchy: the cgroup v1
    /// hierarchies (cpu, memory, ...), the v2 "unified" mount in hybrid mode, or the v2 root itself. A cgroup that still
    /// has tasks stays (rmdir answers EBUSY); returns the directories that could not be removed.
    /// </summary>
    public static IReadOnlyList<string> RemoveCgroupParent(string parent, string cgroupRoot = "/sys/fs/cgroup")
    {
        var failed = new List<string>();
        if (!Directory.Exists(cgroupRoot)) return failed;
        foreach (var hierarchy in Directory.GetDirectories(cgroupRoot).Append(cgroupRoot))
        {
            var dir = Path.Combine(hierarchy, parent.Trim('/'));
            if (Directory.Exists(dir)) RemoveCgroupTree(dir, failed);
        }
        return failed;
    }

    private static void RemoveCgroupTree(string dir, List<string> failed)
    {
        try
        {
            foreach (var child in Directory.GetDirectories(dir)) RemoveCgroupTree(child, failed);
            // rmdir only: cgroupfs control files cannot be unlinked, only the directory removed.
            Directory.Delete(dir, false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            failed.Add($"{dir}: {e.Message}");
        }
    }
}
