using System.Diagnostics;

namespace KubeSharp.Storage.Tests;

public abstract partial class StoreConformanceTests
{
    [Fact]
    public async Task WatchFromCurrentDeliversLiveCreatesUpdatesAndDeletesWithPrevValues()
    {
        await CreateOkAsync(Pod("before"), "ignored");
        var start = await Store.GetCurrentRevisionAsync();
        await using var watch = Store.WatchAsync(Pods, start).GetAsyncEnumerator();
        var first = watch.MoveNextAsync();

        var created = await CreateOkAsync(Pod("a"), "v1");
        var updated = await UpdateOkAsync(Pod("a"), "v2", created);
        var deleted = (await Store.DeleteAsync(Pod("a"), updated)).Revision;

        Assert.True(await first.AsTask().WaitAsync(Timeout));
        AssertEvent(watch.Current, StoreEventType.Created, Pod("a"), "v1", null, created, 0);
        AssertEvent(await NextAsync(watch), StoreEventType.Updated, Pod("a"), "v2", "v1", updated, created);
        AssertEvent(await NextAsync(watch), StoreEventType.Deleted, Pod("a"), null, "v2", deleted, updated);
    }

    [Fact]
    public async Task WatchFromAnOldRevisionReplaysHistoryInOrderThenGoesLive()
    {
        var a = await CreateOkAsync(Pod("a"), "a1");
        var b = await CreateOkAsync(Pod("b"), "b1");
        var a2 = await UpdateOkAsync(Pod("a"), "a2", a);
        var bDeleted = (await Store.DeleteAsync(Pod("b"), b)).Revision;
        await CreateOkAsync("/registry/services/default/s", "other prefix");

        await using var watch = Store.WatchAsync(Pods, a).GetAsyncEnumerator();
        var replayed = await TakeAsync(watch, 2);
        var live = watch.MoveNextAsync();
        var b2 = await CreateOkAsync(Pod("b"), "b2");

        AssertEvent(replayed[0], StoreEventType.Created, Pod("b"), "b1", null, b, 0);
        AssertEvent(replayed[1], StoreEventType.Updated, Pod("a"), "a2", "a1", a2, a);
        Assert.True(await live.AsTask().WaitAsync(Timeout));
        AssertEvent(watch.Current, StoreEventType.Deleted, Pod("b"), null, "b1", bDeleted, b);
        AssertEvent(await NextAsync(watch), StoreEventType.Created, Pod("b"), "b2", null, b2, 0);
    }

    [Fact]
    public async Task WatchFromZeroReplaysEverything()
    {
        var revisions = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            revisions.Add(await CreateOkAsync(Pod($"p{i}"), "v"));
        }

        await using var watch = Store.WatchAsync(Pods, 0).GetAsyncEnumerator();

