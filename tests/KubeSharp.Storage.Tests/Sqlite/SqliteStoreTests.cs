using KubeSharp.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace KubeSharp.Storage.Tests.Sqlite;

/// <summary>What only the SQLite backend promises: what is in the file, background compaction, shutdown.</summary>
public sealed class SqliteStoreTests : IDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(20);
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task TheFileIsInWalModeWithTheLogSchema()
    {
        await using (var store = Open())
        {
            await store.CreateAsync("/registry/pods/a", "v"u8.ToArray());
        }

        Assert.Equal("wal", Scalar("PRAGMA journal_mode"));
        Assert.Equal(1L, Scalar("SELECT COUNT(*) FROM kv_log"));
    }

    [Fact]
    public async Task CompactionDeletesSupersededRowsAndTombstonesButKeepsCurrentRows()
    {
        await using (var store = Open())
        {
            var a = (await store.CreateAsync("/registry/pods/a", "a1"u8.ToArray())).Revision;
            for (var i = 2; i <= 5; i++)
            {
                a = (await store.UpdateAsync("/registry/pods/a", "a"u8.ToArray(), a)).Revision;
            }

            var b = (await store.CreateAsync("/registry/pods/b", "b1"u8.ToArray())).Revision;
            await store.DeleteAsync("/registry/pods/b", b);
            var c = (await store.CreateAsync("/registry/pods/c", "c1"u8.ToArray())).Revision;
            var keep = (await store.UpdateAsync("/registry/pods/c", "c2"u8.ToArray(), c)).Revision;

            // Compact below c's update: c's first row is still the value at the compaction point, so it stays.
            await store.CompactAsync(keep - 1);
        }

        // a: 1 current row; b: gone (tombstone compacted); c: both rows (the update is above the point).
        Assert.Equal(3L, Scalar("SELECT COUNT(*) FROM kv_log"));
        Assert.Equal(0L, Scalar("SELECT COUNT(*) FROM kv_log WHERE name = '/registry/pods/b'"));
    }

    [Fact]
    public async Task AnInterruptedCompactionResumesAfterRestart()
    {
        long target;
        await using (var store = Open())
        {
            var a = (await store.CreateAsync("/registry/pods/a", "a"u8.ToArray())).Revision;
            for (var i = 0; i < 10; i++)
            {
                a = (await store.UpdateAsync("/registry/pods/a", "a"u8.ToArray(), a)).Revision;
            }

            target = a;
        }

        // As if the process died after moving the compaction point but before deleting any row.
        Execute($"UPDATE kv_meta SET value = {target} WHERE name = 'compact_rev'");

        await using (var store = Open())
        {
            Assert.Equal(target, store.CompactedRevision);
            await store.CompactAsync(target).AsTask().WaitAsync(s_timeout);
        }

        Assert.Equal(1L, Scalar("SELECT COUNT(*) FROM kv_log"));
    }

    [Fact]
    public async Task BackgroundCompactionKeepsTheMinimumHistory()
    {
        var time = new ManualTimeProvider();
        await using var store = Open(time, compactInterval: TimeSpan.FromMinutes(5), minRetained: 5);
        var revision = (await store.CreateAsync("/registry/pods/a", "a"u8.ToArray())).Revision;
        for (var i = 0; i < 19; i++)
        {
            revision = (await store.UpdateAsync("/registry/pods/a", "a"u8.ToArray(), revision)).Revision;
        }

        time.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(0, store.CompactedRevision);

        time.Advance(TimeSpan.FromMinutes(1));
        await WaitUntilAsync(() => store.CompactedRevision == revision - 5);
        // An explicit compaction to the same point completes once the rows are gone.
        await store.CompactAsync(revision - 5).AsTask().WaitAsync(s_timeout);
        Assert.Equal(6L, Scalar("SELECT COUNT(*) FROM kv_log"));
        Assert.NotNull(await store.GetAsync("/registry/pods/a", revision - 4));
    }

    [Fact]
    public async Task DisposingTheStoreEndsLiveWatchesAndRejectsNewCalls()
    {
        var store = Open();
        await using var watch = store.WatchAsync("/registry/", 0).GetAsyncEnumerator();
        var next = watch.MoveNextAsync();
        await store.CreateAsync("/registry/pods/a", "a"u8.ToArray());
        Assert.True(await next.AsTask().WaitAsync(s_timeout));

        await store.DisposeAsync();

        Assert.False(await watch.MoveNextAsync().AsTask().WaitAsync(s_timeout));
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await store.CreateAsync("/registry/pods/b", "b"u8.ToArray()));
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await store.GetAsync("/registry/pods/a"));
    }

    [Fact]
    public void OpeningAFileThatIsNotADatabaseFails()
    {
        File.WriteAllText(_directory.File("store.db"), new string('x', 4096));

        Assert.Throws<SqliteException>(() => Open());
    }

    [Fact]
    public async Task AWriteCancelledBeforeItIsQueuedIsNotApplied()
    {
        await using var store = Open();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await store.CreateAsync("/registry/pods/a", "a"u8.ToArray(), cancelled.Token));

        Assert.Null(await store.GetAsync("/registry/pods/a"));
        Assert.Equal(0, await store.GetCurrentRevisionAsync());
    }

    private SqliteStore Open(TimeProvider? time = null, TimeSpan? compactInterval = null, long minRetained = 1000) =>
        new(new SqliteStoreOptions
        {
            Path = _directory.File("store.db"),
            CompactInterval = compactInterval ?? System.Threading.Timeout.InfiniteTimeSpan,
            MinRetainedRevisions = minRetained,
            CompactBatchSize = 3,
        }, time);

    private object? Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_directory.File("store.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private void Execute(string sql) => Scalar(sql);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(s_timeout);
        while (!condition())
        {
            // Polls a condition that has no event to await; fails after the timeout instead of guessing a delay.
            await Task.Delay(5, timeout.Token);
        }
    }
}
