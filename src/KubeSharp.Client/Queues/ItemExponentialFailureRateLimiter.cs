namespace KubeSharp.Client.Queues;

/// <summary>Per-item back-off: baseDelay × 2^failures, capped at maxDelay (client-go: 5 ms doubling to 1000 s).</summary>
public sealed class ItemExponentialFailureRateLimiter<T>(TimeSpan baseDelay, TimeSpan maxDelay) : IRateLimiter<T>
    where T : notnull
{
    private readonly object _lock = new();
    private readonly Dictionary<T, int> _failures = [];

    public TimeSpan When(T item)
    {
        int exp;
        lock (_lock)
        {
            exp = _failures.GetValueOrDefault(item);
            _failures[item] = exp + 1;
        }
        // Past ~2^62 ticks the multiplication overflows; anything that large is over the cap anyway.
        if (exp >= 62) return maxDelay;
        var ticks = baseDelay.Ticks * Math.Pow(2, exp);
        return ticks >= maxDelay.Ticks ? maxDelay : TimeSpan.FromTicks((long)ticks);
    }

    public void Forget(T item)
    {
        lock (_lock) _failures.Remove(item);
    }

    public int NumRequeues(T item)
    {
        lock (_lock) return _failures.GetValueOrDefault(item);
    }
}
