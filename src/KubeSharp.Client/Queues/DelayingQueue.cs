namespace KubeSharp.Client.Queues;

/// <summary>
/// A <see cref="WorkQueue{T}"/> that can add an item later (client-go's DelayingInterface). Waiting items are kept
/// in a heap with one timer on the injected clock; an item already waiting keeps the earlier of its two ready times.
/// </summary>
public class DelayingQueue<T> : WorkQueue<T>
    where T : notnull
{
    private readonly TimeProvider _time;
    private readonly PriorityQueue<T, DateTimeOffset> _heap = new();
    private readonly Dictionary<T, DateTimeOffset> _readyAt = [];
    private readonly ITimer _timer;

    public DelayingQueue(TimeProvider time)
    {
        _time = time;
        _timer = time.CreateTimer(_ => Fire(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Items waiting for their delay to pass.</summary>
    public int WaitingCount
    {
        get { lock (Lock) return _readyAt.Count; }
    }

    public void AddAfter(T item, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            Add(item);
            return;
        }
        lock (Lock)
        {
            if (ShuttingDown) return;
            var at = _time.GetUtcNow() + delay;
            if (_readyAt.TryGetValue(item, out var existing) && existing <= at) return;
            _readyAt[item] = at;
            // Superseded heap entries stay behind and are skipped in Fire, which is cheaper than removing them.
            _heap.Enqueue(item, at);
            Reschedule();
        }
    }

    public override void ShutDown()
    {
        lock (Lock)
        {
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _heap.Clear();
            _readyAt.Clear();
        }
        base.ShutDown();
    }

    private void Fire()
    {
        var ready = new List<T>();
        lock (Lock)
        {
            var now = _time.GetUtcNow();
            while (_heap.TryPeek(out var item, out var at) && at <= now)
            {
                _heap.Dequeue();
                if (_readyAt.TryGetValue(item, out var current) && current == at)
                {
                    _readyAt.Remove(item);
                    ready.Add(item);
                }
            }
            Reschedule();
        }
        foreach (var item in ready) Add(item);
    }

    private void Reschedule()
    {
        while (_heap.TryPeek(out var item, out var at))
        {
            if (_readyAt.TryGetValue(item, out var current) && current == at)
            {
                var due = at - _time.GetUtcNow();
                _timer.Change(due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
                return;
            }
            _heap.Dequeue();
        }
        _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }
}
