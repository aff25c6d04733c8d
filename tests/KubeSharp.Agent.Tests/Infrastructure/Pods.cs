using System.Diagnostics;
using KubeSharp.Agent.Images;
using KubeSharp.Kubelet.Cri;
using KubeSharp.Kubelet.Cri.V1;

namespace KubeSharp.Agent.Tests.Infrastructure;

/// <summary>CRI requests shaped like the kubelet's, and a record of how long each step took.</summary>
public static class Pods
{
    public static readonly List<string> Timings = [];

    public static PodSandboxConfig Sandbox(AgentOptions options, string name)
    {
        var uid = Guid.NewGuid().ToString();
        var logDir = Path.Combine(options.DataDir, "pods", uid);
        Directory.CreateDirectory(logDir);
        return new PodSandboxConfig
        {
            Metadata = new PodSandboxMetadata { Name = name, Uid = uid, Namespace = "default", Attempt = 0 },
            Hostname = name,
            LogDirectory = logDir,
            Labels = { ["io.kubernetes.pod.name"] = name },
            Linux = new LinuxPodSandboxConfig(),
        };
    }

    public static ContainerConfig Busybox(string name, params string[] command)
    {
        var config = new ContainerConfig
        {
            Metadata = new ContainerMetadata { Name = name },
            Image = new ImageSpec { Image = LocalImages.BusyboxImage },
            LogPath = name + ".log",
            Linux = new LinuxContainerConfig(),
        };
        config.Command.AddRange(command);
        return config;
    }

    public static async Task<string> RunSandboxAsync(GrpcCriClient cri, PodSandboxConfig config)
    {
        var sw = Stopwatch.StartNew();
        var id = await cri.RunPodSandboxAsync(config, "", CancellationToken.None);
        Record($"RunPodSandbox {sw.ElapsedMilliseconds} ms");
        return id;
    }

    public static async Task<string> StartContainerAsync(GrpcCriClient cri, string sandboxId, PodSandboxConfig sandbox, ContainerConfig config)
    {
        var sw = Stopwatch.StartNew();
        var id = await cri.CreateContainerAsync(sandboxId, config, sandbox, CancellationToken.None);
        var created = sw.ElapsedMilliseconds;
        await cri.StartContainerAsync(id, CancellationToken.None);
        Record($"CreateContainer {created} ms, StartContainer {sw.ElapsedMilliseconds - created} ms");
        return id;
    }

    private static void Record(string line)
    {
        lock (Timings) Timings.Add(line);
        Console.WriteLine("[timing] " + line);
    }
}
