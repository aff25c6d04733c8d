namespace KubeSharp.Client.Queues;

/// <summary>The longest delay of several limiters, e.g. per-item back-off combined with an overall bucket.</summary>
public sealed class MaxOfRateLimiter<T>(params IRateLimiter<T>[] limiters) : IRateLimiter<T>
{
    public TimeSpan When(T item)
    {
        var max = TimeSpan.Zero;
        // Every limiter must see the call (each counts or reserves), so no short-circuit.
        foreach (var l in limiters)
        {
            var d = l.When(item);
            if (d > max) max = d;
        }
        return max;
    }

    public void Forget(T item)
    {
        foreach (var l in limiters) l.Forget(item);
    }

    public int NumRequeues(T item) => limiters.Max(l => l.NumRequeues(item));
}
