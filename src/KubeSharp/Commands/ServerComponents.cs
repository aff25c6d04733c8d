using Microsoft.Extensions.Logging;

namespace KubeSharp.Cli.Commands;

/// <summary>
/// The components <c>kubesharp server</c> runs next to the API server. Each talks to the API server over HTTPS with
/// the admin kubeconfig, exactly as it would as a separate process (architecture.md §1); they start once the API
/// server is ready and stop, in reverse order, before it.
/// </summary>
public static class ServerComponents
{
    public static async Task<List<IAsyncDisposable>> StartAsync(string kubeconfig, Flags flags, string dataDir, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var started = new List<IAsyncDisposable>();
        try
        {
            // The controller-manager flags (node monitor periods, eviction rates, CIDRs) apply to the server's one too.
            var controllers = flags.Get("controllers")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            started.Add(await ControllerManagerCommand.StartAsync(kubeconfig, loggerFactory, leaderElect: true, controllers, cancellationToken, flags));
            started.Add(await SchedulerCommand.StartAsync(kubeconfig, loggerFactory, leaderElect: true, cancellationToken));
            if (flags.Get("disable-agent") != "true")
            {
                // The node: cluster DNS on the node's address (reached by pods through the kube-dns service), then
                // the agent (containerd, kubelet, proxy), all through the API server like any other client.
                var nodeIp = flags.Get("node-ip") ?? AgentCommand.DefaultNodeIp();
                started.Add(await DnsCommand.StartAsync(kubeconfig, flags, nodeIp, loggerFactory, cancellationToken));
                started.Add(await AgentCommand.StartAsync(flags, kubeconfig, Path.Combine(Path.GetDirectoryName(dataDir)!, "agent"), loggerFactory, cancellationToken));
            }
        }
        catch
        {
            for (var i = started.Count - 1; i >= 0; i--) await started[i].DisposeAsync();
            throw;
        }
        return started;
    }
}
