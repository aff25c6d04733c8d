using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using k8s.Models;
using KubeSharp.Agent.Network;
using KubeSharp.Client.Rest;
using KubeSharp.ControllerManager;
using KubeSharp.Dns;
using KubeSharp.Kubelet;
using KubeSharp.Proxy;
using KubeSharp.Testing;
using Eventually = KubeSharp.Testing.Eventually;

namespace KubeSharp.Agent.Tests.EndToEnd;

/// <summary>
/// A one-node cluster in the test process: a real API server, the controllers pods and services need (replication,
/// endpoints, endpoint slices, garbage collector) and a real agent (own containerd, CNI bridge and pod CIDR, kubelet
/// with its HTTPS server) talking to it over HTTPS. Pods name the node directly (no scheduler), so the tests measure
/// the node path alone. Cleanup removes every sandbox (CNI DEL) before containerd stops.
/// <see cref="ServiceNodeFixture"/> adds the service proxy and cluster DNS.
/// </summary>
public class NodeFixture : IAsyncLifetime
{
    private readonly ApiServerFixture _api;
    private AgentHost? _agent;
    private ControllerManagerHost? _controllers;
    private DnsHost? _dns;
    private KubeletOptions? _kubeletOptions;
    private ProxyOptions? _proxyOptions;

    public NodeFixture()
    {
        // Services programmed on the host's own netfilter tables must not collide with another test run's.
        ServiceCidr = WithServices ? $"10.{100 + RandomNumberGenerator.GetInt32(90)}.0.0/16" : "10.96.0.0/12";
        _api = new ApiServerFixture { ServiceClusterIpRange = ServiceCidr };
    }

    /// <summary>Run kube-proxy (own chain prefix, in the host's network namespace) and cluster DNS too.</summary>
    protected virtual bool WithServices => false;

    /// <summary>The proxy's mode (with services only): iptables as upstream's default, or nftables.</summary>
    public virtual ProxyMode Mode => ProxyMode.Iptables;

    /// <summary>Lets a derived fixture change the kubelet's settings (e.g. eviction thresholds) before the agent starts.</summary>
    protected virtual KubeletOptions ConfigureKubelet(KubeletOptions options) => options;

    public AgentOptions Options { get; private set; } = null!;
    public string NodeName { get; } = "node-" + TestHost.Suffix();
    public string ServiceCidr { get; }
    /// <summary>The node's InternalIP: loopback, or with services the host's address (reachable from pods, allowed in EndpointSlices).</summary>
    public string NodeIP { get; private set; } = "127.0.0.1";
    /// <summary>The kube-dns Service's cluster IP (with services only).</summary>
    public string? ClusterDnsIp { get; private set; }
    public string? ChainPrefix => _proxyOptions?.ChainPrefix;
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
            // No node IPAM: the node keeps the pod CIDR picked above (a free one on this host). With services, the
            // built-in load balancer too, so LoadBalancer Services get the node's IP as their ingress.
            string[] controllers = [ControllerNames.ReplicationController, ControllerNames.GarbageCollector, ControllerNames.Endpoints, ControllerNames.EndpointSlice];
            _controllers = await ControllerManagerHost.StartAsync(new ControllerManagerOptions
            {
                KubeconfigPath = _api.KubeconfigPath,
                LeaderElect = false,
                Controllers = WithServices ? [.. controllers, ControllerNames.ServiceLb] : controllers,
            }, ConsoleTestLoggerFactory.Instance, CancellationToken.None);
            if (WithServices)
            {
                NodeIP = E2ePods.HostAddress();
                ClusterDnsIp = ServiceCidr.Replace("0.0/16", "0.10");
                _dns = await DnsHost.StartAsync(new DnsOptions
                {
                    KubeconfigPath = _api.KubeconfigPath,
                    BindAddress = IPAddress.Parse(NodeIP),
                    Port = 0,
                    ServiceIp = ClusterDnsIp,
                    AdvertiseAddress = NodeIP,
                }, ConsoleTestLoggerFactory.Instance, CancellationToken.None);
                _proxyOptions = new ProxyOptions
                {
                    KubeconfigPath = _api.KubeconfigPath,
                    NodeName = NodeName,
                    Mode = Mode,
                    ChainPrefix = "K" + suffix[..3].ToUpperInvariant() + "-",
                    ClusterCidr = Options.PodCidr,
                    // Several node fixtures (and CI clusters) share the host: no fixed well-known ports.
                    HealthzBindAddress = "127.0.0.1:0",
                    MetricsBindAddress = null,
                };
            }
            _kubeletOptions = new KubeletOptions
            {
                KubeconfigPath = _api.KubeconfigPath,
                NodeName = NodeName,
                NodeIP = NodeIP,
                RootDir = Path.Combine(Options.DataDir, "kubelet"),
                PodLogsDir = Path.Combine(Options.DataDir, "pod-logs"),
                CgroupParent = "kubesharp-test-" + suffix,
                ClusterDns = ClusterDnsIp is { } dns ? [dns] : [],
                Port = 0,
            };
            _kubeletOptions = ConfigureKubelet(_kubeletOptions);
            _agent = await AgentHost.StartAsync(Options, _kubeletOptions, _proxyOptions, ConsoleTestLoggerFactory.Instance, CancellationToken.None);
            if (_agent.Proxy != null) await _agent.Proxy.FirstSync.WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Stops the whole agent (proxy, kubelet, containerd) as a node restart would, leaving pods running, and starts a
    /// new one on the same data dir, which adopts them.
    /// </summary>
    public async Task RestartAgentAsync()
    {
        await Agent.DisposeAsync();
        _agent = null;
        _agent = await AgentHost.StartAsync(Options, _kubeletOptions!, _proxyOptions, ConsoleTestLoggerFactory.Instance, CancellationToken.None);
    }

