namespace KubeSharp.Client.Queues;

/// <summary>
/// The controllers' queue: a <see cref="DelayingQueue{T}"/> whose failed items come back after a rate limiter's
/// delay. A sync that succeeds calls <see cref="Forget"/> so the next failure starts from the shortest delay.
/// </summary>
public sealed class RateLimitingQueue<T> : DelayingQueue<T>
    where T : notnull
{
    private readonly IRateLimiter<T> _limiter;

    public RateLimitingQueue(TimeProvider time, IRateLimiter<T>? limiter = null)
        : base(time)
    {
        _limiter = limiter ?? RateLimiters.Default<T>(time);
    }

    public void AddRateLimited(T item) => AddAfter(item, _limiter.When(item));

    public void Forget(T item) => _limiter.Forget(item);

    public int NumRequeues(T item) => _limiter.NumRequeues(item);
}
