using KubeSharp.ApiMachinery.OpenApi;

namespace KubeSharp.Cli;

/// <summary>
/// <c>kubesharp-node</c>: the node commands of <c>kubesharp</c>, with the same flags, compiled ahead of time. It has no
/// control-plane roles (the API server needs reflection over every kind, which Native AOT does not offer). Its runtime
/// settings are RuntimeSettings' native profile (no JIT to tune; the GC's first generation).
/// </summary>
public static class NodeCli
{
    public const string Usage = """
        Usage: kubesharp-node <command> [flags]

        The node roles of kubesharp as one natively compiled binary; flags as for `kubesharp <command>`.

        Commands:
          agent        a worker node: containerd, kubelet, proxy (--kubeconfig F | --server URL --token T
                       --certificate-authority CA) [--node-name N] [--node-ip IP] [--pod-cidr C] [--bridge-name B]
          kubelet      the kubelet alone (--kubeconfig F --container-runtime-endpoint unix:///path [--node-name N]
                       [--node-ip IP] [--root-dir DIR] [--port 10250])
          proxy        kube-proxy (--kubeconfig F [--proxy-mode iptables|nftables] ...; see `kubesharp --help`)
          image        node images: import FILE... | ls  ([--data-dir DIR] [--container-runtime-endpoint URL])
          version      print the version

          -v, --verbose           debug logging
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            Console.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }
        if (RuntimeSettings.AppliesTo(args[0])) RuntimeSettings.ReexecIfNeeded(args);
        if (args[0] == "version")
        {
            Console.WriteLine($"kubesharp-node {typeof(NodeCli).Assembly.GetName().Version} (Kubernetes {OpenApiDocuments.KubernetesVersion}-kubesharp)");
            return 0;
        }
        return await NodeCommands.RunAsync(args, Usage, (command, flags) =>
            NodeCommands.TryRun(command, flags) ?? NodeCommands.UnknownAsync(command, Usage));
    }
}
