using k8s.Models;
using KubeSharp.Agent.Network;
using KubeSharp.Client.Rest;
using KubeSharp.Kubelet;
using KubeSharp.Testing;
using Eventually = KubeSharp.Testing.Eventually;

namespace KubeSharp.Agent.Tests.EndToEnd;

/// <summary>
/// A one-node cluster in the test process: a real API server and a real agent (own containerd, CNI bridge and pod
/// CIDR, kubelet with its HTTPS server) talking to it over HTTPS. Pods name the node directly (no scheduler), so
/// the tests measure the node path alone. Cleanup removes every sandbox (CNI DEL) before containerd stops.
/// </summary>
public sealed class NodeFixture : IAsyncLifetime
{
    private readonly ApiServerFixture _api = new();
    private AgentHost? _agent;

    public AgentOptions Options { get; private set; } = null!;
    public string NodeName { get; } = "node-" + TestHost.Suffix();
    public KubeClient Client => _api.Client;
    public string Kubeconfig => _api.KubeconfigPath;
    public Kubectl Kubectl => new(_api.KubeconfigPath, Path.Combine(_api.DataDir, "kubectl-cache"));
    public AgentHost Agent => _agent ?? throw new InvalidOperationException("agent not started");

    public async Task InitializeAsync()
    {
        await _api.InitializeAsync();
        var suffix = TestHost.Suffix();
        Options = new AgentOptions
        {
            DataDir = TestHost.TempDir("ks-node"),
            BridgeName = "ks" + suffix,
            PodCidr = await TestHost.FreePodCidrAsync(),
            StreamServerPort = 0,
        };
        try
        {
            _agent = await AgentHost.StartAsync(Options, new KubeletOptions
            {
                KubeconfigPath = _api.KubeconfigPath,
                NodeName = NodeName,
                NodeIP = "127.0.0.1",
                RootDir = Path.Combine(Options.DataDir, "kubelet"),
                PodLogsDir = Path.Combine(Options.DataDir, "pod-logs"),
                CgroupParent = "kubesharp-test-" + suffix,
                Port = 0,
            }, proxy: null, ConsoleTestLoggerFactory.Instance, CancellationToken.None);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async Task<string> NewNamespaceAsync(string prefix) => await _api.NewNamespaceAsync(prefix);

    /// <summary>Creates the pod on this node and waits until it is Running with every container ready.</summary>
    public async Task<V1Pod> RunPodAsync(V1Pod pod, TimeSpan? timeout = null)
    {
        pod.Spec.NodeName = NodeName;
        await Client.For<V1Pod>().CreateAsync(pod);
        return await Eventually.ValueAsync(() => Client.For<V1Pod>().GetAsync(pod.Metadata.NamespaceProperty, pod.Metadata.Name),
            p => p.Status?.Phase == "Running" && p.Status.ContainerStatuses?.All(c => c.Ready) == true,
            $"pod {pod.Metadata.Name} running and ready", timeout ?? TimeSpan.FromSeconds(90));
    }

    public async Task DisposeAsync()
    {
        if (_agent != null)
        {
            try
            {
                // The kubelet goes first: while it runs it would recreate the sandboxes of pods the API still has,
                // and containerd stopping under them would leave their shims behind.
                await _agent.Kubelet.DisposeAsync();
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                foreach (var sandbox in await _agent.Runtime.Cri.ListPodSandboxAsync(null, cts.Token))
                {
                    await _agent.Runtime.Cri.StopPodSandboxAsync(sandbox.Id, cts.Token);
                    await _agent.Runtime.Cri.RemovePodSandboxAsync(sandbox.Id, cts.Token);
                }
            }
            finally
            {
                await _agent.DisposeAsync();
                _agent = null;
                RuntimeFixture.KillOrphanShims(Options);
            }
        }
        if (Options != null)
        {
            await HostNetworkCleanup.RunAsync(Options, CancellationToken.None);
            await RuntimeFixture.DeleteDataDirAsync(Options.DataDir);
        }
        await _api.DisposeAsync();
    }
}
