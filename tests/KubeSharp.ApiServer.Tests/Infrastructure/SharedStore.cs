using KubeSharp.Storage;

namespace KubeSharp.ApiServer.Tests.Infrastructure;

/// <summary>One store handed to several API servers, as several kube-apiservers share one etcd: each host
/// disposes its store on shutdown, so this wrapper ignores that and the test disposes the real one.</summary>
public sealed class SharedStore(IStore inner) : IStore
{
    public long CompactedRevision => inner.CompactedRevision;

    public ValueTask<long> GetCurrentRevisionAsync(CancellationToken cancellationToken = default) => inner.GetCurrentRevisionAsync(cancellationToken);

    public ValueTask<WriteResult> CreateAsync(string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default) =>
        inner.CreateAsync(key, value, cancellationToken);

    public ValueTask<WriteResult> UpdateAsync(string key, ReadOnlyMemory<byte> value, long expectedRevision, CancellationToken cancellationToken = default) =>
        inner.UpdateAsync(key, value, expectedRevision, cancellationToken);

    public ValueTask<WriteResult> DeleteAsync(string key, long expectedRevision, CancellationToken cancellationToken = default) =>
        inner.DeleteAsync(key, expectedRevision, cancellationToken);

    public ValueTask<KeyValue?> GetAsync(string key, long revision = 0, CancellationToken cancellationToken = default) =>
        inner.GetAsync(key, revision, cancellationToken);

    public ValueTask<ListResult> ListAsync(string prefix, ListOptions options, CancellationToken cancellationToken = default) =>
        inner.ListAsync(prefix, options, cancellationToken);

    public IAsyncEnumerable<StoreEvent> WatchAsync(string prefix, long afterRevision, CancellationToken cancellationToken = default) =>
        inner.WatchAsync(prefix, afterRevision, cancellationToken);

    public ValueTask CompactAsync(long revision, CancellationToken cancellationToken = default) => inner.CompactAsync(revision, cancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
