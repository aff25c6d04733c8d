namespace KubeSharp.Client.Queues;

public static class RateLimiters
{
    /// <summary>
    /// client-go's DefaultControllerRateLimiter: per-item 5 ms doubling to 1000 s, and overall 10 qps with a
    /// burst of 100, whichever waits longer.
    /// </summary>
    public static IRateLimiter<T> Default<T>(TimeProvider time)
        where T : notnull =>
        new MaxOfRateLimiter<T>(
            new ItemExponentialFailureRateLimiter<T>(TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1000)),
            new BucketRateLimiter<T>(10, 100, time));
}
