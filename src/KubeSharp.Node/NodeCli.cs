namespace KubeSharp.Cli;

/// <summary>
/// <c>kubesharp-node</c>: the node commands of <c>kubesharp</c>, with the same flags, compiled ahead of time. It has no
/// control-plane roles (the API server needs reflection over every kind, which Native AOT does not offer). Its runtime
/// settings are RuntimeSettings' native profile (no JIT to tune; two GC sizes).
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

    public static Task<int> RunAsync(string[] args) => NodeCommands.RunAsync(args, Usage, (command, flags) =>
        command == "version"
            ? Task.FromResult(NodeCommands.PrintVersion("kubesharp-node", typeof(NodeCli).Assembly))
            : NodeCommands.TryRun(command, flags) ?? NodeCommands.UnknownAsync(command, Usage));
}
