using System.Text;

namespace KubeSharp.Storage.Tests;

/// <summary>
/// The behaviour every <see cref="IStore"/> backend must show (architecture.md §4). A backend's test class derives
/// from this one and says how to create, reopen and size a store; each test gets a fresh, empty store.
/// </summary>
public abstract partial class StoreConformanceTests : IAsyncLifetime
{
    protected const string Pods = "/registry/pods/";

    /// <summary>Upper bound for any single wait; tests never sleep, they wait for a condition up to this long.</summary>
    protected static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    protected IStore Store { get; private set; } = null!;

    /// <summary>Live events a watcher may leave unread before the backend drops it with WatchTooSlowException.</summary>
    protected abstract int WatchBufferSize { get; }

    /// <summary>Creates a fresh, empty store.</summary>
    protected abstract Task<IStore> CreateStoreAsync();

    /// <summary>Disposes <paramref name="store"/> and opens the same data again, as a process restart would.</summary>
    protected abstract Task<IStore> ReopenAsync(IStore store);

    public async Task InitializeAsync() => Store = await CreateStoreAsync();

    public virtual async Task DisposeAsync() => await Store.DisposeAsync();

    protected async Task RestartAsync() => Store = await ReopenAsync(Store);

    protected static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    protected static string Text(byte[]? bytes) => bytes is null ? "<null>" : Encoding.UTF8.GetString(bytes);

    protected static string Pod(string name) => $"{Pods}default/{name}";

    protected async Task<long> CreateOkAsync(string key, string value)
    {
        var result = await Store.CreateAsync(key, Bytes(value));
        Assert.Equal(WriteStatus.Ok, result.Status);
        return result.Revision;
    }

    protected async Task<long> UpdateOkAsync(string key, string value, long expectedRevision)
    {
        var result = await Store.UpdateAsync(key, Bytes(value), expectedRevision);
        Assert.Equal(WriteStatus.Ok, result.Status);
        return result.Revision;
    }

    protected static async Task<StoreEvent> NextAsync(IAsyncEnumerator<StoreEvent> watch)
    {
        Assert.True(await watch.MoveNextAsync().AsTask().WaitAsync(Timeout), "watch ended early");
        return watch.Current;
    }

    protected static async Task<List<StoreEvent>> TakeAsync(IAsyncEnumerator<StoreEvent> watch, int count)
    {
        var events = new List<StoreEvent>(count);
        for (var i = 0; i < count; i++)
        {
            events.Add(await NextAsync(watch));
        }

        return events;
    }

    protected static void AssertEvent(
        StoreEvent actual, StoreEventType type, string key, string? value, string? prevValue, long revision, long prevRevision)
    {
        Assert.Equal(type, actual.Type);
        Assert.Equal(key, actual.Key);
        Assert.Equal(value ?? "<null>", Text(actual.Value));
        Assert.Equal(prevValue ?? "<null>", Text(actual.PrevValue));
        Assert.Equal(revision, actual.Revision);
        Assert.Equal(prevRevision, actual.PrevRevision);
    }
}
