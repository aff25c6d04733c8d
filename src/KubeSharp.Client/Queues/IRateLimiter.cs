namespace KubeSharp.Client.Queues;

/// <summary>Decides how long an item waits before it is retried (client-go's workqueue.RateLimiter).</summary>
public interface IRateLimiter<in T>
{
    /// <summary>The delay for this retry of <paramref name="item"/>; counts the retry.</summary>
    TimeSpan When(T item);

    /// <summary>Stops tracking the item: its next failure starts the back-off from the beginning.</summary>
    void Forget(T item);

    /// <summary>How many times the item has been rate-limited since it was last forgotten.</summary>
    int NumRequeues(T item);
}
