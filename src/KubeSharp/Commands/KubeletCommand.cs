using KubeSharp.Kubelet;
using KubeSharp.Kubelet.Cri;

namespace KubeSharp.Cli.Commands;

/// <summary>
/// <c>kubesharp kubelet --kubeconfig F --container-runtime-endpoint unix:///path</c>: the kubelet alone, against a
/// CRI runtime someone else runs (the agent runs its own containerd and its kubelet together).
/// </summary>
public static class KubeletCommand
{
    public static async Task<int> RunAsync(Flags flags)
    {
        var endpoint = flags.Get("container-runtime-endpoint");
        if (string.IsNullOrEmpty(endpoint))
        {
            await Console.Error.WriteLineAsync("error: --container-runtime-endpoint is required (e.g. unix:///run/containerd/containerd.sock)");
            return 2;
        }
        return await ComponentCommand.RunAsync(flags, async (kubeconfig, loggerFactory, ct) =>
        {
            var cri = GrpcCriClient.Create(endpoint);
            var rootDir = Path.GetFullPath(flags.Get("root-dir", "/var/lib/kubelet"));
            var host = await KubeletHost.StartAsync(new KubeletOptions
            {
                KubeconfigPath = kubeconfig,
                NodeName = (flags.Get("node-name") ?? System.Net.Dns.GetHostName()).ToLowerInvariant(),
                NodeIP = flags.Get("node-ip") ?? AgentCommand.DefaultNodeIp(),
                RootDir = rootDir,
                PodLogsDir = flags.Get("pod-logs-dir", "/var/log/pods"),
                Port = flags.GetInt("port", 10250),
                ClusterDns = [flags.Get("cluster-dns", "10.96.0.10")],
                CgroupParent = flags.Get("cgroup-parent", "kubepods"),
                MaxParallelPodStarts = flags.GetInt("max-parallel-pod-starts", KubeletOptions.DefaultMaxParallelPodStarts),
                Eviction = EvictionFlags.From(flags),
                ImageGc = new Kubelet.ImageGc.ImageGcPolicy
                {
                    HighThresholdPercent = flags.GetInt("image-gc-high-threshold", 85),
                    LowThresholdPercent = flags.GetInt("image-gc-low-threshold", 80),
                },
                EnableServer = true,
            }, cri, cri, loggerFactory, null, ct);
            return new RunningComponent(new Owned(host, cri), Task.Delay(Timeout.Infinite, ct), $"kubelet for node {host.NodeName}");
        });
    }

    /// <summary>Disposes the kubelet, then its CRI connection.</summary>
    private sealed class Owned(KubeletHost host, GrpcCriClient cri) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await host.DisposeAsync();
            cri.Dispose();
        }
    }
}
