using KubeSharp.Client.Queues;

namespace KubeSharp.Client.Tests.Queues;

public sealed class WorkQueueTests
{
    [Fact]
    public async Task DuplicateAddsBeforeTakingAreHandedOutOnce()
    {
        var q = new WorkQueue<string>();
        q.Add("a");
        q.Add("b");
        q.Add("a");
        Assert.Equal(2, q.Count);
        Assert.Equal(("a", false), await q.GetAsync());
        Assert.Equal(("b", false), await q.GetAsync());
        Assert.Equal(0, q.Count);
    }

    [Fact]
    public async Task ItemBeingProcessedIsNotHandedOutAgainUntilDone()
    {
        var q = new WorkQueue<string>();
        q.Add("a");
        var (item, _) = await q.GetAsync();
        q.Add("a");
        q.Add("a");
        // Re-added while processing: held back, so a second worker cannot pick it up concurrently.
        Assert.Equal(0, q.Count);
        var second = q.GetAsync();
        Assert.False(second.IsCompleted);

        q.Done(item);
        Assert.Equal(("a", false), await second.WaitAsync(TimeSpan.FromSeconds(5)));
        q.Done("a");
        Assert.Equal(0, q.Count);
    }

    [Fact]
    public async Task DoneWithoutReAddDoesNotRequeue()
    {
        var q = new WorkQueue<string>();
        q.Add("a");
        var (item, _) = await q.GetAsync();
        q.Done(item);
        Assert.Equal(0, q.Count);
        Assert.False(q.GetAsync(new CancellationTokenSource(50).Token).IsCompletedSuccessfully);
    }

    [Fact]
    public async Task ConcurrentWorkersNeverHoldTheSameKey()
    {
        var q = new WorkQueue<int>();
        var holding = new int[5];
        var violations = 0;
        var processed = 0;
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                var (key, shutdown) = await q.GetAsync(cts.Token);
                if (shutdown) return;
                if (Interlocked.Increment(ref holding[key]) > 1) Interlocked.Increment(ref violations);
                await Task.Yield();
                q.Add(key); // re-added while processing: must wait for Done
                Interlocked.Decrement(ref holding[key]);
                Interlocked.Increment(ref processed);
                q.Done(key);
            }
        })).ToArray();
        for (var i = 0; i < 200; i++) q.Add(i % 5);
        await Eventually.WaitAsync(() => Volatile.Read(ref processed) >= 500, "500 items processed");
        q.ShutDown();
        await Task.WhenAll(workers);
        Assert.Equal(0, violations);
    }

    [Fact]
    public async Task ShutDownDrainsQueuedItemsThenReportsShutdown()
    {
        var q = new WorkQueue<string>();
        var waiting = q.GetAsync();
        q.Add("a");
        Assert.Equal(("a", false), await waiting);
        q.Add("b");
        q.ShutDown();
        q.Add("c"); // dropped after shutdown
        Assert.Equal(("b", false), await q.GetAsync());
        Assert.True((await q.GetAsync()).Shutdown);
    }

    [Fact]
    public async Task ShutDownWakesWaitingWorkers()
    {
        var q = new WorkQueue<string>();
        var waiting = q.GetAsync();
        q.ShutDown();
        Assert.True((await waiting.WaitAsync(TimeSpan.FromSeconds(5))).Shutdown);
    }

    [Fact]
    public async Task CancelledGetDoesNotSwallowALaterItem()
    {
        var q = new WorkQueue<string>();
        using var cts = new CancellationTokenSource();
        var cancelled = q.GetAsync(cts.Token);
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        q.Add("a");
        Assert.Equal(("a", false), await q.GetAsync().WaitAsync(TimeSpan.FromSeconds(5)));
    }
}
