using KubeSharp.Agent.Host;

namespace KubeSharp.Agent.Tests.Infrastructure;

/// <summary>Removes a test kubelet's cgroup parent on teardown and says which cgroups stayed (NodeLeftovers).</summary>
public static class CgroupCleanup
{
    public static void RemoveParent(string parent)
    {
        foreach (var failure in NodeLeftovers.RemoveCgroupParent(parent)) Console.WriteLine($"cgroup not removed: {failure}");
    }
}
