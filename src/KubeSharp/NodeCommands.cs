using KubeSharp.Cli.Commands;

namespace KubeSharp.Cli;

/// <summary>
/// What the full <c>kubesharp</c> CLI and the Native AOT <c>kubesharp-node</c> binary (src/KubeSharp.Node links this
/// file) share: the command-line shape and the node roles' dispatch, so both run the same code for the same
/// command line.
/// </summary>
public static class NodeCommands
{
    /// <summary>The node roles (agent, kubelet, proxy); null for any other command.</summary>
    public static Task<int>? TryRun(string command, Flags flags) => command switch
    {
        "agent" => TrimmedAsync(() => AgentCommand.RunAsync(flags)),
        "kubelet" => TrimmedAsync(() => KubeletCommand.RunAsync(flags)),
        "proxy" => TrimmedAsync(() => ProxyCommand.RunAsync(flags)),
        _ => null,
    };

    /// <summary>A node role runs for weeks on a small machine: its GC gives spare memory back (see MemoryTrim).</summary>
    private static async Task<int> TrimmedAsync(Func<Task<int>> role)
    {
        using var trim = MemoryTrim.Start();
        return await role();
    }

    /// <summary>
    /// The command line of either CLI: help, the role's runtime settings (re-execution), then the command with the
    /// flags after it parsed; usage errors exit 2, a wrong kubeconfig exits 1.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, string usage, Func<string, Flags, Task<int>> run)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            Console.WriteLine(usage);
            return args.Length == 0 ? 2 : 0;
        }
        if (RuntimeSettings.AppliesTo(args[0])) RuntimeSettings.ReexecIfNeeded(args);
        // `image` takes positional arguments (files), which the common flag parser rejects.
        if (args[0] == "image") return await ImageCommand.RunAsync(args[1..]);
        Flags flags;
        try
        {
            flags = Flags.Parse(args.AsSpan(1));
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}\n\n{usage}");
            return 2;
        }
        try
        {
            return await run(args[0], flags);
        }
        catch (KubeSharp.Client.Rest.KubeconfigException e)
        {
            // A wrong --kubeconfig is a user error: say so, without a stack trace.
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return 1;
        }
    }

    /// <summary>`version`: the program, its assembly version and the Kubernetes version it implements.</summary>
    public static int PrintVersion(string program, System.Reflection.Assembly assembly)
    {
        Console.WriteLine($"{program} {assembly.GetName().Version} (Kubernetes {KubeSharp.ApiMachinery.OpenApi.OpenApiDocuments.GitVersion})");
        return 0;
    }

    public static async Task<int> UnknownAsync(string command, string usage)
    {
        await Console.Error.WriteLineAsync($"error: unknown command \"{command}\"\n\n{usage}");
        return 2;
    }
}
