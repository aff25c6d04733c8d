using KubeSharp.Storage.Sqlite;

namespace KubeSharp.Storage.Tests.Sqlite;

/// <summary>The conformance suite on a throw-away database file per test.</summary>
public sealed class SqliteStoreConformanceTests : StoreConformanceTests
{
    private readonly TempDirectory _directory = new();

    // Above every burst the suite makes while a watcher is reading (so a descheduled test thread cannot overflow
    // it), small enough for the slow-watcher test to overflow it quickly.
    protected override int WatchBufferSize => 1000;

    protected override Task<IStore> CreateStoreAsync() => Task.FromResult<IStore>(Open());

    protected override async Task<IStore> ReopenAsync(IStore store)
    {
        await store.DisposeAsync();
        return Open();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _directory.Dispose();
    }

    private SqliteStore Open() => new(new SqliteStoreOptions
    {
        Path = _directory.File("store.db"),
        WatchBufferSize = WatchBufferSize,
        // The suite compacts explicitly; a timer must not move the compaction point under it.
        CompactInterval = System.Threading.Timeout.InfiniteTimeSpan,
    });
}