    public async Task<string> NewNamespaceAsync(string prefix) => await _api.NewNamespaceAsync(prefix);

    /// <summary>Creates the pod on this node and waits until it is Running with every container ready.</summary>
    public async Task<V1Pod> RunPodAsync(V1Pod pod, TimeSpan? timeout = null)
    {
        pod.Spec.NodeName = NodeName;
        await Client.For<V1Pod>().CreateAsync(pod);
        return await WaitRunningAsync(pod.Metadata.NamespaceProperty, pod.Metadata.Name, timeout);
    }

    public Task<V1Pod> WaitRunningAsync(string ns, string name, TimeSpan? timeout = null) =>
        E2ePods.WaitRunningAsync(Client, ns, name, timeout);

    /// <summary>Polls the pod until <paramref name="accept"/> holds.</summary>
    public Task<V1Pod> WaitPodAsync(string ns, string name, Func<V1Pod, bool> accept, string what, TimeSpan? timeout = null) =>
        Eventually.ValueAsync(() => Client.For<V1Pod>().GetAsync(ns, name), accept, $"pod {name}: {what}", timeout ?? TimeSpan.FromSeconds(60));

    /// <summary>Deletes the namespace's replication controllers and pods, waits for the kubelet, then the namespace.</summary>
    public Task CleanupNamespaceAsync(string ns) => E2ePods.CleanupNamespaceAsync(Client, ns);

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
        if (_proxyOptions != null) await ProxyHost.CleanupAsync(_proxyOptions.ChainPrefix, [], CancellationToken.None);
        if (_dns != null) await _dns.DisposeAsync();
        if (_controllers != null) await _controllers.DisposeAsync();
        if (_kubeletOptions != null) CgroupCleanup.RemoveParent(_kubeletOptions.CgroupParent);
        if (Options != null)
        {
            await HostNetworkCleanup.RunAsync(Options, CancellationToken.None);
            await RuntimeFixture.DeleteDataDirAsync(Options.DataDir);
        }
        await _api.DisposeAsync();
    }
}

/// <summary>A <see cref="NodeFixture"/> with kube-proxy in iptables mode (own chain prefix) and cluster DNS behind a kube-dns Service.</summary>
public sealed class ServiceNodeFixture : NodeFixture
{
    protected override bool WithServices => true;
}

/// <summary>The same with kube-proxy in nftables mode (own table, named after the chain prefix).</summary>
public sealed class NftablesServiceNodeFixture : NodeFixture
{
    protected override bool WithServices => true;
    public override ProxyMode Mode => ProxyMode.Nftables;
}
