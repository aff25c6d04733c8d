namespace KubeSharp.Client.Queues;

/// <summary>
/// A work queue of keys with client-go's guarantees: an item queued several times before it is taken is handed
/// out once (dirty set); an item is never handed to two workers at once (processing set); an item added while
/// it is being processed is queued again when the worker calls <see cref="Done"/>. Workers loop
/// <c>GetAsync → sync → Done</c>. After <see cref="ShutDown"/>, new adds are dropped and
/// <see cref="GetAsync"/> drains what is queued, then reports shutdown.
/// </summary>
public class WorkQueue<T>
    where T : notnull
{
    private readonly Queue<T> _queue = new();
    private readonly HashSet<T> _dirty = [];
    private readonly HashSet<T> _processing = [];
    private readonly LinkedList<TaskCompletionSource<(T, bool)>> _waiters = new();
    private bool _shuttingDown;

    /// <summary>Guards all queue state; subclasses take it for their own bookkeeping too.</summary>
    protected object Lock { get; } = new();

    /// <summary>Items waiting to be taken (not counting those being processed).</summary>
    public int Count
    {
        get { lock (Lock) return _queue.Count; }
    }

    public bool ShuttingDown
    {
        get { lock (Lock) return _shuttingDown; }
    }

    public void Add(T item)
    {
        lock (Lock)
        {
            if (_shuttingDown || !_dirty.Add(item)) return;
            // Being processed: Done() queues it again, so the worker that has it now is the only one on it.
            if (_processing.Contains(item)) return;
            Enqueue(item);
        }
    }

    /// <summary>
    /// Takes the next item, waiting for one. Returns <c>Shutdown = true</c> (and a default item) once the queue is
    /// shut down and empty. Every item taken must be given back with <see cref="Done"/>.
    /// </summary>
    public Task<(T Item, bool Shutdown)> GetAsync(CancellationToken ct = default)
    {
        lock (Lock)
        {
            if (_queue.Count > 0) return Task.FromResult((Take(_queue.Dequeue()), false));
            if (_shuttingDown) return Task.FromResult((default(T)!, true));
            var waiter = new TaskCompletionSource<(T, bool)>(TaskCreationOptions.RunContinuationsAsynchronously);
            var node = _waiters.AddLast(waiter);
            if (ct.CanBeCanceled)
            {
                // Cancel only a waiter that has not been handed an item yet; one that has must still return it.
                var registration = ct.Register(() =>
                {
                    lock (Lock)
                    {
                        if (node.List == null) return;
                        _waiters.Remove(node);
                    }
                    waiter.TrySetCanceled(ct);
                });
                waiter.Task.ContinueWith(_ => registration.Dispose(), TaskScheduler.Default);
            }
            return waiter.Task;
        }
    }

    /// <summary>Marks the item finished; if it was added again meanwhile it goes back in the queue.</summary>
    public void Done(T item)
    {
        lock (Lock)
        {
            _processing.Remove(item);
            if (_dirty.Contains(item)) Enqueue(item);
        }
    }

    public virtual void ShutDown()
    {
        lock (Lock)
        {
            _shuttingDown = true;
            // Waiters exist only while the queue is empty, so they can be told about shutdown right away.
            foreach (var w in _waiters) w.TrySetResult((default(T)!, true));
            _waiters.Clear();
        }
    }

    private void Enqueue(T item)
    {
        if (_waiters.First is { } first)
        {
            _waiters.RemoveFirst();
            first.Value.TrySetResult((Take(item), false));
            return;
        }
        _queue.Enqueue(item);
    }

    private T Take(T item)
    {
        _dirty.Remove(item);
        _processing.Add(item);
        return item;
    }
}
