namespace KubeSharp.Storage.Sqlite;

public sealed partial class SqliteStore
{
    public async ValueTask CompactAsync(long revision, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(revision);
        ThrowIfDisposed();
        var current = _writer.CurrentRevision;
        if (revision > current)
        {
            throw new FutureRevisionException(revision, current);
        }

        // Compacting to an older point than already done is a no-op rather than an error: the background loop
        // and an explicit caller may race, and both want the same thing.
        await _writer.CompactAsync(revision).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Keeps history bounded: every CompactInterval, compact up to MinRetainedRevisions behind the head.</summary>
    private async Task CompactPeriodicallyAsync(CancellationToken cancellationToken)
    {
        var interval = _options.CompactInterval;
        if (interval <= TimeSpan.Zero || interval == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        // The timer is created before the first await, i.e. inside the constructor, so a fake clock advanced
        // right after construction already moves it.
        using var timer = new PeriodicTimer(interval, _timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                var target = _writer.CurrentRevision - Math.Max(0, _options.MinRetainedRevisions);
                if (target <= _writer.CompactedRevision)
                {
                    continue;
                }

                try
                {
                    await _writer.CompactAsync(target).WaitAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A failed compaction only delays trimming history; the next tick tries again.
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Store disposed.
        }
    }
}
