using Microsoft.Extensions.Logging;

namespace KubeSharp.Client.Queues;

/// <summary>
/// The controller worker loop every component writes the same way (client-go controllers' processNextWorkItem):
/// take a key, sync it, <see cref="RateLimitingQueue{T}.Forget"/> it on success or re-add it rate-limited on
/// failure, and always <see cref="WorkQueue{T}.Done"/> it.
/// </summary>
public static partial class QueueWorkers
{
    /// <summary>
    /// Runs <paramref name="workers"/> loops over <paramref name="queue"/> until <paramref name="ct"/> is cancelled,
    /// then shuts the queue down and waits for the syncs in flight. A sync signals "retry later" by throwing.
    /// </summary>
    public static async Task RunAsync<T>(RateLimitingQueue<T> queue, int workers, Func<T, CancellationToken, Task> sync,
        ILogger logger, CancellationToken ct)
        where T : notnull
    {
        using var shutdown = ct.Register(queue.ShutDown);
        var loops = Enumerable.Range(0, workers).Select(_ => Task.Run(() => WorkAsync(queue, sync, logger, ct), CancellationToken.None));
        await Task.WhenAll(loops);
    }

    private static async Task WorkAsync<T>(RateLimitingQueue<T> queue, Func<T, CancellationToken, Task> sync, ILogger logger, CancellationToken ct)
        where T : notnull
    {
        while (true)
        {
            var (key, isShutdown) = await queue.GetAsync();
            if (isShutdown) return;
            try
            {
                await sync(key, ct);
                queue.Forget(key);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Shutting down: the key is not retried.
            }
            catch (Exception e)
            {
                LogSyncFailed(logger, e, key.ToString() ?? "", queue.NumRequeues(key));
                queue.AddRateLimited(key);
            }
            finally
            {
                queue.Done(key);
            }
        }
    }

    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning, Message = "Sync of {Key} failed (retry {Retries}); requeued with back-off")]
    private static partial void LogSyncFailed(ILogger logger, Exception e, string key, int retries);
}
