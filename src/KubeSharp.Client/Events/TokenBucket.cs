namespace KubeSharp.Client.Events;

/// <summary>A non-waiting token bucket on the injected clock: a call either takes a token or is refused.</summary>
internal sealed class TokenBucket(int burst, TimeSpan refillInterval, TimeProvider time)
{
    private double _tokens = burst;
    private long _last = time.GetTimestamp();

    public bool TryTake()
    {
        var now = time.GetTimestamp();
        _tokens = Math.Min(burst, _tokens + time.GetElapsedTime(_last, now) / refillInterval);
        _last = now;
        if (_tokens < 1) return false;
        _tokens -= 1;
        return true;
    }
}
