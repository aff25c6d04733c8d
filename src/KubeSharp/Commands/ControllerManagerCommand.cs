using KubeSharp.ControllerManager;
using Microsoft.Extensions.Logging;

namespace KubeSharp.Cli.Commands;

/// <summary><c>kubesharp controller-manager --kubeconfig F [--controllers a,b,-c]</c>: until a signal or lost leadership.</summary>
public static class ControllerManagerCommand
{
    public static Task<int> RunAsync(Flags flags) =>
        ComponentCommand.RunAsync(flags, async (kubeconfig, loggerFactory, ct) =>
        {
            var controllers = flags.Get("controllers", "*").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var host = await StartAsync(kubeconfig, loggerFactory, flags.Get("leader-elect", "true") != "false", controllers, ct);
            return new RunningComponent(host, host.Completion, $"controller-manager ({string.Join(", ", host.Controllers)})");
        });

    public static Task<ControllerManagerHost> StartAsync(string kubeconfig, ILoggerFactory loggerFactory, bool leaderElect,
        IReadOnlyList<string>? controllers, CancellationToken cancellationToken) =>
        ControllerManagerHost.StartAsync(new ControllerManagerOptions
        {
            KubeconfigPath = kubeconfig,
            LeaderElect = leaderElect,
            Controllers = controllers ?? ["*"],
        }, loggerFactory, cancellationToken);
}
