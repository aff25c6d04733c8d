using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using k8s.Models;
using KubeSharp.Agent.Host;
using KubeSharp.Agent.Network;
using KubeSharp.Client.Rest;
using KubeSharp.ControllerManager;
using KubeSharp.Proxy;
using KubeSharp.Testing;
using Eventually = KubeSharp.Testing.Eventually;

namespace KubeSharp.Agent.Tests.EndToEnd;

/// <summary>
/// A one-node cluster whose node is the Native AOT <c>kubesharp-node agent</c> binary as a child process (containerd,
/// kubelet and kube-proxy in iptables mode, each host resource its own), against an API server and the service
/// controllers in the test process. The unit tests run the node code under the JIT; only this fixture shows that
/// the ahead-of-time compiled binary does the same (no reflection path left that trimming broke).
/// The binary comes from scripts/publish-node.sh, which compiles it when a source is newer (./test.sh runs it first).
/// </summary>
public sealed class NativeNodeFixture : IAsyncLifetime
{
    private readonly ApiServerFixture _api;
    private ControllerManagerHost? _controllers;
    private Process? _agent;
    private StreamWriter? _log;

    public NativeNodeFixture()
    {
        ServiceCidr = $"10.{100 + RandomNumberGenerator.GetInt32(90)}.0.0/16";
        _api = new ApiServerFixture { ServiceClusterIpRange = ServiceCidr };
    }

    public string Binary { get; private set; } = "";
    public string NodeName { get; } = "native-" + TestHost.Suffix();
    public string ServiceCidr { get; }
    public AgentOptions Options { get; private set; } = null!;
    public string ChainPrefix { get; } = "KN" + TestHost.Suffix()[..3].ToUpperInvariant() + "-";
    public string CgroupParent { get; } = "kubesharp-native-" + TestHost.Suffix();
    public string LogPath => Path.Combine(Options.DataDir, "agent.log");
    public int AgentPid => _agent?.Id ?? throw new InvalidOperationException("agent not running");
    public KubeClient Client => _api.Client;
    public Kubectl Kubectl => new(_api.KubeconfigPath, Path.Combine(_api.DataDir, "kubectl-cache"));

