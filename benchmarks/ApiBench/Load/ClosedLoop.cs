using System.Diagnostics;

namespace KubeSharp.Benchmarks.ApiBench.Load;

/// <summary>One request of a closed-loop run: gets a unique ticket (0, 1, 2, ...) and returns the HTTP status.</summary>
internal delegate Task<int> LoopOperation(long ticket, CancellationToken cancellationToken);

/// <summary>
/// N workers each issue one request, wait for its answer, and issue the next, until the time is up or the ticket
/// budget is spent. A ticket indexes preallocated arrays, so recording a sample is two stores and no allocation, and
/// the capacity bounds the run's request count even when the time bound is generous.
/// </summary>
internal static class ClosedLoop
{
    public static async Task<LoopResult> RunAsync(int workers, TimeSpan duration, int capacity, LoopOperation operation, CancellationToken cancellationToken)
    {
        var latency = new long[capacity];
        var completedAt = new long[capacity];
        var status = new short[capacity];
        string? firstError = null;
        long next = -1;
        var start = Stopwatch.GetTimestamp();
        var deadline = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);

        async Task WorkerAsync()
        {
            // Yield first so that all workers start together instead of the first one running inline.
            await Task.Yield();
            while (!cancellationToken.IsCancellationRequested && Stopwatch.GetTimestamp() < deadline)
            {
                var ticket = Interlocked.Increment(ref next);
                if (ticket >= capacity)
                {
                    return;
                }
                var sent = Stopwatch.GetTimestamp();
                int code;
                try
                {
                    code = await operation(ticket, cancellationToken);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    // Status 0 = no HTTP answer (timeout, reset). Counted as an error, first message kept for the report.
                    code = 0;
                    Interlocked.CompareExchange(ref firstError, $"{e.GetType().Name}: {e.Message}", null);
                }
                var done = Stopwatch.GetTimestamp();
                latency[ticket] = done - sent;
                completedAt[ticket] = done;
                status[ticket] = (short)code;
            }
        }

        var tasks = new Task[workers];
        for (var i = 0; i < workers; i++)
        {
            tasks[i] = WorkerAsync();
        }
        await Task.WhenAll(tasks);
        var end = Stopwatch.GetTimestamp();
        var issued = (int)Math.Min(Interlocked.Read(ref next) + 1, capacity);
        return new LoopResult(start, end, issued, latency, completedAt, status, firstError);
    }
}
