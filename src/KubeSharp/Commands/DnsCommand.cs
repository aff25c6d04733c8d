using System.Net;
using KubeSharp.Dns;
using Microsoft.Extensions.Logging;

namespace KubeSharp.Cli.Commands;

/// <summary>
/// <c>kubesharp dns --kubeconfig F</c>: the cluster DNS server, kept behind the kube-system/kube-dns Service at
/// --cluster-dns (default 10.96.0.10), answering on --dns-bind-address (default the node's address) port 53.
/// </summary>
public static class DnsCommand
{
    public static Task<int> RunAsync(Flags flags) =>
        ComponentCommand.RunAsync(flags, async (kubeconfig, loggerFactory, ct) =>
        {
            var host = await StartAsync(kubeconfig, flags, flags.Get("node-ip") ?? AgentCommand.DefaultNodeIp(), loggerFactory, ct);
            return new RunningComponent(host, Task.Delay(Timeout.Infinite, ct), "cluster DNS");
        });

    public static Task<DnsHost> StartAsync(string kubeconfig, Flags flags, string nodeIp, ILoggerFactory loggerFactory, CancellationToken ct)
    {
        var bind = flags.Get("dns-bind-address") ?? nodeIp;
        return DnsHost.StartAsync(new DnsOptions
        {
            KubeconfigPath = kubeconfig,
            BindAddress = IPAddress.Parse(bind),
            Port = flags.GetInt("dns-port", 53),
            ClusterDomain = flags.Get("cluster-domain", "cluster.local"),
            ServiceIp = flags.Get("cluster-dns", "10.96.0.10"),
            AdvertiseAddress = nodeIp,
        }, loggerFactory, ct);
    }
}
