using KubeSharp.Scheduler;
using Microsoft.Extensions.Logging;

namespace KubeSharp.Cli.Commands;

/// <summary><c>kubesharp scheduler --kubeconfig F</c>: the scheduler as its own process, until a signal or lost leadership.</summary>
public static class SchedulerCommand
{
    public static async Task<int> RunAsync(Flags flags)
    {
        var kubeconfig = flags.Get("kubeconfig");
        if (string.IsNullOrEmpty(kubeconfig))
        {
            await Console.Error.WriteLineAsync("error: --kubeconfig is required");
            return 2;
        }
        using var loggerFactory = ConsoleLogging.Create(flags);
        using var stop = new ShutdownSignal();
        await using var host = await StartAsync(kubeconfig, loggerFactory, flags.Get("leader-elect", "true") != "false", stop.Token);
        Console.WriteLine("KubeSharp scheduler running");
        try
        {
            await host.Completion.WaitAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
        }
        return 0;
    }

    public static Task<SchedulerHost> StartAsync(string kubeconfig, ILoggerFactory loggerFactory, bool leaderElect, CancellationToken cancellationToken) =>
        SchedulerHost.StartAsync(new SchedulerOptions { KubeconfigPath = kubeconfig, LeaderElect = leaderElect }, loggerFactory, cancellationToken);
}
