using Microsoft.Extensions.Logging;

namespace KubeSharp.Cli.Commands;

/// <summary>
/// The components <c>kubesharp server</c> runs next to the API server. Each talks to the API server over HTTPS with
/// the admin kubeconfig, exactly as it would as a separate process (architecture.md §1); they start once the API
/// server is ready and stop, in reverse order, before it.
/// </summary>
public static class ServerComponents
{
    public static async Task<List<IAsyncDisposable>> StartAsync(string kubeconfig, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var started = new List<IAsyncDisposable>();
        try
        {
            started.Add(await ControllerManagerCommand.StartAsync(kubeconfig, loggerFactory, leaderElect: true, null, cancellationToken));
            started.Add(await SchedulerCommand.StartAsync(kubeconfig, loggerFactory, leaderElect: true, cancellationToken));
        }
        catch
        {
            for (var i = started.Count - 1; i >= 0; i--) await started[i].DisposeAsync();
            throw;
        }
        return started;
    }
}
