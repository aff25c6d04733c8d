using KubeSharp.Cli.Commands;

namespace KubeSharp.Cli;

/// <summary>The single kubesharp executable: one role per subcommand, as k3s does.</summary>
public static class Cli
{
    public const string Usage = """
        Usage: kubesharp <command> [flags]

        Commands:
          server       all-in-one: API server, controller manager, scheduler, cluster DNS and a node agent
                       (--disable-agent for a control plane only; agent flags apply to its node)
          apiserver    the Kubernetes API server
          controller-manager  the controllers (--kubeconfig F [--controllers a,b,-c] [--leader-elect=false]
                       [--node-monitor-period 5s] [--node-monitor-grace-period 40s] [--node-startup-grace-period 60s]
                       [--node-eviction-rate 0.1] [--secondary-node-eviction-rate 0.01]
                       [--unhealthy-zone-threshold 0.55] [--large-cluster-size-threshold 50]; `server` takes them too)
          scheduler    the scheduler (--kubeconfig F [--leader-elect=false])
          agent        a worker node: containerd, kubelet, proxy (--kubeconfig F | --server URL --token T
                       --certificate-authority CA) [--node-name N] [--node-ip IP] [--pod-cidr C] [--bridge-name B]
          kubelet      the kubelet alone (--kubeconfig F --container-runtime-endpoint unix:///path [--node-name N]
                       [--node-ip IP] [--root-dir DIR] [--port 10250])
          dns          cluster DNS (--kubeconfig F [--cluster-dns 10.96.0.10] [--dns-bind-address IP] [--dns-port 53])
          proxy        kube-proxy (--kubeconfig F [--proxy-mode iptables|nftables] [--hostname-override N] [--node-ip IP]
                       [--cluster-cidr C] [--chain-prefix KUBE-] [--iptables-min-sync-period 100ms]
                       [--iptables-sync-period 30s] [--healthz-bind-address 0.0.0.0:10256]
                       [--metrics-bind-address 127.0.0.1:10249] [--healthcheck-bind-address 0.0.0.0] | --cleanup);
                       agent and server take the same proxy flags
          image        node images: import FILE... | ls  ([--data-dir DIR] [--container-runtime-endpoint URL])
          version      print the version

        Common flags:
          --data-dir DIR          state, certificates and kubeconfig (default /var/lib/kubesharp/server)
          --secure-port N         HTTPS port (default 6443)
          --bind-address ADDR     listen address (default 0.0.0.0)
          --token-auth-file FILE  bearer tokens, CSV: token,user,uid,"group1,group2"
          --advertise-address IP  address of this API server in the kubernetes Service's endpoints
          --service-cluster-ip-range CIDR  Service cluster IPs (default 10.96.0.0/12)
          --service-node-port-range RANGE  Service node ports (default 30000-32767)
          -v, --verbose           debug logging
        """;

    public static Task<int> RunAsync(string[] args) => NodeCommands.RunAsync(args, Usage, RunCommandAsync);

    private static async Task<int> RunCommandAsync(string command, Flags flags)
    {
        if (NodeCommands.TryRun(command, flags) is { } node) return await node;
        switch (command)
        {
            case "server":
            case "apiserver":
                return await ApiServerCommand.RunAsync(flags, command);
            case "controller-manager":
                return await ControllerManagerCommand.RunAsync(flags);
            case "scheduler":
                return await SchedulerCommand.RunAsync(flags);
            case "dns":
                return await DnsCommand.RunAsync(flags);
            case "version":
                return NodeCommands.PrintVersion("kubesharp", typeof(Cli).Assembly);
            default:
                return await NodeCommands.UnknownAsync(command, Usage);
        }
    }
}