    public async Task InitializeAsync()
    {
        Binary = await PublishAsync();
        await _api.InitializeAsync();
        Options = new AgentOptions
        {
            DataDir = TestHost.TempDir("ks-native"),
            BridgeName = "kn" + TestHost.Suffix(),
            PodCidr = await TestHost.FreePodCidrAsync(),
        };
        try
        {
            _controllers = await ControllerManagerHost.StartAsync(new ControllerManagerOptions
            {
                KubeconfigPath = _api.KubeconfigPath,
                LeaderElect = false,
                Controllers = [ControllerNames.Endpoints, ControllerNames.EndpointSlice],
            }, ConsoleTestLoggerFactory.Instance, CancellationToken.None);
            StartAgent();
            await Eventually.WaitAsync(async () =>
            {
                if (_agent!.HasExited) throw new InvalidOperationException($"kubesharp-node exited with {_agent.ExitCode}:\n{ReadLog()}");
                var nodes = await Client.For<V1Node>().ListAsync(null);
                return nodes.Items.Any(n => n.Metadata.Name == NodeName && n.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true);
            }, $"node {NodeName} Ready", TimeSpan.FromSeconds(120));
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts <c>kubesharp-node agent</c> on the fixture's data dir (again after <see cref="StopAgentAsync"/>: it adopts the pods).</summary>
    public void StartAgent()
    {
        var psi = new ProcessStartInfo(Binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // The node IP is the host's default-route address, as the CLI picks it: pods must reach it (probes, the
        // proxy's rules). Only this host's own netfilter rules and bridge carry the traffic.
        foreach (var a in (string[])["agent", "--kubeconfig", _api.KubeconfigPath, "--data-dir", Options.DataDir,
                     "--node-name", NodeName, "--node-ip", E2ePods.HostAddress(), "--pod-cidr", Options.PodCidr, "--bridge-name", Options.BridgeName,
                     "--kubelet-port", "0", "--host-gw-route-protocol", "0", "--cgroup-parent", CgroupParent,
                     "--pod-logs-dir", Path.Combine(Options.DataDir, "pod-logs"),
                     "--proxy-mode", "iptables", "--chain-prefix", ChainPrefix, "--cluster-cidr", Options.PodCidr,
                     "--healthz-bind-address", "127.0.0.1:0", "--metrics-bind-address", "127.0.0.1:0", "--cluster-dns", ServiceCidr.Replace("0.0/16", "0.10")])
            psi.ArgumentList.Add(a);
        _log ??= new StreamWriter(LogPath, append: true) { AutoFlush = true };
        var log = _log;
        var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {Binary}");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _agent = process;
    }

    /// <summary>SIGTERM, as systemd stops a node: the agent stops the proxy, the kubelet and its containerd; pods keep running.</summary>
    public async Task<int> StopAgentAsync()
    {
        var agent = _agent ?? throw new InvalidOperationException("agent not running");
        _agent = null;
        if (!agent.HasExited)
        {
            await HostCommand.RunAsync("kill", ["-TERM", agent.Id.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(5), CancellationToken.None);
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await agent.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                agent.Kill(entireProcessTree: true);
                await agent.WaitForExitAsync();
            }
        }
        var code = agent.ExitCode;
        agent.Dispose();
        return code;
    }

    public string ReadLog()
    {
        if (_log != null) lock (_log) _log.Flush();
        using var reader = new StreamReader(new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        return reader.ReadToEnd();
    }

    public async Task<string> NewNamespaceAsync(string prefix) => await _api.NewNamespaceAsync(prefix);

    public async Task<V1Pod> RunPodAsync(V1Pod pod)
    {
        pod.Spec.NodeName = NodeName;
        await Client.For<V1Pod>().CreateAsync(pod);
        return await WaitRunningAsync(pod.Metadata.NamespaceProperty, pod.Metadata.Name);
    }

    public Task<V1Pod> WaitRunningAsync(string ns, string name) => E2ePods.WaitRunningAsync(Client, ns, name);

    public Task CleanupNamespaceAsync(string ns) => E2ePods.CleanupNamespaceAsync(Client, ns);

    /// <summary>scripts/publish-node.sh: compiles kubesharp-node when a source is newer than the binary, prints its path.</summary>
    private static async Task<string> PublishAsync()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "KubeSharp.slnx")))
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("the repository root (KubeSharp.slnx) is not above the test binaries");
        var psi = new ProcessStartInfo(Path.Combine(root, "scripts", "publish-node.sh")) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var publish = Process.Start(psi) ?? throw new InvalidOperationException("could not run scripts/publish-node.sh");
        var stderr = publish.StandardError.ReadToEndAsync();
        var path = (await publish.StandardOutput.ReadToEndAsync()).Trim();
        await publish.WaitForExitAsync();
        if (publish.ExitCode != 0 || !File.Exists(path))
            throw new InvalidOperationException($"scripts/publish-node.sh failed ({publish.ExitCode}):\n{await stderr}");
        return path;
    }

    public async Task DisposeAsync()
    {
        if (_agent != null)
        {
            try
            {
                foreach (var ns in (await Client.For<V1Namespace>().ListAsync(null)).Items.Select(n => n.Metadata.Name).Where(n => n.StartsWith("native", StringComparison.Ordinal)))
                    await CleanupNamespaceAsync(ns);
            }
            finally
            {
                await StopAgentAsync();
            }
        }
        _log?.Dispose();
        if (Options != null)
        {
            NodeLeftovers.KillShims(Options.ContainerdSocket);
            await ProxyHost.CleanupAsync(ChainPrefix, [], CancellationToken.None);
            CgroupCleanup.RemoveParent(CgroupParent);
            await HostNetworkCleanup.RunAsync(Options, CancellationToken.None);
            await NodeLeftovers.DeleteDataDirAsync(Options.DataDir);
        }
        if (_controllers != null) await _controllers.DisposeAsync();
        await _api.DisposeAsync();
    }
}
