namespace KubeSharp.Storage.Tests;

public abstract partial class StoreConformanceTests
{
    [Fact]
    public async Task CompactionKeepsCurrentValuesAndDropsHistory()
    {
        var a = await CreateOkAsync(Pod("a"), "a1");
        a = await UpdateOkAsync(Pod("a"), "a2", a);
        var old = a;
        a = await UpdateOkAsync(Pod("a"), "a3", a);
        var b = await CreateOkAsync(Pod("b"), "b1");
        Assert.Equal(WriteStatus.Ok, (await Store.DeleteAsync(Pod("b"), b)).Status);
        var c = await CreateOkAsync(Pod("c"), "c1");
        var compactAt = await Store.GetCurrentRevisionAsync();

        await Store.CompactAsync(compactAt);

        Assert.Equal(compactAt, Store.CompactedRevision);
        Assert.Equal(compactAt, await Store.GetCurrentRevisionAsync());
        Assert.Equal("a3", Text((await Store.GetAsync(Pod("a")))?.Value));
        Assert.Equal(a, (await Store.GetAsync(Pod("a")))?.ModRevision);
        Assert.Null(await Store.GetAsync(Pod("b")));
        Assert.Equal(c, (await Store.GetAsync(Pod("c")))?.ModRevision);
        var list = await Store.ListAsync(Pods, default);
        Assert.Equal([Pod("a"), Pod("c")], list.Items.Select(i => i.Key));

        var compacted = await Assert.ThrowsAsync<CompactedException>(async () => await Store.GetAsync(Pod("a"), old));
        Assert.Equal(compactAt, compacted.CompactedRevision);
        await Assert.ThrowsAsync<CompactedException>(async () => await Store.GetAsync(Pod("a"), compactAt));
        await Assert.ThrowsAsync<CompactedException>(async () => await Store.ListAsync(Pods, new ListOptions(Revision: old)));
    }

    [Fact]
    public async Task WritesAfterCompactionWorkIncludingRecreatingADeletedKey()
    {
        var b = await CreateOkAsync(Pod("b"), "b1");
        Assert.Equal(WriteStatus.Ok, (await Store.DeleteAsync(Pod("b"), b)).Status);
        var a = await CreateOkAsync(Pod("a"), "a1");
        await Store.CompactAsync(await Store.GetCurrentRevisionAsync());

        var b2 = await CreateOkAsync(Pod("b"), "b2");
        var a2 = await UpdateOkAsync(Pod("a"), "a2", a);

        Assert.True(b2 > a && a2 > b2);
        Assert.Equal("b2", Text((await Store.GetAsync(Pod("b"), b2))?.Value));
        Assert.Equal(WriteStatus.AlreadyExists, (await Store.CreateAsync(Pod("a"), Bytes("x"))).Status);
        Assert.Equal(WriteStatus.Conflict, (await Store.UpdateAsync(Pod("a"), Bytes("x"), a)).Status);
    }

    [Fact]
    public async Task WatchFromACompactedRevisionThrowsButFromTheCompactionPointWorks()
    {
        var a = await CreateOkAsync(Pod("a"), "a1");
        var a2 = await UpdateOkAsync(Pod("a"), "a2", a);
        await Store.CompactAsync(a2);
        var a3 = await UpdateOkAsync(Pod("a"), "a3", a2);

        await using var tooOld = Store.WatchAsync(Pods, a).GetAsyncEnumerator();
        var error = await Assert.ThrowsAsync<CompactedException>(async () => await tooOld.MoveNextAsync());
        Assert.Equal(a2, error.CompactedRevision);

        // Every event after the compaction point is still there, with its previous value.
        await using var fromPoint = Store.WatchAsync(Pods, a2).GetAsyncEnumerator();
        AssertEvent(await NextAsync(fromPoint), StoreEventType.Updated, Pod("a"), "a3", "a2", a3, a2);
    }

    [Fact]
    public async Task CompactingToAnOlderPointIsANoOpAndTheFutureIsRejected()
    {
        var a = await CreateOkAsync(Pod("a"), "a1");
        var a2 = await UpdateOkAsync(Pod("a"), "a2", a);
        await Store.CompactAsync(a2);

        await Store.CompactAsync(a);

        Assert.Equal(a2, Store.CompactedRevision);
        await Assert.ThrowsAsync<FutureRevisionException>(async () => await Store.CompactAsync(a2 + 1));
    }
}
