using KubeSharp.Proxy;

namespace KubeSharp.Cli.Commands;

/// <summary>
/// <c>kubesharp proxy --kubeconfig F</c>: kube-proxy for this node (<c>--proxy-mode iptables|nftables</c>). <c>--cleanup</c>
/// removes every rule, chain and table under the prefix (both modes) and exits, as upstream's flag does.
/// </summary>
public static class ProxyCommand
{
    public static async Task<int> RunAsync(Flags flags)
    {
        var prefix = flags.Get("chain-prefix", "KUBE-");
        if (flags.Has("cleanup"))
        {
            await ProxyHost.CleanupAsync(prefix, [], CancellationToken.None);
            Console.WriteLine($"removed the {prefix}* iptables rules and chains and the nftables table ip {prefix.ToLowerInvariant()}proxy");
            return 0;
        }
        return await ComponentCommand.RunAsync(flags, async (kubeconfig, loggerFactory, ct) =>
        {
            var host = await ProxyHost.StartAsync(OptionsFrom(flags, kubeconfig), loggerFactory, ct);
            return new RunningComponent(host, host.Completion, "proxy");
        });
    }

    public static ProxyOptions OptionsFrom(Flags flags, string kubeconfig)
    {
        var defaults = new ProxyOptions { KubeconfigPath = kubeconfig, NodeName = "" };
        return defaults with
        {
            NodeName = flags.Get("hostname-override") ?? Environment.MachineName.ToLowerInvariant(),
            // Upstream detects it from the Node object; here it is the flag, else the host's default-route address.
            NodeIP = flags.Get("node-ip") ?? AgentCommand.DefaultNodeIp(),
            Mode = ProxyModes.Parse(flags.Get("proxy-mode", "iptables")),
            ChainPrefix = flags.Get("chain-prefix", defaults.ChainPrefix),
            HealthzBindAddress = flags.Get("healthz-bind-address", defaults.HealthzBindAddress!),
            MetricsBindAddress = flags.Get("metrics-bind-address", defaults.MetricsBindAddress!),
            HealthCheckBindAddress = flags.Get("healthcheck-bind-address", defaults.HealthCheckBindAddress!),
            ClusterCidr = flags.Get("cluster-cidr", defaults.ClusterCidr!),
            MinSyncPeriod = Duration(flags.Get("iptables-min-sync-period"), defaults.MinSyncPeriod),
            SyncPeriod = Duration(flags.Get("iptables-sync-period"), defaults.SyncPeriod),
        };
    }

    /// <summary>Go-style durations as upstream's flags take them: "100ms", "1s", "5m".</summary>
    private static TimeSpan Duration(string? text, TimeSpan fallback)
    {
        if (string.IsNullOrEmpty(text)) return fallback;
        if (text.EndsWith("ms", StringComparison.Ordinal) && double.TryParse(text[..^2], System.Globalization.CultureInfo.InvariantCulture, out var ms)) return TimeSpan.FromMilliseconds(ms);
        if (text.EndsWith('s') && double.TryParse(text[..^1], System.Globalization.CultureInfo.InvariantCulture, out var s)) return TimeSpan.FromSeconds(s);
        if (text.EndsWith('m') && double.TryParse(text[..^1], System.Globalization.CultureInfo.InvariantCulture, out var m)) return TimeSpan.FromMinutes(m);
        throw new ArgumentException($"invalid duration \"{text}\" (use e.g. 100ms, 1s, 5m)");
    }
}
