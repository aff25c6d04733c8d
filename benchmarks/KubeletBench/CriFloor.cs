using System.Diagnostics;
using KubeSharp.Agent;
using KubeSharp.Agent.Images;
using KubeSharp.Agent.Network;
using KubeSharp.Kubelet.Cri;
using KubeSharp.Kubelet.Cri.V1;
using Microsoft.Extensions.Logging.Abstractions;

namespace KubeSharp.Benchmarks.KubeletBench;

/// <summary>
/// The floor: the same pods started straight through CRI on the agent's own containerd, no kubelet and no API
/// server. One pod = RunPodSandbox + CreateContainer + StartContainer of a busybox `sleep`, with bridge networking.
/// </summary>
internal sealed class CriFloor(BenchOptions options)
{
    public async Task<PathFigures> RunAsync(CancellationToken ct)
    {
        var agent = new AgentOptions
        {
            DataDir = Path.Combine("/tmp", "kb-cri-" + Guid.NewGuid().ToString("N")[..8]),
            BridgeName = "kbcri" + Random.Shared.Next(1000, 9999),
            PodCidr = options.CriPodCidr,
        };
        Console.WriteLine($"CRI floor: node runtime in {agent.DataDir}, bridge {agent.BridgeName}, pods {agent.PodCidr}");
        var runtime = await NodeRuntime.StartAsync(agent, NullLoggerFactory.Instance, null, ct);
        try
        {
            var cri = runtime.Cri;
            await StartPodAsync(cri, agent, "warmup", ct);
            await RemoveAllAsync(cri, ct);

            var single = new List<double>();
            for (var i = 0; i < options.SingleRuns; i++)
            {
                var sw = Stopwatch.StartNew();
                await StartPodAsync(cri, agent, $"single-{i}", ct);
                single.Add(sw.Elapsed.TotalSeconds);
                await RemoveAllAsync(cri, ct);
            }

            var socket = agent.ContainerdSocket;
            // Seconds from the burst's start at which each pod's StartContainer returned.
            Task<double[]> BurstAsync(string prefix)
            {
                var clock = Stopwatch.StartNew();
                return Task.WhenAll(Enumerable.Range(0, options.BurstPods).Select(async i =>
                {
                    await StartPodAsync(cri, agent, $"{prefix}-{i}", ct);
                    return clock.Elapsed.TotalSeconds;
                }));
            }
            for (var w = 0; w < options.WarmupBursts; w++)
            {
                await BurstAsync($"warm-{w}");
                await RemoveAllAsync(cri, ct);
            }
            var cpu = 0.0;
            var lasts = new List<double>();
            var p50s = new List<double>();
            for (var b = 0; b < options.Bursts; b++)
            {
                var cpuBefore = ProcStats.RuntimeCpuSeconds(socket);
                var done = await BurstAsync($"burst-{b}");
                lasts.Add(done.Max());
                cpu += ProcStats.RuntimeCpuSeconds(socket) - cpuBefore;
                p50s.Add(Stats.Median(done));
                await RemoveAllAsync(cri, ct);
            }
            return new PathFigures { Single = single, BurstLasts = lasts, BurstP50s = p50s, BurstRuntimeCpu = cpu };
        }
        finally
        {
            try
            {
                await RemoveAllAsync(runtime.Cri, CancellationToken.None);
            }
            finally
            {
                await runtime.DisposeAsync();
                await HostNetworkCleanup.RunAsync(agent, CancellationToken.None);
                await KubeSharp.Agent.Host.NodeLeftovers.DeleteDataDirAsync(agent.DataDir);
            }
        }
    }

    private static async Task StartPodAsync(GrpcCriClient cri, AgentOptions agent, string name, CancellationToken ct)
    {
        var uid = Guid.NewGuid().ToString();
        var logDir = Path.Combine(agent.DataDir, "pods", uid);
        Directory.CreateDirectory(logDir);
        var sandbox = new PodSandboxConfig
        {
            Metadata = new PodSandboxMetadata { Name = name, Uid = uid, Namespace = "bench" },
            Hostname = name,
            LogDirectory = logDir,
            Linux = new LinuxPodSandboxConfig(),
        };
        var sandboxId = await cri.RunPodSandboxAsync(sandbox, "", ct);
        var container = new ContainerConfig
        {
            Metadata = new ContainerMetadata { Name = "c" },
            Image = new ImageSpec { Image = LocalImages.BusyboxImage },
            LogPath = "c.log",
            Linux = new LinuxContainerConfig(),
        };
        container.Command.AddRange(["sleep", "3600"]);
        var id = await cri.CreateContainerAsync(sandboxId, container, sandbox, ct);
        await cri.StartContainerAsync(id, ct);
    }

    private static async Task RemoveAllAsync(GrpcCriClient cri, CancellationToken ct)
    {
        foreach (var sandbox in await cri.ListPodSandboxAsync(null, ct))
        {
            await cri.StopPodSandboxAsync(sandbox.Id, ct);
            await cri.RemovePodSandboxAsync(sandbox.Id, ct);
        }
    }
}
