using KubeSharp.ControllerManager;
using Microsoft.Extensions.Logging;

namespace KubeSharp.Cli.Commands;

/// <summary><c>kubesharp controller-manager --kubeconfig F [--controllers a,b,-c]</c>: until a signal or lost leadership.</summary>
public static class ControllerManagerCommand
{
    public static async Task<int> RunAsync(Flags flags)
    {
        var kubeconfig = flags.Get("kubeconfig");
        if (string.IsNullOrEmpty(kubeconfig))
        {
            await Console.Error.WriteLineAsync("error: --kubeconfig is required");
            return 2;
        }
        var controllers = flags.Get("controllers", "*").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        using var loggerFactory = ConsoleLogging.Create(flags);
        using var stop = new ShutdownSignal();
        ControllerManagerHost host;
        try
        {
            host = await StartAsync(kubeconfig, loggerFactory, flags.Get("leader-elect", "true") != "false", controllers, stop.Token);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return 2;
        }
        await using (host)
        {
            Console.WriteLine($"KubeSharp controller-manager running: {string.Join(", ", host.Controllers)}");
            try
            {
                await host.Completion.WaitAsync(stop.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }
        return 0;
    }

    public static Task<ControllerManagerHost> StartAsync(string kubeconfig, ILoggerFactory loggerFactory, bool leaderElect,
        IReadOnlyList<string>? controllers, CancellationToken cancellationToken) =>
        ControllerManagerHost.StartAsync(new ControllerManagerOptions
        {
            KubeconfigPath = kubeconfig,
            LeaderElect = leaderElect,
            Controllers = controllers ?? ["*"],
        }, loggerFactory, cancellationToken);
}
