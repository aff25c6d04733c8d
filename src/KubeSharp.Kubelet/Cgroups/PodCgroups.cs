using k8s.Models;
using KubeSharp.Kubelet.Pods;
using Microsoft.Extensions.Logging;

namespace KubeSharp.Kubelet.Cgroups;

/// <summary>
/// Pod-level cgroups with the cgroupfs driver (runtime-notes: no systemd here): the parent of a pod's containers is
/// /&lt;CgroupParent&gt;[/burstable|/besteffort]/pod&lt;uid&gt;, as upstream lays it out. The kubelet creates the pod's
/// directory in the cpu, cpuacct, memory and pids hierarchies before the sandbox (cpuset is left to runc, which
/// fills in cpus/mems from the parent) and removes it from every hierarchy when the pod is gone, since containerd
/// leaves pod-level cgroups behind. Pod-level limits are not written (containers carry their own).
/// </summary>
internal sealed partial class PodCgroups(KubeletOptions options, ILogger logger)
{
    private static readonly string[] CreatedIn = ["cpu", "cpuacct", "memory", "pids"];

    public string ParentFor(V1Pod pod)
    {
        var qos = QosClass.Of(pod) switch
        {
            QosClass.Burstable => "/burstable",
            QosClass.BestEffort => "/besteffort",
            _ => "",
        };
        return $"/{options.CgroupParent.Trim('/')}{qos}/pod{pod.Metadata.Uid}";
    }

    public void Create(string parent)
    {
        if (!options.ManagePodCgroups) return;
        foreach (var hierarchy in Hierarchies(forCreate: true))
        {
            try
            {
                Directory.CreateDirectory(hierarchy + parent);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                LogCgroupFailed(logger, "create", hierarchy + parent, e.Message);
            }
        }
    }

    /// <summary>Removes pod&lt;uid&gt; (and its empty children) from every hierarchy; a cgroup that still has tasks stays.</summary>
    public void Remove(string uid)
    {
        if (!options.ManagePodCgroups) return;
        var name = "pod" + uid;
        foreach (var hierarchy in Hierarchies(forCreate: false))
        {
            var root = Path.Combine(hierarchy, options.CgroupParent.Trim('/'));
            foreach (var candidate in new[] { root, Path.Combine(root, "burstable"), Path.Combine(root, "besteffort") })
            {
                var dir = Path.Combine(candidate, name);
                if (Directory.Exists(dir)) RemoveTree(dir);
            }
        }
    }

    private void RemoveTree(string dir)
    {
        try
        {
            foreach (var child in Directory.GetDirectories(dir)) RemoveTree(child);
            // rmdir, not a recursive delete: cgroupfs control files cannot be unlinked, only the directory removed.
            Directory.Delete(dir, false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogCgroupFailed(logger, "remove", dir, e.Message);
        }
    }

    private IEnumerable<string> Hierarchies(bool forCreate)
    {
        var root = options.CgroupRoot;
        if (!Directory.Exists(root)) yield break;
        if (File.Exists(Path.Combine(root, "cgroup.controllers")))
        {
            yield return root;
            yield break;
        }
        foreach (var dir in Directory.GetDirectories(root))
        {
            var name = Path.GetFileName(dir);
            if (forCreate && !CreatedIn.Contains(name)) continue;
            // Skip the comounted aliases (cpu,cpuacct is also reachable as cpu and cpuacct links).
            if (new DirectoryInfo(dir).LinkTarget != null) continue;
            yield return dir;
        }
    }

    [LoggerMessage(EventId = 6101, Level = LogLevel.Warning, Message = "Could not {Action} cgroup {Path}: {Error}")]
    private static partial void LogCgroupFailed(ILogger logger, string action, string path, string error);
}
