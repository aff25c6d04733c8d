namespace KubeSharp.Storage.Sqlite;

/// <summary>A CompactAsync call waiting until history at or below <see cref="Revision"/> is physically gone.</summary>
internal sealed record CompactionWaiter(long Revision)
{
    public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
