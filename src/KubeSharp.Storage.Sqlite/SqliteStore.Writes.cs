namespace KubeSharp.Storage.Sqlite;

public sealed partial class SqliteStore
{
    public ValueTask<WriteResult> CreateAsync(string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default) =>
        EnqueueAsync(new WriteRequest(WriteKind.Create, key, value.ToArray(), 0, cancellationToken));

    public ValueTask<WriteResult> UpdateAsync(string key, ReadOnlyMemory<byte> value, long expectedRevision, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(expectedRevision);
        return EnqueueAsync(new WriteRequest(WriteKind.Update, key, value.ToArray(), expectedRevision, cancellationToken));
    }

    public ValueTask<WriteResult> DeleteAsync(string key, long expectedRevision, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(expectedRevision);
        return EnqueueAsync(new WriteRequest(WriteKind.Delete, key, null, expectedRevision, cancellationToken));
    }

    // The value is copied once, at the call: the same array then goes to SQLite, into the result and into every
    // watcher's event, and the caller may reuse its buffer as soon as the call returns.
    private ValueTask<WriteResult> EnqueueAsync(WriteRequest request)
    {
        ArgumentException.ThrowIfNullOrEmpty(request.Key);
        ThrowIfDisposed();
        request.CancellationToken.ThrowIfCancellationRequested();
        // Cancellation only skips a request the writer has not started; once in a transaction the caller waits
        // for the outcome, so a cancelled call never leaves "did it happen?" open.
        return new ValueTask<WriteResult>(_writer.Enqueue(request));
    }
}
