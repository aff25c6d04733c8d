using Microsoft.Extensions.Logging;

namespace KubeSharp.Cli.Commands;

/// <summary>A started component: what to dispose, and a task that ends when it stops on its own (lost leadership).</summary>
public sealed record RunningComponent(IAsyncDisposable Host, Task Completion, string Description);

/// <summary>The shared shape of the component subcommands (<c>scheduler</c>, <c>controller-manager</c>): require
/// --kubeconfig, start, run until a signal or until the component stops by itself, then stop it.</summary>
public static class ComponentCommand
{
    public static async Task<int> RunAsync(Flags flags, Func<string, ILoggerFactory, CancellationToken, Task<RunningComponent>> start)
    {
        var kubeconfig = flags.Get("kubeconfig");
        if (string.IsNullOrEmpty(kubeconfig))
        {
            await Console.Error.WriteLineAsync("error: --kubeconfig is required");
            return 2;
        }
        using var loggerFactory = ConsoleLogging.Create(flags);
        using var stop = new ShutdownSignal();
        RunningComponent component;
        try
        {
            component = await start(kubeconfig, loggerFactory, stop.Token);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return 2;
        }
        await using (component.Host)
        {
            Console.WriteLine($"KubeSharp {component.Description} running");
            try
            {
                await component.Completion.WaitAsync(stop.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }
        return 0;
    }
}
