namespace KubeSharp.Proxy.Sync;

/// <summary>
/// Upstream's bounded-frequency runner: a sync runs soon after a change is signalled, but never sooner than
/// <c>minInterval</c> after the previous one (a burst of changes becomes one sync), and at least every
/// <c>maxInterval</c> even without changes.
/// </summary>
public sealed class SyncRunner(TimeSpan minInterval, TimeSpan maxInterval, TimeProvider time)
{
    private readonly SemaphoreSlim _signal = new(0, 1);
    private long _lastRun = long.MinValue;

    /// <summary>Asks for a sync; cheap and safe from any thread, coalesced with pending requests.</summary>
    public void Request()
    {
        try
        {
            if (_signal.CurrentCount == 0) _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already requested.
        }
    }

    /// <summary>Calls <paramref name="sync"/> per the rules above until cancelled. The argument is true for periodic runs.</summary>
    public async Task RunAsync(Func<bool, CancellationToken, Task> sync, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var periodic = !await _signal.WaitAsync(maxInterval, ct);
            if (_lastRun != long.MinValue)
            {
                var since = time.GetElapsedTime(_lastRun);
                if (since < minInterval) await Task.Delay(minInterval - since, time, ct);
            }
            // Requests that arrived during the wait are folded into this run.
            if (_signal.CurrentCount > 0) await _signal.WaitAsync(ct);
            _lastRun = time.GetTimestamp();
            await sync(periodic, ct);
        }
    }
}