        Assert.Equal(revisions, (await TakeAsync(watch, 5)).Select(e => e.Revision));
    }

    [Fact]
    public async Task WatchMatchesThePrefixOnly()
    {
        var start = await Store.GetCurrentRevisionAsync();
        await CreateOkAsync("/registry/podsx/default/a", "not a pod");
        await using var watch = Store.WatchAsync(Pods, start).GetAsyncEnumerator();
        var next = watch.MoveNextAsync();
        await CreateOkAsync("/registry/podsx/default/b", "not a pod");
        var pod = await CreateOkAsync(Pod("a"), "pod");

        Assert.True(await next.AsTask().WaitAsync(Timeout));
        Assert.Equal(pod, watch.Current.Revision);
        Assert.Equal(Pod("a"), watch.Current.Key);
    }

    [Fact]
    public async Task WatchAtAFutureRevisionThrows()
    {
        var current = await CreateOkAsync(Pod("a"), "v");

        await using var watch = Store.WatchAsync(Pods, current + 1).GetAsyncEnumerator();

        await Assert.ThrowsAsync<FutureRevisionException>(async () => await watch.MoveNextAsync());
    }

    [Fact]
    public async Task WatchStartedDuringAWriteBurstSeesEveryEventOnceInOrder()
    {
        const int Writers = 4;
        const int PerWriter = 75;
        var start = await Store.GetCurrentRevisionAsync();
        var halfway = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var written = 0;
        var burst = Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < PerWriter; i++)
            {
                await CreateOkAsync(Pod($"w{w}-{i:D3}"), "v");
                if (Interlocked.Increment(ref written) == Writers * PerWriter / 3)
                {
                    halfway.SetResult();
                }
            }
        })));

        await halfway.Task.WaitAsync(Timeout);
        await using var watch = Store.WatchAsync(Pods, start).GetAsyncEnumerator();
        var events = new List<StoreEvent>();
        while (events.Count < Writers * PerWriter)
        {
            events.Add(await NextAsync(watch));
        }

        await burst.WaitAsync(Timeout);
        // Every write of the burst is under the prefix, so the revisions are exactly start+1 ... start+N.
        Assert.Equal(Enumerable.Range(0, Writers * PerWriter).Select(i => start + 1 + i), events.Select(e => e.Revision));
        Assert.Equal(Writers * PerWriter, events.Select(e => e.Key).Distinct().Count());
        Assert.All(events, e => Assert.Equal(StoreEventType.Created, e.Type));
    }

    [Fact]
    public async Task ManyWatchersEachReceiveEveryEvent()
    {
        const int Watchers = 1000;
        const int Writes = 5;
        var start = await Store.GetCurrentRevisionAsync();
        var watches = Enumerable.Range(0, Watchers).Select(_ => Store.WatchAsync(Pods, start).GetAsyncEnumerator()).ToList();
        var readers = watches.Select(w => Task.Run(() => TakeAsync(w, Writes))).ToList();
        var revisions = new List<long>();
        for (var i = 0; i < Writes; i++)
        {
            revisions.Add(await CreateOkAsync(Pod($"p{i}"), "v"));
        }

        var results = await Task.WhenAll(readers).WaitAsync(Timeout);

        Assert.All(results, events => Assert.Equal(revisions, events.Select(e => e.Revision)));
        foreach (var watch in watches)
        {
            await watch.DisposeAsync();
        }
    }

    [Fact]
    public async Task CancellingAWatchEndsIt()
    {
        using var cancel = new CancellationTokenSource();
        await using var watch = Store.WatchAsync(Pods, 0, cancel.Token).GetAsyncEnumerator();
        var next = watch.MoveNextAsync();

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await next.AsTask().WaitAsync(Timeout));
    }

    [Fact]
    public async Task SlowWatcherIsDroppedWithoutStallingWriters()
    {
        var start = await Store.GetCurrentRevisionAsync();
        await using var slow = Store.WatchAsync(Pods, start).GetAsyncEnumerator();
        await using var fast = Store.WatchAsync(Pods, start).GetAsyncEnumerator();
        // Both watchers are live (past their replay) once they have received a write made after they started.
        var slowFirst = slow.MoveNextAsync();
        var fastFirst = fast.MoveNextAsync();
        await CreateOkAsync(Pod("first"), "v");
        Assert.True(await slowFirst.AsTask().WaitAsync(Timeout));
        Assert.True(await fastFirst.AsTask().WaitAsync(Timeout));

        // More writes than the slow watcher may buffer, in rounds of 8 concurrent creates. After each round the
        // fast watcher reads that round, so it never holds more than 8 events (it cannot be dropped however loaded
        // the machine is), and once it has read the last one the slow watcher has been offered all of them.
        const int Round = 8;
        var rounds = WatchBufferSize / Round + 2;
        var writes = Stopwatch.StartNew();
        for (var round = 0; round < rounds; round++)
        {
            var revisions = await Task.WhenAll(Enumerable.Range(0, Round).Select(i => CreateOkAsync(Pod($"burst{round:D4}-{i}"), "v")));
            var seen = await TakeAsync(fast, Round);
            Assert.Equal(revisions.Order(), seen.Select(e => e.Revision));
        }

        writes.Stop();

        var delivered = 0;
        await Assert.ThrowsAsync<WatchTooSlowException>(async () =>
        {
            while (await slow.MoveNextAsync().AsTask().WaitAsync(Timeout))
            {
                delivered++;
            }
        });
        Assert.True(delivered <= WatchBufferSize, $"{delivered} events delivered after the buffer overflowed");
        Assert.True(writes.Elapsed < Timeout, "writers stalled behind the slow watcher");
        // The store keeps working for everyone else.
        await CreateOkAsync(Pod("after"), "v");
    }
}
