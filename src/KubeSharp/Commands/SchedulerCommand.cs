using KubeSharp.Scheduler;
using KubeSharp.Scheduler.Config;
using Microsoft.Extensions.Logging;

namespace KubeSharp.Cli.Commands;

/// <summary>
/// <c>kubesharp scheduler --kubeconfig F [--config C] [--leader-elect=false]</c>: the scheduler as its own process,
/// until a signal or lost leadership. <c>--config</c> reads upstream's KubeSchedulerConfiguration; a file that
/// cannot be used stops the command at once with exit code 1 and the reason.
/// </summary>
public static class SchedulerCommand
{
    public static async Task<int> RunAsync(Flags flags)
    {
        SchedulerConfiguration? config = null;
        if (flags.Get("config") is { Length: > 0 } path)
        {
            try
            {
                config = SchedulerConfigLoader.Load(path);
            }
            catch (SchedulerConfigException e)
            {
                await Console.Error.WriteLineAsync($"error: {e.Message}");
                return 1;
            }
        }
        return await ComponentCommand.RunAsync(flags, async (kubeconfig, loggerFactory, ct) =>
        {
            var options = new SchedulerOptions { KubeconfigPath = kubeconfig };
            if (config != null) options = config.ApplyTo(options);
            // The flag, when given, wins over the file's leaderElection.leaderElect (upstream's flags override too).
            if (flags.Has("leader-elect")) options = options with { LeaderElect = flags.Get("leader-elect") != "false" };
            var host = await SchedulerHost.StartAsync(options, loggerFactory, ct);
            return new RunningComponent(host, host.Completion, "scheduler");
        });
    }

    public static Task<SchedulerHost> StartAsync(string kubeconfig, ILoggerFactory loggerFactory, bool leaderElect, CancellationToken cancellationToken) =>
        SchedulerHost.StartAsync(new SchedulerOptions { KubeconfigPath = kubeconfig, LeaderElect = leaderElect }, loggerFactory, cancellationToken);
}
