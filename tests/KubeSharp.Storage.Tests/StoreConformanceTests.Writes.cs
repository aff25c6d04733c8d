namespace KubeSharp.Storage.Tests;

public abstract partial class StoreConformanceTests
{
    [Fact]
    public async Task EmptyStoreIsAtRevisionZero()
    {
        Assert.Equal(0, await Store.GetCurrentRevisionAsync());
        Assert.Null(await Store.GetAsync(Pod("a")));
        var list = await Store.ListAsync(Pods, default);
        Assert.Empty(list.Items);
        Assert.False(list.More);
    }

    [Fact]
    public async Task RevisionsIncreaseStrictlyAcrossKeysAndKinds()
    {
        var a = await CreateOkAsync(Pod("a"), "a1");
        var b = await CreateOkAsync("/registry/services/default/b", "b1");
        var a2 = await UpdateOkAsync(Pod("a"), "a2", a);
        var deleted = await Store.DeleteAsync("/registry/services/default/b", b);
        Assert.Equal(WriteStatus.Ok, deleted.Status);
        long[] revisions = [a, b, a2, deleted.Revision];
        Assert.True(a > 0);
        for (var i = 1; i < revisions.Length; i++)
        {
            Assert.True(revisions[i] > revisions[i - 1], $"revision {revisions[i]} after {revisions[i - 1]}");
        }

        Assert.Equal(deleted.Revision, await Store.GetCurrentRevisionAsync());
    }

    [Fact]
    public async Task CreateReturnsTheNewValueAndGetReadsIt()
    {
        var result = await Store.CreateAsync(Pod("a"), Bytes("v1"));
        Assert.Equal(WriteStatus.Ok, result.Status);
        Assert.Equal(new KeyValue(Pod("a"), result.Current!.Value, result.Revision, result.Revision), result.Current);
        Assert.Equal("v1", Text(result.Current.Value));

        var read = await Store.GetAsync(Pod("a"));
        Assert.NotNull(read);
        Assert.Equal("v1", Text(read.Value));
        Assert.Equal(result.Revision, read.CreateRevision);
        Assert.Equal(result.Revision, read.ModRevision);
    }

    [Fact]
    public async Task EmptyAndBinaryValuesRoundTrip()
    {
        byte[] binary = [0, 1, 2, 255, 0];
        var empty = await Store.CreateAsync(Pod("empty"), ReadOnlyMemory<byte>.Empty);
        await Store.CreateAsync(Pod("binary"), binary);

        Assert.Equal(WriteStatus.Ok, empty.Status);
        Assert.Empty((await Store.GetAsync(Pod("empty")))!.Value);
        Assert.Equal(binary, (await Store.GetAsync(Pod("binary")))!.Value);
    }

    [Fact]
    public async Task CreateOfExistingKeyReturnsAlreadyExistsWithCurrentValue()
    {
        var revision = await CreateOkAsync(Pod("a"), "v1");

        var again = await Store.CreateAsync(Pod("a"), Bytes("v2"));

        Assert.Equal(WriteStatus.AlreadyExists, again.Status);
        Assert.Equal("v1", Text(again.Current?.Value));
        Assert.Equal(revision, again.Current?.ModRevision);
        Assert.Equal(revision, again.Revision);
        Assert.Equal("v1", Text((await Store.GetAsync(Pod("a")))?.Value));
    }

    [Fact]
    public async Task UpdateWithWrongRevisionReturnsConflictWithCurrentValue()
    {
        var created = await CreateOkAsync(Pod("a"), "v1");
        var updated = await UpdateOkAsync(Pod("a"), "v2", created);

        var stale = await Store.UpdateAsync(Pod("a"), Bytes("v3"), created);

        Assert.Equal(WriteStatus.Conflict, stale.Status);
        Assert.Equal("v2", Text(stale.Current?.Value));
        Assert.Equal(updated, stale.Current?.ModRevision);
        Assert.Equal(created, stale.Current?.CreateRevision);
        Assert.Equal(updated, await Store.GetCurrentRevisionAsync());
    }

    [Fact]
    public async Task UpdateKeepsCreateRevisionAndMovesModRevision()
    {
        var created = await CreateOkAsync(Pod("a"), "v1");
        var result = await Store.UpdateAsync(Pod("a"), Bytes("v2"), created);

        Assert.Equal(WriteStatus.Ok, result.Status);
        Assert.Equal(new KeyValue(Pod("a"), result.Current!.Value, created, result.Revision), result.Current);
        var read = await Store.GetAsync(Pod("a"));
        Assert.Equal(created, read?.CreateRevision);
        Assert.Equal(result.Revision, read?.ModRevision);
        Assert.Equal("v2", Text(read?.Value));
    }

    [Fact]
    public async Task UpdateOrDeleteOfMissingKeyReturnsNotFound()
    {
        var update = await Store.UpdateAsync(Pod("missing"), Bytes("v"), 1);
        var delete = await Store.DeleteAsync(Pod("missing"), 0);

        Assert.Equal(WriteStatus.NotFound, update.Status);
        Assert.Null(update.Current);
        Assert.Equal(WriteStatus.NotFound, delete.Status);
        Assert.Equal(0, await Store.GetCurrentRevisionAsync());
    }

