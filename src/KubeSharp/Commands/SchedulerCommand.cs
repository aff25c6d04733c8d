using KubeSharp.Scheduler;
using Microsoft.Extensions.Logging;

namespace KubeSharp.Cli.Commands;

/// <summary><c>kubesharp scheduler --kubeconfig F</c>: the scheduler as its own process, until a signal or lost leadership.</summary>
public static class SchedulerCommand
{
    public static Task<int> RunAsync(Flags flags) =>
        ComponentCommand.RunAsync(flags, async (kubeconfig, loggerFactory, ct) =>
        {
            var host = await StartAsync(kubeconfig, loggerFactory, flags.Get("leader-elect", "true") != "false", ct);
            return new RunningComponent(host, host.Completion, "scheduler");
        });

    public static Task<SchedulerHost> StartAsync(string kubeconfig, ILoggerFactory loggerFactory, bool leaderElect, CancellationToken cancellationToken) =>
        SchedulerHost.StartAsync(new SchedulerOptions { KubeconfigPath = kubeconfig, LeaderElect = leaderElect }, loggerFactory, cancellationToken);
}
