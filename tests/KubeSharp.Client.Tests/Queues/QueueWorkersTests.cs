using System.Collections.Concurrent;
using KubeSharp.Client.Queues;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace KubeSharp.Client.Tests.Queues;

public sealed class QueueWorkersTests
{
    [Fact]
    public async Task FailedSyncsComeBackAfterBackoffAndSuccessForgetsTheKey()
    {
        var time = new FakeTimeProvider();
        var queue = new RateLimitingQueue<string>(time);
        var attempts = new ConcurrentDictionary<string, int>();
        using var cts = new CancellationTokenSource();
        var run = QueueWorkers.RunAsync(queue, 2, (key, _) =>
        {
            // "flaky" fails twice, then succeeds.
            var n = attempts.AddOrUpdate(key, 1, (_, v) => v + 1);
            if (key == "flaky" && n <= 2) throw new InvalidOperationException("not yet");
            return Task.CompletedTask;
        }, NullLogger.Instance, cts.Token);

        queue.Add("ok");
        queue.Add("flaky");
        await Eventually.WaitAsync(() => attempts.GetValueOrDefault("flaky") == 1 && queue.WaitingCount == 1, "first failure");
        Assert.Equal(1, queue.NumRequeues("flaky"));

        time.Advance(TimeSpan.FromMilliseconds(5));
        await Eventually.WaitAsync(() => attempts.GetValueOrDefault("flaky") == 2 && queue.WaitingCount == 1, "second failure");
        time.Advance(TimeSpan.FromMilliseconds(9));
        Assert.Equal(2, attempts["flaky"]); // 10 ms back-off not over yet
        time.Advance(TimeSpan.FromMilliseconds(1));
        await Eventually.WaitAsync(() => attempts.GetValueOrDefault("flaky") == 3 && queue.NumRequeues("flaky") == 0, "success forgets");
        Assert.Equal(1, attempts["ok"]);

        await cts.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(queue.ShuttingDown);
    }
}