    [Fact]
    public async Task DeleteWithWrongRevisionReturnsConflictWithCurrentValue()
    {
        var created = await CreateOkAsync(Pod("a"), "v1");
        var updated = await UpdateOkAsync(Pod("a"), "v2", created);

        var stale = await Store.DeleteAsync(Pod("a"), created);

        Assert.Equal(WriteStatus.Conflict, stale.Status);
        Assert.Equal("v2", Text(stale.Current?.Value));
        Assert.Equal(updated, stale.Current?.ModRevision);
        Assert.NotNull(await Store.GetAsync(Pod("a")));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task DeleteReturnsTheDeletedValueAndTheKeyIsGone(bool withRevision)
    {
        var created = await CreateOkAsync(Pod("a"), "v1");

        var deleted = await Store.DeleteAsync(Pod("a"), withRevision ? created : 0);

        Assert.Equal(WriteStatus.Ok, deleted.Status);
        Assert.True(deleted.Revision > created);
        Assert.Equal("v1", Text(deleted.Current?.Value));
        Assert.Equal(created, deleted.Current?.ModRevision);
        Assert.Null(await Store.GetAsync(Pod("a")));
        Assert.Equal(WriteStatus.NotFound, (await Store.DeleteAsync(Pod("a"), 0)).Status);
        Assert.Equal(WriteStatus.NotFound, (await Store.UpdateAsync(Pod("a"), Bytes("x"), deleted.Revision)).Status);
    }

    [Fact]
    public async Task RecreateAfterDeleteStartsANewIncarnation()
    {
        var first = await CreateOkAsync(Pod("a"), "v1");
        Assert.Equal(WriteStatus.Ok, (await Store.DeleteAsync(Pod("a"), first)).Status);

        var second = await CreateOkAsync(Pod("a"), "v2");

        var read = await Store.GetAsync(Pod("a"));
        Assert.Equal(second, read?.CreateRevision);
        Assert.Equal(second, read?.ModRevision);
        Assert.Equal("v2", Text(read?.Value));
    }

    [Fact]
    public async Task ARevisionFromAnEarlierIncarnationOfTheKeyConflicts()
    {
        var first = await CreateOkAsync(Pod("a"), "v1");
        Assert.Equal(WriteStatus.Ok, (await Store.DeleteAsync(Pod("a"), first)).Status);
        var second = await CreateOkAsync(Pod("a"), "v2");

        var update = await Store.UpdateAsync(Pod("a"), Bytes("stale"), first);
        var delete = await Store.DeleteAsync(Pod("a"), first);

        Assert.Equal(WriteStatus.Conflict, update.Status);
        Assert.Equal(second, update.Current?.ModRevision);
        Assert.Equal(WriteStatus.Conflict, delete.Status);
        Assert.Equal("v2", Text((await Store.GetAsync(Pod("a")))?.Value));
    }

    [Fact]
    public async Task CasRaceOnOneKeyHasExactlyOneWinner()
    {
        var created = await CreateOkAsync(Pod("a"), "v0");

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            Task.Run(async () => await Store.UpdateAsync(Pod("a"), Bytes($"v{i + 1}"), created))));

        var winner = Assert.Single(results, r => r.Status == WriteStatus.Ok);
        var losers = results.Where(r => r.Status != WriteStatus.Ok).ToList();
        Assert.Equal(49, losers.Count);
        Assert.All(losers, r =>
        {
            Assert.Equal(WriteStatus.Conflict, r.Status);
            Assert.Equal(winner.Revision, r.Current?.ModRevision);
            Assert.Equal(Text(winner.Current?.Value), Text(r.Current?.Value));
        });
        Assert.Equal(winner.Revision, (await Store.GetAsync(Pod("a")))?.ModRevision);
    }

    [Fact]
    public async Task CreateRaceOnOneKeyHasExactlyOneWinner()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(async () => await Store.CreateAsync(Pod("a"), Bytes($"v{i}")))));

        var winner = Assert.Single(results, r => r.Status == WriteStatus.Ok);
        Assert.All(results.Where(r => r.Status != WriteStatus.Ok), r =>
        {
            Assert.Equal(WriteStatus.AlreadyExists, r.Status);
            Assert.Equal(winner.Revision, r.Current?.ModRevision);
        });
    }

    [Fact]
    public async Task ConcurrentCreatesAllSucceedWithDistinctRevisions()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            Task.Run(async () => await Store.CreateAsync(Pod($"p{i:D3}"), Bytes($"v{i}")))));

        Assert.All(results, r => Assert.Equal(WriteStatus.Ok, r.Status));
        Assert.Equal(200, results.Select(r => r.Revision).Distinct().Count());
        Assert.Equal(results.Max(r => r.Revision), await Store.GetCurrentRevisionAsync());
        var list = await Store.ListAsync(Pods, default);
        Assert.Equal(200, list.Items.Count);
        foreach (var result in results)
        {
            Assert.Equal(result.Revision, (await Store.GetAsync(result.Current!.Key))?.ModRevision);
        }
    }
}
