namespace KubeSharp.Storage.Sqlite;

/// <summary>One queued write. The writer thread fills <see cref="Result"/> inside the batch transaction and
/// completes <see cref="Completion"/> only after that transaction is durable.</summary>
internal sealed class WriteRequest(WriteKind kind, string key, byte[]? value, long expectedRevision, CancellationToken cancellationToken)
{
    public WriteKind Kind { get; } = kind;

    public string Key { get; } = key;

    public byte[]? Value { get; } = value;

    public long ExpectedRevision { get; } = expectedRevision;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public WriteResult Result { get; set; }

    /// <summary>Set when the caller cancelled before the write was applied; it is then skipped, never half-done.</summary>
    public bool Skipped { get; set; }

    // Continuations must not run on the writer thread: that would stall every other writer behind one caller.
    public TaskCompletionSource<WriteResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
