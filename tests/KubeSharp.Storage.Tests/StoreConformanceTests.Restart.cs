namespace KubeSharp.Storage.Tests;

public abstract partial class StoreConformanceTests
{
    [Fact]
    public async Task DataAndRevisionCounterSurviveARestart()
    {
        var a = await CreateOkAsync(Pod("a"), "a1");
        a = await UpdateOkAsync(Pod("a"), "a2", a);
        var b = await CreateOkAsync(Pod("b"), "b1");
        var before = await Store.GetCurrentRevisionAsync();

        await RestartAsync();

        Assert.Equal(before, await Store.GetCurrentRevisionAsync());
        Assert.Equal("a2", Text((await Store.GetAsync(Pod("a")))?.Value));
        Assert.Equal(a, (await Store.GetAsync(Pod("a")))?.ModRevision);
        Assert.Equal(b, (await Store.GetAsync(Pod("b")))?.ModRevision);
        var c = await CreateOkAsync(Pod("c"), "c1");
        Assert.True(c > before);
        Assert.Equal(WriteStatus.Ok, (await Store.UpdateAsync(Pod("a"), Bytes("a3"), a)).Status);

        await using var watch = Store.WatchAsync(Pods, 0).GetAsyncEnumerator();
        Assert.Equal(5, (await TakeAsync(watch, 5)).Select(e => e.Revision).Distinct().Count());
    }

    [Fact]
    public async Task RevisionsStayMonotonicAfterCompactingAwayTheNewestRowsAndRestarting()
    {
        var a = await CreateOkAsync(Pod("a"), "a1");
        var deleted = (await Store.DeleteAsync(Pod("a"), a)).Revision;
        await Store.CompactAsync(deleted);

        await RestartAsync();

        Assert.Equal(deleted, await Store.GetCurrentRevisionAsync());
        Assert.Equal(deleted, Store.CompactedRevision);
        Assert.True(await CreateOkAsync(Pod("a"), "a2") > deleted);
        await Assert.ThrowsAsync<CompactedException>(async () => await Store.GetAsync(Pod("a"), a));
    }
}
