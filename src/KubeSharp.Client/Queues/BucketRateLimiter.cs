namespace KubeSharp.Client.Queues;

/// <summary>
/// An overall token bucket shared by all items (client-go's BucketRateLimiter over golang.org/x/time/rate):
/// <paramref name="qps"/> tokens per second, up to <paramref name="burst"/> saved. Each call reserves one token and
/// returns how long to wait until it is available, so a burst of failures is spread out instead of refused.
/// </summary>
public sealed class BucketRateLimiter<T>(double qps, int burst, TimeProvider time) : IRateLimiter<T>
{
    private readonly object _lock = new();
    private double _tokens = burst;
    private long _last = time.GetTimestamp();

    public TimeSpan When(T item)
    {
        lock (_lock)
        {
            var now = time.GetTimestamp();
            _tokens = Math.Min(burst, _tokens + time.GetElapsedTime(_last, now).TotalSeconds * qps);
            _last = now;
            _tokens -= 1;
            return _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / qps);
        }
    }

    public void Forget(T item)
    {
    }

    public int NumRequeues(T item) => 0;
}
