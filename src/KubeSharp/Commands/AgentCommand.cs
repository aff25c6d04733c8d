using System.Net;
using System.Net.Sockets;
using KubeSharp.Agent;
using KubeSharp.Kubelet;
using KubeSharp.Proxy;
using Microsoft.Extensions.Logging;

namespace KubeSharp.Cli.Commands;

/// <summary>
/// <c>kubesharp agent --kubeconfig F</c> (or <c>--server URL --token T --certificate-authority CA</c>): a worker
/// node, i.e. its own containerd, the kubelet and the proxy. Also started inside <c>kubesharp server</c>.
/// </summary>
public static class AgentCommand
{
    public static async Task<int> RunAsync(Flags flags)
    {
        var dataDir = Path.GetFullPath(flags.Get("data-dir", AgentOptions.DefaultDataDir));
        string kubeconfig;
        try
        {
            kubeconfig = KubeconfigFor(flags, dataDir);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return 2;
        }
        using var loggerFactory = ConsoleLogging.Create(flags);
        using var stop = new ShutdownSignal();
        AgentHost agent;
        try
        {
            agent = await StartAsync(flags, kubeconfig, dataDir, loggerFactory, stop.Token);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return 1;
        }
        await using (agent)
        {
            Console.WriteLine($"KubeSharp agent running: node {agent.Kubelet.NodeName} ({agent.Kubelet.NodeIP})");
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }
        return 0;
    }

    /// <summary>Routing protocol number marking the agent's host-gw routes (unassigned in iproute2's rt_protos).</summary>
    public const int DefaultHostGwRouteProtocol = 75;

    /// <summary>The agent with settings from flags; every host resource is a flag so nodes can share a machine.</summary>
    public static Task<AgentHost> StartAsync(Flags flags, string kubeconfig, string dataDir, ILoggerFactory loggerFactory, CancellationToken ct)
    {
        var nodeName = (flags.Get("node-name") ?? System.Net.Dns.GetHostName()).ToLowerInvariant();
        var nodeIp = flags.Get("node-ip") ?? DefaultNodeIp();
        var agent = new AgentOptions
        {
            DataDir = dataDir,
            ContainerRuntimeEndpoint = flags.Get("container-runtime-endpoint"),
            BridgeName = flags.Get("bridge-name", "kubesharp0"),
            PodCidr = flags.Get("pod-cidr", new AgentOptions().PodCidr),
            HostGwRouteProtocol = flags.GetInt("host-gw-route-protocol", DefaultHostGwRouteProtocol),
        };
        var kubelet = new KubeletOptions
        {
            KubeconfigPath = kubeconfig,
            NodeName = nodeName,
            NodeIP = nodeIp,
            RootDir = Path.Combine(dataDir, "kubelet"),
            PodLogsDir = flags.Get("pod-logs-dir", "/var/log/pods"),
            Port = flags.GetInt("kubelet-port", 10250),
            ClusterDns = [flags.Get("cluster-dns", "10.96.0.10")],
            CgroupParent = flags.Get("cgroup-parent", "kubepods"),
            MaxParallelPodStarts = flags.GetInt("max-parallel-pod-starts", KubeletOptions.DefaultMaxParallelPodStarts),
            Eviction = EvictionFlags.From(flags),
            ImageGc = new Kubelet.ImageGc.ImageGcPolicy
            {
                HighThresholdPercent = flags.GetInt("image-gc-high-threshold", 85),
                LowThresholdPercent = flags.GetInt("image-gc-low-threshold", 80),
            },
        };
        var proxy = flags.Get("disable-proxy") == "true" ? null : ProxyCommand.OptionsFrom(flags, kubeconfig) with { NodeName = nodeName, NodeIP = nodeIp };
        return AgentHost.StartAsync(agent, kubelet, proxy, loggerFactory, ct);
    }

    /// <summary>--kubeconfig as given, or one written from --server, --token and --certificate-authority.</summary>
    private static string KubeconfigFor(Flags flags, string dataDir)
    {
        if (flags.Get("kubeconfig") is { Length: > 0 } path) return Path.GetFullPath(path);
        var server = flags.Get("server") ?? throw new ArgumentException("--kubeconfig, or --server with --token, is required");
        var token = flags.Get("token") ?? throw new ArgumentException("--token is required with --server");
        var caFile = flags.Get("certificate-authority") ?? throw new ArgumentException("--certificate-authority (the server's <data-dir>/pki/ca.crt) is required with --server");
        var ca = Convert.ToBase64String(File.ReadAllBytes(caFile));
        Directory.CreateDirectory(dataDir);
        var file = Path.Combine(dataDir, "kubelet.kubeconfig");
        File.WriteAllText(file, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: kubesharp
              cluster:
                server: {server}
                certificate-authority-data: {ca}
            users:
            - name: node
              user:
                token: {token}
            contexts:
            - name: node
              context:
                cluster: kubesharp
                user: node
            current-context: node
            """);
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return file;
    }

    /// <summary>The address of the interface that holds the default route (what upstream's kubelet picks).</summary>
    public static string DefaultNodeIp()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            // No packet is sent: connecting a UDP socket only selects the route and source address.
            socket.Connect(new IPEndPoint(IPAddress.Parse("10.255.255.255"), 9));
            return ((IPEndPoint)socket.LocalEndPoint!).Address.ToString();
        }
        catch (SocketException)
        {
            return "127.0.0.1";
        }
    }
}
