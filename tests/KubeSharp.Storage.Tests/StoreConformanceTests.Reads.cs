namespace KubeSharp.Storage.Tests;

public abstract partial class StoreConformanceTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    public async Task GetAndListAtAnOldRevisionShowTheOldState(int limit)
    {
        var a1 = await CreateOkAsync(Pod("a"), "a1");
        var b1 = await CreateOkAsync(Pod("b"), "b1");
        var before = await Store.GetCurrentRevisionAsync();
        await UpdateOkAsync(Pod("a"), "a2", a1);
        Assert.Equal(WriteStatus.Ok, (await Store.DeleteAsync(Pod("b"), b1)).Status);
        await CreateOkAsync(Pod("c"), "c1");

        Assert.Equal("a1", Text((await Store.GetAsync(Pod("a"), before))?.Value));
        Assert.Equal("b1", Text((await Store.GetAsync(Pod("b"), before))?.Value));
        Assert.Null(await Store.GetAsync(Pod("c"), before));
        Assert.Null(await Store.GetAsync(Pod("b"), a1));

        var old = await Store.ListAsync(Pods, new ListOptions(Revision: before, Limit: limit));
        Assert.Equal(before, old.Revision);
        Assert.Equal(["a1", "b1"], old.Items.Select(i => Text(i.Value)));
        Assert.Equal([a1, b1], old.Items.Select(i => i.ModRevision));

        var now = await Store.ListAsync(Pods, new ListOptions(Limit: limit));
        Assert.Equal(await Store.GetCurrentRevisionAsync(), now.Revision);
        Assert.False(now.More);
        Assert.Equal(["a2", "c1"], now.Items.Select(i => Text(i.Value)));
    }

    [Fact]
    public async Task ReadsAtAFutureRevisionThrow()
    {
        var current = await CreateOkAsync(Pod("a"), "v");

        await Assert.ThrowsAsync<FutureRevisionException>(async () => await Store.GetAsync(Pod("a"), current + 1));
        await Assert.ThrowsAsync<FutureRevisionException>(async () => await Store.ListAsync(Pods, new ListOptions(Revision: current + 1)));
    }

    [Fact]
    public async Task ListMatchesThePrefixOnly()
    {
        await CreateOkAsync("/registry/pods/default/a", "pod");
        await CreateOkAsync("/registry/podsx/default/a", "not a pod");
        await CreateOkAsync("/registry/pod/a", "not a pod either");
        await CreateOkAsync("/registry/pods", "the bare prefix without slash");
        await CreateOkAsync("/registry/services/default/a", "service");

        var pods = await Store.ListAsync(Pods, default);
        var all = await Store.ListAsync("/registry/", default);
        var paged = await Store.ListAsync(Pods, new ListOptions(Limit: 1));

        Assert.Equal(["/registry/pods/default/a"], pods.Items.Select(i => i.Key));
        Assert.Equal(5, all.Items.Count);
        Assert.Equal(["/registry/pods/default/a"], paged.Items.Select(i => i.Key));
        Assert.False(paged.More);
        Assert.Equal(0, paged.RemainingCount ?? 0);
    }

    [Fact]
    public async Task ListReturnsKeysInKeyOrder()
    {
        foreach (var name in new[] { "c", "a", "d", "b" })
        {
            await CreateOkAsync(Pod(name), name);
        }

        var list = await Store.ListAsync(Pods, default);

        Assert.Equal([Pod("a"), Pod("b"), Pod("c"), Pod("d")], list.Items.Select(i => i.Key));
    }

    [Fact]
    public async Task PagingAtAPinnedRevisionStaysConsistentWhileWritesHappen()
    {
        var revisions = new Dictionary<string, long>();
        for (var i = 0; i < 10; i++)
        {
            revisions[Pod($"k{i:D2}")] = await CreateOkAsync(Pod($"k{i:D2}"), $"v{i}");
        }

        var expected = (await Store.ListAsync(Pods, default)).Items.Select(i => (i.Key, Text(i.Value), i.ModRevision)).ToList();
        var first = await Store.ListAsync(Pods, new ListOptions(Limit: 3));
        Assert.True(first.More);
        Assert.Equal(7, first.RemainingCount);
        var pinned = first.Revision;
        var seen = new List<KeyValue>(first.Items);
        var pages = 1;
        var page = first;
        while (page.More)
        {
            // Between pages: delete, update and create keys both ahead of and behind the cursor.
            var n = pages;
            Assert.Equal(WriteStatus.Ok, (await Store.DeleteAsync(Pod($"k{9 - n:D2}"), 0)).Status);
            revisions[Pod($"k{n:D2}")] = await UpdateOkAsync(Pod($"k{n:D2}"), $"changed{n}", revisions[Pod($"k{n:D2}")]);
            await CreateOkAsync(Pod($"k{n:D2}x"), "new");
            await CreateOkAsync(Pod($"k{9 - n:D2}y"), "new");

            page = await Store.ListAsync(Pods, new ListOptions(Revision: pinned, StartKey: page.Items[^1].Key, Limit: 3));
            Assert.Equal(pinned, page.Revision);
            Assert.Equal(page.More ? 10 - seen.Count - page.Items.Count : 0, page.RemainingCount ?? 0);
            seen.AddRange(page.Items);
            pages++;
        }

        Assert.Equal(4, pages);
        Assert.Equal(expected, seen.Select(i => (i.Key, Text(i.Value), i.ModRevision)).ToList());
    }

    [Fact]
    public async Task ListWithStartKeyBeforeThePrefixReturnsTheWholePrefix()
    {
        await CreateOkAsync(Pod("a"), "a");
        await CreateOkAsync(Pod("b"), "b");

        var list = await Store.ListAsync(Pods, new ListOptions(StartKey: "/registry/a"));

        Assert.Equal(2, list.Items.Count);
    }

    [Fact]
    public async Task ReadsDoNotWaitForConcurrentWrites()
    {
        await CreateOkAsync(Pod("a"), "v0");
        using var stop = new CancellationTokenSource();
        var updates = 0;
        var writer = Task.Run(async () =>
        {
            var revision = (await Store.GetAsync(Pod("a")))!.ModRevision;
            while (!stop.IsCancellationRequested)
            {
                revision = await UpdateOkAsync(Pod("a"), $"v{Volatile.Read(ref updates) + 1}", revision);
                Interlocked.Increment(ref updates);
            }
        });

        // Reads go on while the writer commits: every read sees some committed value, and the writer keeps making
        // progress meanwhile (at least 20 commits after the reads began, however the two tasks are scheduled).
        var deadline = DateTime.UtcNow + Timeout;
        var atStart = Volatile.Read(ref updates);
        var reads = 0;
        while (reads < 50 || Volatile.Read(ref updates) < atStart + 20)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{reads} reads, {Volatile.Read(ref updates) - atStart} commits meanwhile");
            var read = await Store.GetAsync(Pod("a"));
            Assert.StartsWith("v", Text(read?.Value));
            var list = await Store.ListAsync(Pods, default);
            Assert.Single(list.Items);
            reads++;
        }

        await stop.CancelAsync();
        await writer.WaitAsync(Timeout);
    }
}
