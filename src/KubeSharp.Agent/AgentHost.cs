using KubeSharp.Agent.Network;
using KubeSharp.Kubelet;
using KubeSharp.Proxy;
using Microsoft.Extensions.Logging;

namespace KubeSharp.Agent;

/// <summary>
/// A whole node: the runtime (containerd, images, CNI), the kubelet on it (with its HTTPS server) and the service
/// proxy, and host-gw routes to the other nodes' pods. The kubelet's pod CIDR arrives from the node IPAM controller after registration; the CNI conflist is
/// rewritten then, which containerd picks up for the next sandbox.
/// </summary>
public sealed partial class AgentHost : IAsyncDisposable
{
    private AgentHost(NodeRuntime runtime, KubeletHost kubelet, ProxyHost? proxy, HostGwController? hostGw)
    {
        Runtime = runtime;
        Kubelet = kubelet;
        Proxy = proxy;
        HostGw = hostGw;
    }

    public NodeRuntime Runtime { get; }
    public KubeletHost Kubelet { get; }
    public ProxyHost? Proxy { get; }
    /// <summary>Routes to other nodes' pod CIDRs; null when <see cref="AgentOptions.HostGwRouteProtocol"/> is 0.</summary>
    public HostGwController? HostGw { get; }

    /// <param name="kubelet">Kubelet settings; its pod-CIDR callback is set here.</param>
    /// <param name="proxy">Proxy settings, or null for no proxy on this node.</param>
    public static async Task<AgentHost> StartAsync(AgentOptions agent, KubeletOptions kubelet, ProxyOptions? proxy, ILoggerFactory loggerFactory, CancellationToken ct)
    {
        var logger = loggerFactory.CreateLogger("agent");
        var runtime = await NodeRuntime.StartAsync(agent, loggerFactory, null, ct);
        KubeletHost? kubeletHost = null;
        try
        {
            kubeletHost = await KubeletHost.StartAsync(kubelet with
            {
                EnableServer = true,
                // The images built here have no registry to come back from.
                ImageGc = kubelet.ImageGc with
                {
                    PinnedImages = [.. kubelet.ImageGc.PinnedImages, agent.SandboxImage, Images.LocalImages.PauseImage, Images.LocalImages.BusyboxImage],
                },
                PodCidrChanged = (cidr, _) =>
                {
                    var path = CniConfig.Write(agent with { PodCidr = cidr });
                    LogCidr(logger, cidr, path);
                    return Task.CompletedTask;
                },
            }, runtime.Cri, runtime.Cri, loggerFactory, null, ct);
            var proxyHost = proxy == null ? null : await ProxyHost.StartAsync(proxy, loggerFactory, ct);
            var hostGw = agent.HostGwRouteProtocol == 0 ? null
                : HostGwController.Start(new HostGwRoutes(agent.HostGwRouteProtocol, agent.ContainerdCommandPrefix), kubelet.NodeName, kubelet.KubeconfigPath, loggerFactory);
            return new AgentHost(runtime, kubeletHost, proxyHost, hostGw);
        }
        catch
        {
            if (kubeletHost != null) await kubeletHost.DisposeAsync();
            await runtime.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Stops the proxy, the kubelet and the agent's containerd; pods keep running (their shims outlive containerd)
    /// and are adopted by the next start, as after a kubelet restart upstream.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        // The host-gw routes stay: pods on other nodes stay reachable while this agent restarts.
        if (HostGw != null) await HostGw.DisposeAsync();
        if (Proxy != null) await Proxy.DisposeAsync();
        await Kubelet.DisposeAsync();
        await Runtime.DisposeAsync();
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Pod CIDR {Cidr}: CNI config written to {Path}")]
    private static partial void LogCidr(ILogger logger, string cidr, string path);
}
