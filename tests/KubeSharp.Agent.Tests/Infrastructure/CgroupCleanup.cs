namespace KubeSharp.Agent.Tests.Infrastructure;

/// <summary>
/// Removes a test kubelet's cgroup parent (its QoS and pod cgroups included) from every hierarchy. The kubelet removes
/// pod cgroups, but like upstream keeps the node-level parent, so a test node must remove it on teardown.
/// </summary>
public static class CgroupCleanup
{
    public static void RemoveParent(string parent, string cgroupRoot = "/sys/fs/cgroup")
    {
        if (!Directory.Exists(cgroupRoot)) return;
        // cgroup v1 hierarchies (cpu, memory, ...), the v2 "unified" mount in hybrid mode, or the v2 root itself.
        foreach (var hierarchy in Directory.GetDirectories(cgroupRoot).Append(cgroupRoot))
        {
            var dir = Path.Combine(hierarchy, parent.Trim('/'));
            if (Directory.Exists(dir)) RemoveTree(dir);
        }
    }

    private static void RemoveTree(string dir)
    {
        try
        {
            foreach (var child in Directory.GetDirectories(dir)) RemoveTree(child);
            // rmdir only: cgroupfs control files cannot be unlinked, and a cgroup with tasks stays (EBUSY).
            Directory.Delete(dir, false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.WriteLine($"cgroup {dir} not removed: {e.Message}");
        }
    }
}
