namespace KubeSharp.ControllerManager.Controllers.NodeLifecycle;

/// <summary>A node waiting in a zone's taint queue; <see cref="ProcessAt"/> moves on when an attempt asks to wait.</summary>
internal sealed record TimedValue(string Value, string Uid, DateTimeOffset AddedAt, DateTimeOffset ProcessAt);

/// <summary>
/// One zone's queue of nodes to taint (upstream's RateLimitedTimedQueue over a UniqueQueue). Items leave in
/// <see cref="TimedValue.ProcessAt"/> order, each attempt costing a token of the zone's bucket, so a zone taints at
/// most its rate of nodes a second (burst 1). A value stays known after it was processed, so that it is not queued
/// again until <see cref="Remove"/> says the node is healthy (or untainted) again. The bucket is swapped when the
/// zone's state changes. Thread-safe.
/// </summary>
internal sealed class RateLimitedTimedQueue
{
    /// <summary>upstream's EvictionRateLimiterBurst.</summary>
    public const int Burst = 1;

    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly List<TimedValue> _queue = [];
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private TokenBucket _limiter;

    public RateLimitedTimedQueue(double qps, TimeProvider time)
    {
        _time = time;
        _limiter = new TokenBucket(qps, Burst, time);
    }

    /// <summary>The current rate (nodes a second; 0 = stopped).</summary>
    public double Qps
    {
        get { lock (_gate) return _limiter.Qps; }
    }

    public int Count
    {
        get { lock (_gate) return _queue.Count; }
    }

    /// <summary>Queues a node; false when it is queued already or was processed and not removed since.</summary>
    public bool Add(string value, string uid)
    {
        lock (_gate)
        {
            if (!_known.Add(value)) return false;
            var now = _time.GetUtcNow();
            Insert(new TimedValue(value, uid, now, now));
            return true;
        }
    }

    /// <summary>Forgets a node (queued or processed); true when it was known.</summary>
    public bool Remove(string value)
    {
        lock (_gate)
        {
            _queue.RemoveAll(v => v.Value == value);
            return _known.Remove(value);
        }
    }

    /// <summary>Replaces the bucket with one of the new rate; the same rate keeps the bucket (and its tokens).</summary>
    public void SwapLimiter(double qps)
    {
        lock (_gate)
        {
            if (_limiter.Qps.Equals(qps) || (_limiter.Qps <= 0 && qps <= 0)) return;
            _limiter = new TokenBucket(qps, Burst, _time);
        }
    }

    /// <summary>
    /// Processes due items while the bucket has tokens. <paramref name="action"/> returns whether the item is done; a
    /// false result puts it back <c>wait</c> later. Called by one loop at a time (the tainting pass).
    /// </summary>
    public async Task TryAsync(Func<TimedValue, Task<(bool Done, TimeSpan Wait)>> action)
    {
        while (true)
        {
            TimedValue head;
            lock (_gate)
            {
                if (_queue.Count == 0) return;
                head = _queue[0];
                if (head.ProcessAt > _time.GetUtcNow()) return;
                if (!_limiter.TryAccept()) return;
            }
            var (done, wait) = await action(head);
            lock (_gate)
            {
                // Removed (node healthy again) while the action ran: it stays removed.
                var index = _queue.IndexOf(head);
                if (index < 0) continue;
                _queue.RemoveAt(index);
                if (!done) Insert(head with { ProcessAt = _time.GetUtcNow() + wait + TimeSpan.FromTicks(1) });
            }
        }
    }

    private void Insert(TimedValue value)
    {
        var i = _queue.FindIndex(v => v.ProcessAt > value.ProcessAt);
        if (i < 0) _queue.Add(value);
        else _queue.Insert(i, value);
    }
}
